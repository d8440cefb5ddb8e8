/**
 * Splitting and joining iptables rule text the way iptables-save/-restore do:
 * whitespace-separated, double quotes group, backslash escapes inside quotes.
 */

/** Split one rule line into arguments; throws on an unterminated quote. */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) break;
    let cur = '';
    // One argument: unquoted runs are sliced whole; only quoted parts go character by character.
    while (i < n && line[i] !== ' ' && line[i] !== '\t') {
      if (line[i] !== '"') {
        let j = i;
        while (j < n && line[j] !== ' ' && line[j] !== '\t' && line[j] !== '"') j++;
        cur += line.slice(i, j);
        i = j;
        continue;
      }
      i++;
      // A quoted part without escapes (every comment Switchyard writes) is sliced whole too.
      const close = line.indexOf('"', i);
      const escape = line.indexOf('\\', i);
      if (close >= 0 && (escape < 0 || escape > close)) {
        cur += line.slice(i, close);
        i = close + 1;
        continue;
      }
      for (;;) {
        if (i >= n) throw new Error('unterminated quote');
        const c = line[i++];
        if (c === '"') break;
        cur += c === '\\' && i < n ? line[i++] : c;
      }
    }
    out.push(cur);
  }
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
