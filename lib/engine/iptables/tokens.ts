/**
 * Splitting and joining iptables rule text the way iptables-save/-restore do:
 * whitespace-separated, double quotes group, backslash escapes inside quotes.
 */

/** Split one rule line into arguments; throws on an unterminated quote. */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inToken = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '\\' && i + 1 < line.length) {
        cur += line[++i];
      } else if (c === '"') {
        quoted = false;
      } else {
        cur += c;
      }
      continue;
    }
    if (c === '"') {
      quoted = true;
      inToken = true;
    } else if (c === ' ' || c === '\t') {
      if (inToken) out.push(cur);
      cur = '';
      inToken = false;
    } else {
      cur += c;
      inToken = true;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (inToken) out.push(cur);
  return out;
}

const bare = /^[A-Za-z0-9_./:,!=+@%-]+$/;
/** Options whose value iptables prints with `xtables_save_string`: bare only when it is a plain word. */
const stringOptions = new Set(['--comment', '--log-prefix', '--nflog-prefix']);
const plainWord = /^[A-Za-z0-9_-]+$/;

/** Join arguments into rule text, quoting as iptables-save does (`--comment plain`, `--comment "a: b"`). */
export function joinArgs(args: readonly string[]): string {
  return args
    .map((a, i) => (stringOptions.has(args[i - 1]) ? (plainWord.test(a) ? a : quote(a)) : bare.test(a) ? a : quote(a)))
    .join(' ');
}

// iptables-save escapes double quote, backslash and single quote inside quotes.
function quote(s: string): string {
  return `"${s.replace(/(["\\'])/g, '\\$1')}"`;
}
