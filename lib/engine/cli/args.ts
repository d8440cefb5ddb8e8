import { badInput } from '../errors';

/** Flags a verb takes: `value` flags need an argument, `bool` flags stand alone. */
export type FlagSpec = Record<string, 'value' | 'bool'>;

/** The flags that let an operator past the safety rails (see verbs/rails.ts). */
const railFlags = { 'allow-local-target': 'bool', force: 'bool' } as const;

/** Each verb's flags, and the name of its one positional argument if it takes one. */
export const verbs = {
  export: { flags: { port: 'value', in: 'value', proto: 'value', to: 'value', id: 'value', 'no-masquerade': 'bool', ...railFlags } },
  import: { flags: { on: 'value', port: 'value', proto: 'value', to: 'value', id: 'value', 'no-masquerade': 'bool', ...railFlags } },
  rebind: { flags: { to: 'value', cut: 'bool', revision: 'value', 'allow-local-target': 'bool' }, positional: 'id' },
  remove: { flags: { revision: 'value' }, positional: 'id' },
  list: { flags: {}, },
  status: { flags: {}, },
  plan: { flags: { file: 'value', ...railFlags } },
  apply: { flags: { file: 'value', ...railFlags } },
  restore: { flags: {}, },
  flush: { flags: { forget: 'bool' } },
  expose: { flags: { bridge: 'value', name: 'value' }, positional: 'cidr' },
  hide: { flags: {}, positional: 'cidr' },
  migrate: { flags: { to: 'value' } },
  repair: { flags: {}, positional: 'id', optionalPositional: true },
  adopt: { flags: { id: 'value' }, positional: 'ref' },
  probe: { flags: {}, positional: 'id', optionalPositional: true },
  watch: { flags: { interval: 'value' } },
} as const satisfies Record<string, { flags: FlagSpec; positional?: string; optionalPositional?: boolean }>;

export type Verb = keyof typeof verbs;

const globalFlags: FlagSpec = { 'state-dir': 'value', backend: 'value', json: 'bool', help: 'bool' };

/** A table entry only if the table itself has it (`constructor`, `__proto__`, `toString` are not flags or verbs). */
const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** A command line split into its global options, verb, verb flags and positional arguments. */
export interface ParsedArgs {
  global: Record<string, string | true>;
  verb: Verb | null;
  flags: Record<string, string | true>;
  positional: string[];
}

/** Parse argv (without `node script`): global flags may stand before or after the verb. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { global: {}, verb: null, flags: {}, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      const spec = out.verb ? own(verbs[out.verb].flags as FlagSpec, name) : undefined;
      const kind = spec ?? own(globalFlags, name);
      if (!kind) throw badInput(name || a, `unknown option ${a}${out.verb ? ` for ${out.verb}` : ''}`);
      const target = spec ? out.flags : out.global;
      if (Object.hasOwn(target, name)) throw badInput(name, `--${name} given twice`);
      if (kind === 'bool') {
        if (inline !== undefined) throw badInput(name, `--${name} takes no value`);
        target[name] = true;
      } else {
        const v = inline ?? argv[++i];
        if (v === undefined) throw badInput(name, `--${name} needs a value`);
        target[name] = v;
      }
    } else if (!out.verb) {
      if (!Object.hasOwn(verbs, a)) throw badInput('verb', `unknown verb "${a}" (verbs: ${Object.keys(verbs).join(', ')})`);
      out.verb = a as Verb;
    } else {
      out.positional.push(a);
    }
  }
  if (out.verb) {
    const { positional: name, optionalPositional } = verbs[out.verb] as { positional?: string; optionalPositional?: boolean };
    const fits = name ? out.positional.length === 1 || (optionalPositional && out.positional.length === 0) : out.positional.length === 0;
    if (!fits) {
      throw badInput(name ?? 'arguments', name ? `${out.verb} takes ${optionalPositional ? 'at most' : 'exactly'} one ${name}` : `${out.verb} takes no arguments, got "${out.positional.join(' ')}"`);
    }
  }
  return out;
}

/** The value of a required value flag. */
export function required(flags: Record<string, string | true>, name: string): string {
  const v = own(flags, name);
  if (typeof v !== 'string') throw badInput(name, `--${name} is required`);
  return v;
}

/** The value of an optional value flag. */
export function optional(flags: Record<string, string | true>, name: string): string | undefined {
  const v = own(flags, name);
  return typeof v === 'string' ? v : undefined;
}
