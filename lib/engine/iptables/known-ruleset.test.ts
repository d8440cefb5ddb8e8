import { describe, expect, it } from 'vitest';
import { KnownRuleset } from './known-ruleset';
import { formatSave } from './save-format';
import { freshTables } from './simulated';

const chainScript = (target: string) => `*nat\n:SWITCHYARD-B-X - [0:0]\n-A SWITCHYARD-B-X -p tcp -j DNAT --to-destination ${target}\nCOMMIT\n`;

describe('what a session knows its iptables hold', () => {
  it('is nothing until a dump is offered', () => {
    const k = new KnownRuleset();
    expect(k.holds()).toBe(false);
    k.offer(freshTables(), k.mark);
    expect(k.holds()).toBe(true);
  });

  it('follows the scripts the kernel accepted, as the kernel would apply them', () => {
    const k = new KnownRuleset();
    k.offer(freshTables(), k.mark);
    k.applied(chainScript('10.2.1.1:4422'), true);
    k.applied(chainScript('10.2.1.2:4422'), true);
    const text = formatSave(k.get()!);
    expect(text).toContain('--to-destination 10.2.1.2:4422');
    expect(text).not.toContain('10.2.1.1:4422');
    expect(k.appliedCount).toBe(2);
  });

  it('refuses a dump whose read began before a change was applied or forgotten', () => {
    const k = new KnownRuleset();
    k.offer(freshTables(), k.mark);
    const before = k.mark;
    k.applied(chainScript('10.2.1.1:4422'), true);
    k.offer(freshTables(), before);
    expect(formatSave(k.get()!)).toContain('10.2.1.1:4422');
    const again = k.mark;
    k.forget();
    k.offer(freshTables(), again);
    expect(k.holds()).toBe(false);
  });

  it('forgets when its model refuses a script the kernel took (they disagree)', () => {
    const k = new KnownRuleset();
    k.offer(freshTables(), k.mark);
    k.applied('*nat\n-A NO-SUCH-CHAIN -j ACCEPT\nCOMMIT\n', true);
    expect(k.holds()).toBe(false);
  });

  it('hands out copies', () => {
    const k = new KnownRuleset();
    k.offer(freshTables(), k.mark);
    k.get()!.tables.length = 0;
    expect(k.get()!.tables).toHaveLength(2);
  });
});
