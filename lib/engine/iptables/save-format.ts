import { joinArgs } from './tokens';
import type { Rule, Tables } from './ruleset';

/** One rule as `iptables-save` prints it: `-A CHAIN args…`. */
export function formatRule(r: Pick<Rule, 'chain' | 'args'>): string {
  return `-A ${r.chain} ${joinArgs(r.args)}`;
}

/** Render tables in `iptables-save` format (with `[p:b]` counters when `counters` is set). */
export function formatSave(t: Tables, opts: { counters?: boolean } = {}): string {
  const out: string[] = [];
  for (const table of t.tables) {
    out.push(`*${table.name}`);
    for (const c of table.chains) {
      const cnt = c.counters ?? { packets: 0, bytes: 0 };
      out.push(`:${c.name} ${c.policy ?? '-'} [${cnt.packets}:${cnt.bytes}]`);
    }
    for (const c of table.chains) {
      for (const r of c.rules) {
        const cnt = r.counters ?? { packets: 0, bytes: 0 };
        out.push((opts.counters ? `[${cnt.packets}:${cnt.bytes}] ` : '') + formatRule(r));
      }
    }
    out.push('COMMIT');
  }
  return out.join('\n') + '\n';
}

/** `iptables-save` output without its `# Generated … on <date>` lines, which change every second: what to compare when asking whether the rules changed. */
export function withoutSaveComments(text: string): string {
  return text.replace(/^#.*\n?/gm, '');
}
