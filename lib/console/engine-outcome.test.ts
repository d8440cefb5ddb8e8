import { describe, expect, it } from 'vitest';
import { readEngineOutcome } from './engine-outcome';

const err = (exitCode: number, report: object) => ({ exitCode, stdout: '', stderr: JSON.stringify(report) + '\n' });

describe('readEngineOutcome', () => {
  it('returns the JSON report on success', () => {
    expect(readEngineOutcome('host1', { exitCode: 0, stdout: '{"changes":[]}', stderr: '' })).toEqual({ ok: true, report: { changes: [] } });
  });

  it('names the form field of a bad input in plain words', () => {
    const o = readEngineOutcome('host2', err(2, { code: 'bad-input', message: 'to: cannot resolve "nope" on this host', field: 'to' }));
    expect(o).toEqual({ ok: false, code: 'bad-input', message: 'Target: cannot resolve "nope" on this host', field: 'to' });
  });

  it('tells a binding the host does not have from bad input', () => {
    const o = readEngineOutcome('host1', err(2, { code: 'unknown-id', message: 'id: no binding "ghost" on host1 (bindings: web)', field: 'id' }));
    expect(o).toEqual({ ok: false, code: 'not-found', message: 'Id: no binding "ghost" on host1 (bindings: web)', field: 'id' });
  });

  it('names the form field for errors a plan finds inside its file', () => {
    const o = readEngineOutcome('host2', err(2, { code: 'bad-input', message: 'bindings[2].to: bindings[2].to: cannot resolve "nowhere" on this host', field: 'bindings[2].to' }));
    expect(o).toMatchObject({ ok: false, field: 'to', message: 'Target: cannot resolve "nowhere" on this host' });
  });

  it('turns a stale revision into "changed since you loaded it"', () => {
    const o = readEngineOutcome('host1', err(3, { code: 'conflict', message: 'binding "web" changed since you loaded it (you loaded revision 1, it is now 2)', field: 'revision' }));
    expect(o.ok).toBe(false);
    expect(!o.ok && o.code).toBe('stale');
    expect(!o.ok && o.message).toMatch(/changed since you loaded it/);
  });

  it('keeps other conflicts as conflicts naming their field', () => {
    const o = readEngineOutcome('host1', err(3, { code: 'conflict', message: 'front eth0:2211/tcp is already bound by "web"', field: 'port' }));
    expect(o).toMatchObject({ ok: false, code: 'conflict', field: 'port', message: 'Port: front eth0:2211/tcp is already bound by "web"' });
  });

  it('reports a timed-out host as unreachable', () => {
    expect(readEngineOutcome('host9', { exitCode: 124, stdout: '', stderr: 'timed out' })).toMatchObject({ ok: false, code: 'unreachable' });
  });
});
