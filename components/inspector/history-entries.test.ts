import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/lib/audit';
import { bindingHistory, revertTarget } from './history-entries';

let next = 1;
const row = (r: Partial<AuditEntry> & Pick<AuditEntry, 'action'>): AuditEntry => ({
  id: next++,
  at: `2026-11-26T17:0${next}:00.000Z`,
  username: 'olivia',
  address: '127.0.0.1',
  host: 'host1',
  binding: 'h3',
  targetBefore: null,
  targetAfter: null,
  args: [],
  outcome: 'ok',
  message: null,
  finishedAt: null,
  ...r,
});

describe('a binding’s history from its audit rows', () => {
  const created = row({ action: 'import', targetAfter: '192.168.1.3:2211' });
  const previewRefused = row({ action: 'preview', outcome: 'refused' });
  const moved = row({ action: 'rebind', targetBefore: '192.168.1.3:2211', targetAfter: '192.168.4.4:2211', username: 'oscar' });
  const stale = row({ action: 'rebind', outcome: 'refused', targetAfter: '10.0.0.1:1', message: 'changed since you loaded it' });
  const pending = row({ action: 'rebind', outcome: 'pending', targetAfter: '10.0.0.2:1' });
  const undone = row({ action: 'rebind (undo)', targetBefore: '192.168.4.4:2211', targetAfter: '192.168.1.3:2211' });
  const removed = row({ action: 'remove', targetBefore: '192.168.1.3:2211', username: null });
  const history = bindingHistory([created, previewRefused, moved, stale, pending, undone, removed]);

  it('lists only applied changes, newest first', () => {
    expect(history.map((h) => h.auditId)).toEqual([removed.id, undone.id, moved.id, created.id]);
  });

  it('says who, when, and the target before → after; a creation has no before, a removal no after', () => {
    expect(history[3]).toEqual({ auditId: created.id, at: created.at, who: 'olivia', action: 'import', reason: null, before: null, after: '192.168.1.3:2211' });
    expect(history[2]).toMatchObject({ who: 'oscar', action: 'rebind', before: '192.168.1.3:2211', after: '192.168.4.4:2211' });
    expect(history[0]).toMatchObject({ who: '(not signed in)', action: 'remove', before: '192.168.1.3:2211', after: null });
  });

  it('marks undos and reverts, keeping the verb', () => {
    expect(history[1]).toMatchObject({ action: 'rebind', reason: 'undo' });
    expect(bindingHistory([row({ action: 'rebind (revert)', targetAfter: 'a1:4422' })])[0]).toMatchObject({ action: 'rebind', reason: 'revert' });
  });

  it('offers to revert to earlier targets only', () => {
    expect(revertTarget(history[2], '192.168.1.3:2211')).toBe('192.168.4.4:2211');
    expect(revertTarget(history[1], '192.168.1.3:2211')).toBeNull();
    expect(revertTarget(history[0], '192.168.1.3:2211')).toBeNull();
  });
});
