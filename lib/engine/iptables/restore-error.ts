/**
 * Classify an iptables-restore failure once, so callers never match stderr themselves.
 * Both flavours name the failing line, in different words:
 *   legacy: "Error occurred at line: 4"     nft: "line 2: RULE_APPEND failed (…)" / "line 5 failed"
 */
export function failingLine(stderr: string): number | null {
  const m = /line:? (\d+)/.exec(stderr);
  return m ? Number(m[1]) : null;
}

/** The failing line of a script with two lines either side, the failing one marked `>`. */
export function scriptContext(script: string, line: number | null, around = 2): string {
  const lines = script.split('\n');
  if (line === null) return lines.map((l, i) => `  ${String(i + 1).padStart(3)}  ${l}`).join('\n').trimEnd();
  const from = Math.max(1, line - around);
  const to = Math.min(lines.length, line + around);
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(`${n === line ? '>' : ' '} ${String(n).padStart(3)}  ${lines[n - 1]}`);
  return out.join('\n');
}
