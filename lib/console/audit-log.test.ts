import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appendAudit } from './audit-log';

describe('appendAudit', () => {
  it('appends one JSON line per entry, keeping earlier ones', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'sy-audit-')), 'nested', 'audit.jsonl');
    await appendAudit({ role: 'operator', host: 'host2', action: 'export', args: ['export', '--port', '2211'], outcome: 'ok' }, file);
    await appendAudit({ role: 'operator', host: 'host1', action: 'remove', args: ['remove', 'web'], outcome: 'refused', message: 'no binding' }, file);
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.host, l.action, l.outcome])).toEqual([
      ['host2', 'export', 'ok'],
      ['host1', 'remove', 'refused'],
    ]);
    expect(Date.parse(lines[0].at)).not.toBeNaN();
  });
});
