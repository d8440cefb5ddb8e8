import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/lib/audit';
import { bindingHistory, madeAs, recreationAt, revertTarget } from './history-entries';
import { removedBindings } from './removed-bindings';

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

describe('re-creating a removed binding from its history', () => {
  it('reads a creation’s front and options back from its engine arguments', () => {
    expect(madeAs(['export', '--in', 'eth0', '--port', '2211', '--proto', 'tcp', '--to', 'a1:4422', '--id', 'web'])).toEqual({ kind: 'export', iface: 'eth0', port: 2211, proto: 'tcp', masquerade: true });
    expect(madeAs(['import', '--on', '10.2.1.3', '--port', '3322', '--proto', 'udp', '--to', 'x:1', '--id', 'h3', '--no-masquerade'])).toEqual({ kind: 'import', address: '10.2.1.3', port: 3322, proto: 'udp', masquerade: false });
    expect(madeAs(['rebind', 'h3', '--to', 'x:1'])).toBeUndefined();
  });

  it('brings back an earlier state: the front of the creation before it, the target it set', () => {
    const created = row({ action: 'import', targetAfter: '192.168.1.3:2211', args: ['import', '--on', '10.2.1.3', '--port', '3322', '--proto', 'tcp', '--to', '192.168.1.3:2211', '--id', 'h3'] });
    const moved = row({ action: 'rebind', targetBefore: '192.168.1.3:2211', targetAfter: '192.168.4.4:2211' });
    const removed = row({ action: 'remove', targetBefore: '192.168.4.4:2211' });
    const history = bindingHistory([created, moved, removed]);
    expect(recreationAt(history, history[1]!, 'host1', 'h3')).toEqual({ action: 'create', host: 'host1', id: 'h3', kind: 'import', address: '10.2.1.3', port: 3322, proto: 'tcp', masquerade: true, target: '192.168.4.4:2211' });
    expect(recreationAt(history, history[2]!, 'host1', 'h3')).toMatchObject({ target: '192.168.1.3:2211' });
    // The removal itself is no state with a binding in it.
    expect(recreationAt(history, history[0]!, 'host1', 'h3')).toBeNull();
  });

  it('offers nothing when no creation is recorded before that state (an adopted rule)', () => {
    const adopted = row({ action: 'adopt', targetAfter: '10.0.0.1:1' });
    const history = bindingHistory([adopted, row({ action: 'remove' })]);
    expect(recreationAt(history, history[1]!, 'host1', 'h3')).toBeNull();
  });

  it('lists the bindings whose newest applied change removed them, newest first', () => {
    const rows = [
      row({ action: 'export', binding: 'web', host: 'host2' }),
      row({ action: 'remove', binding: 'web', host: 'host2' }),
      row({ action: 'import', binding: 'h3' }),
      row({ action: 'remove', binding: 'h3' }),
      row({ action: 'import (undo)', binding: 'h3' }),
      row({ action: 'remove', binding: 'gone', outcome: 'refused' }),
      row({ action: 'remove (undo)', binding: 'tmp', username: null }),
    ];
    expect(removedBindings(rows).map((r) => `${r.id}@${r.host} by ${r.who}`)).toEqual(['tmp@host1 by (not signed in)', 'web@host2 by olivia']);
  });
});
