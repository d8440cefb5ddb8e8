/**
 * nft's JSON expressions back into the text `nft list` prints, for the shapes Switchyard writes
 * (and a readable fallback for anything else), so read-back compares rules as text.
 */

type J = unknown;
const obj = (x: J): Record<string, J> => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, J>) : {});
const bareMeta = new Set(['iifname', 'oifname', 'iif', 'oif']);
const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

/** One expression (the operand of a match, a key, a value). */
export function exprText(x: J, hexNumbers = false): string {
  if (typeof x === 'number') return hexNumbers ? hex(x) : String(x);
  if (typeof x === 'string') return x.startsWith('@') ? x : x;
  if (Array.isArray(x)) return `{ ${x.map((e) => exprText(e)).join(', ')} }`;
  const o = obj(x);
  const [kind] = Object.keys(o);
  const v = obj(o[kind]);
  switch (kind) {
    case 'payload':
      return `${v.protocol} ${v.field}`;
    case 'meta':
      return bareMeta.has(String(v.key)) ? String(v.key) : `meta ${v.key}`;
    case 'ct':
      return `ct ${v.dir ? `${v.dir} ` : ''}${v.key}`;
    case 'fib':
      return `fib ${(v.flags as string[] | undefined)?.join(' . ') ?? ''} ${v.result}`;
    case 'concat':
      return (o.concat as J[]).map((e) => exprText(e)).join(' . ');
    case 'prefix':
      return `${v.addr}/${v.len}`;
    case '&':
    case '|': {
      const [a, b] = o[kind] as J[];
      return `${exprText(a)} ${kind} ${exprText(b, true)}`;
    }
    case 'set':
      return `{ ${(o.set as J[]).map((e) => (Array.isArray(e) ? `${exprText(e[0])} : ${exprText(e[1])}` : exprText(e))).join(', ')} }`;
    case 'elem':
      return exprText(v.val);
    case 'goto':
    case 'jump':
      return `${kind} ${v.target}`;
    case 'accept':
    case 'drop':
    case 'continue':
    case 'return':
      return kind;
    default:
      return JSON.stringify(x);
  }
}

/** One statement of a rule. */
export function statementText(s: J): string {
  const o = obj(s);
  const [kind] = Object.keys(o);
  const v = obj(o[kind]);
  switch (kind) {
    case 'match': {
      const binop = Object.keys(obj(v.left))[0] === '&';
      const op = v.op === '==' && !binop ? '' : `${v.op} `;
      return `${exprText(v.left)} ${op}${exprText(v.right, binop)}`;
    }
    case 'vmap':
      return `${exprText(v.key)} vmap ${exprText(v.data)}`;
    case 'counter':
      // An inline counter's values are read apart (see `ruleCounter`), so rules compare as text.
      return typeof o.counter === 'string' ? `counter name "${o.counter}"` : 'counter';
    case 'mangle':
      return `${exprText(v.key)} set ${exprText(v.value)}`;
    case 'dnat':
    case 'snat': {
      const fam = v.family ? `${v.family} ` : '';
      const addr = obj(v.addr);
      if ('map' in addr) {
        const m = obj(addr.map);
        return `${kind} ${fam}to ${exprText(m.key)} map ${exprText(m.data)}`;
      }
      return `${kind} ${fam}to ${exprText(v.addr)}${v.port !== undefined ? `:${v.port}` : ''}`;
    }
    case 'masquerade':
    case 'accept':
    case 'drop':
    case 'return':
      return kind;
    case 'goto':
    case 'jump':
      return `${kind} ${v.target}`;
    default:
      return JSON.stringify(s);
  }
}

/** The values of a rule's inline counter, if it has one. */
export function ruleCounter(exprs: J[]): { packets: number; bytes: number } | undefined {
  for (const s of exprs) {
    const c = obj(s).counter;
    if (c && typeof c === 'object') return { packets: Number(obj(c).packets ?? 0), bytes: Number(obj(c).bytes ?? 0) };
  }
  return undefined;
}

/** A rule's statements as one line of text, as `nft list` prints it (comment aside). */
export const ruleText = (exprs: J[]): string => exprs.map(statementText).join(' ');
