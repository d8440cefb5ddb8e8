import { describe, expect, it } from 'vitest';
import { findChain } from '../ruleset';
import { applyRestore, emptyTable } from './apply-restore';

const fresh = () => ({ tables: [emptyTable('filter'), emptyTable('nat')] });

describe('applyRestore', () => {
  it('returns new tables and leaves the ones it was given alone', () => {
    const current = fresh();
    const before = structuredClone(current);
    const outcome = applyRestore(current, '*nat\n:SWITCHYARD-PRE - [0:0]\n-A PREROUTING -j SWITCHYARD-PRE\nCOMMIT\n', { noflush: true });
    expect(outcome.ok).toBe(true);
    expect(current).toEqual(before);
    expect(outcome.ok && findChain(outcome.tables, 'nat', 'PREROUTING')!.rules).toEqual([{ chain: 'PREROUTING', args: ['-j', 'SWITCHYARD-PRE'] }]);
  });

  it('creates a table the namespace did not have yet, in iptables-save order', () => {
    const outcome = applyRestore(fresh(), '*mangle\n-A PREROUTING -j MARK --set-mark 1\nCOMMIT\n', { noflush: true });
    expect(outcome.ok && outcome.tables.tables.map((t) => t.name)).toEqual(['mangle', 'filter', 'nat']);
    expect(outcome.ok && findChain(outcome.tables, 'mangle', 'POSTROUTING')!.policy).toBe('ACCEPT');
  });

  it('ignores comments and blank lines but counts them in line numbers', () => {
    const outcome = applyRestore(fresh(), '# made by switchyard\n\n*filter\n\n-A FORWARD -j NOWHERE\nCOMMIT\n', { noflush: true });
    expect(outcome).toEqual({ ok: false, line: 5, message: "Chain 'NOWHERE' does not exist" });
  });

  it('refuses a policy on a user chain declaration, as iptables-legacy does', () => {
    expect(applyRestore(fresh(), '*nat\n:SY ACCEPT [0:0]\nCOMMIT\n', { noflush: true })).toMatchObject({ ok: false, line: 2 });
  });

  it('refuses a table that starts before the previous one is committed', () => {
    expect(applyRestore(fresh(), '*nat\n*filter\nCOMMIT\n', { noflush: true })).toMatchObject({ ok: false, line: 2, message: expect.stringContaining('COMMIT expected') });
  });
});
