import { joinArgs } from './tokens';
import type { Rule } from './ruleset';

type Op =
  | { kind: 'declare'; chain: string }
  | { kind: 'delete-rule'; rule: Rule }
  | { kind: 'append'; rule: Rule }
  | { kind: 'insert'; rule: Rule; position: number }
  | { kind: 'delete-chain'; chain: string };

// Within a table, iptables-restore applies lines in order: declarations (which flush existing
// user chains under --noflush) come first, jumps are deleted before the chains they enter, and
// chains are deleted last.
const order: Op['kind'][] = ['declare', 'delete-rule', 'append', 'insert', 'delete-chain'];

/**
 * A pure builder for one `iptables-restore --noflush` transaction (knftables style):
 * add operations per table, render with `toString()`; running it is someone else's job.
 */
export class RestoreScript {
  private readonly tables = new Map<string, Op[]>();

  private ops(table: string): Op[] {
    let ops = this.tables.get(table);
    if (!ops) this.tables.set(table, (ops = []));
    return ops;
  }

  /** Create a user chain, or flush it if it exists. */
  declare(table: string, chain: string): this {
    this.ops(table).push({ kind: 'declare', chain });
    return this;
  }

  /** Append a rule; a rule with `counters` starts from them (the script is sent with --counters). */
  append(table: string, rule: Rule): this {
    this.ops(table).push({ kind: 'append', rule });
    return this;
  }

  /** Insert at the head of a (built-in) chain, so Switchyard's hook precedes other tools' rules. */
  insertFirst(table: string, rule: Rule): this {
    return this.insertAt(table, rule, 1);
  }

  /** Insert at a 1-based position of a chain (`repair` puts a binding's missing rule back in its place). */
  insertAt(table: string, rule: Rule, position: number): this {
    this.ops(table).push({ kind: 'insert', rule, position });
    return this;
  }

  deleteRule(table: string, rule: Rule): this {
    this.ops(table).push({ kind: 'delete-rule', rule });
    return this;
  }

  deleteChain(table: string, chain: string): this {
    this.ops(table).push({ kind: 'delete-chain', chain });
    return this;
  }

  get isEmpty(): boolean {
    return [...this.tables.values()].every((ops) => ops.length === 0);
  }

  /** The script text; empty string when there is nothing to do. */
  toString(): string {
    const out: string[] = [];
    for (const [table, ops] of this.tables) {
      if (ops.length === 0) continue;
      out.push(`*${table}`);
      const sorted = [...ops].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
      for (const op of sorted) out.push(renderOp(op));
      out.push('COMMIT');
    }
    return out.length ? out.join('\n') + '\n' : '';
  }
}

function renderOp(op: Op): string {
  switch (op.kind) {
    case 'declare':
      return `:${op.chain} - [0:0]`;
    case 'append': {
      const c = op.rule.counters;
      return `${c ? `[${c.packets}:${c.bytes}] ` : ''}-A ${op.rule.chain} ${joinArgs(op.rule.args)}`;
    }
    case 'insert':
      return `-I ${op.rule.chain} ${op.position} ${joinArgs(op.rule.args)}`;
    case 'delete-rule':
      return `-D ${op.rule.chain} ${joinArgs(op.rule.args)}`;
    case 'delete-chain':
      return `-X ${op.chain}`;
  }
}
