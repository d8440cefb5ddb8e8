import { badInput } from '../errors';

/** Flags a verb takes: `value` flags need an argument, `bool` flags stand alone. */
export type FlagSpec = Record<string, 'value' | 'bool'>;

export const verbs = {
  export: { flags: { port: 'value', in: 'value', proto: 'value', to: 'value', id: 'value', 'no-masquerade': 'bool' }, positional: 0 },
  import: { flags: { on: 'value', port: 'value', proto: 'value', to: 'value', id: 'value', 'no-masquerade': 'bool' }, positional: 0 },
  rebind: { flags: { to: 'value', cut: 'bool', revision: 'value' }, positional: 1 },
  remove: { flags: { revision: 'value' }, positional: 1 },
  list: { flags: {}, positional: 0 },
  status: { flags: {}, positional: 0 },
  plan: { flags: { file: 'value' }, positional: 0 },
  apply: { flags: { file: 'value' }, positional: 0 },
  restore: { flags: {}, positional: 0 },
  flush: { flags: { forget: 'bool' }, positional: 0 },
  expose: { flags: { bridge: 'value', name: 'value' }, positional: 1 },
  hide: { flags: { bridge: 'value' }, positional: 1 },
} as const satisfies Record<string, { flags: FlagSpec; positional: number }>;

export type Verb = keyof typeof verbs;

const globalFlags: FlagSpec = { 'state-dir': 'value', backend: 'value', json: 'bool', help: 'bool' };

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
      const spec = out.verb ? (verbs[out.verb].flags as FlagSpec)[name] : undefined;
      const kind = spec ?? globalFlags[name];
      if (!kind) throw badInput(name || a, `unknown option ${a}${out.verb ? ` for ${out.verb}` : ''}`);
      const target = spec ? out.flags : out.global;
      if (name in target) throw badInput(name, `--${name} given twice`);
      if (kind === 'bool') {
        if (inline !== undefined) throw badInput(name, `--${name} takes no value`);
        target[name] = true;
      } else {
        const v = inline ?? argv[++i];
        if (v === undefined) throw badInput(name, `--${name} needs a value`);
        target[name] = v;
      }
    } else if (!out.verb) {
      if (!(a in verbs)) throw badInput('verb', `unknown verb "${a}" (verbs: ${Object.keys(verbs).join(', ')})`);
      out.verb = a as Verb;
    } else {
      out.positional.push(a);
    }
  }
  if (out.verb && out.positional.length !== verbs[out.verb].positional) {
    const want = verbs[out.verb].positional;
    throw badInput(out.verb === 'rebind' || out.verb === 'remove' ? 'id' : out.verb === 'expose' || out.verb === 'hide' ? 'cidr' : 'arguments', want ? `${out.verb} takes exactly ${want} argument` : `${out.verb} takes no arguments, got "${out.positional.join(' ')}"`);
  }
  return out;
}

/** The value of a required value flag. */
export function required(flags: Record<string, string | true>, name: string): string {
  const v = flags[name];
  if (typeof v !== 'string') throw badInput(name, `--${name} is required`);
  return v;
}

/** The value of an optional value flag. */
export const optional = (flags: Record<string, string | true>, name: string): string | undefined =>
  typeof flags[name] === 'string' ? (flags[name] as string) : undefined;
