import { describeFront, describeTarget } from '../model/binding';
import type { BindingReport, ChangeReport, ExposeReport, ListReport, ProbeReport, StatusReport } from '../model/report';
import type { RepairReport } from '../verbs/repair';

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n';
}

function bindingRows(bs: BindingReport[]): string {
  if (bs.length === 0) return 'no bindings\n';
  return table([
    ['ID', 'KIND', 'FRONT', 'TARGET', 'STATE', 'CONNS', 'BYTES IN', 'BYTES OUT'],
    ...bs.map((b) => [
      b.id,
      b.kind,
      `${describeFront(b)}/${b.proto}`,
      `${describeTarget(b.target)}${b.target.name !== b.target.address ? ` (${b.target.address})` : ''}`,
      b.state,
      String(b.traffic?.connections ?? b.counters.packets),
      String(b.traffic?.toTarget.bytes ?? '-'),
      String(b.traffic?.fromTarget.bytes ?? '-'),
    ]),
  ]);
}

const warningLines = (ws: string[]) => ws.map((w) => `warning: ${w}\n`).join('');

/** `list` for people. */
export const formatList = (r: ListReport): string => bindingRows(r.bindings);

/** `status` for people. */
export function formatStatus(r: StatusReport): string {
  const ifaces = r.facts.interfaces.map((i) => `  ${i.name}${i.up ? '' : ' (down)'}  ${i.addresses.join(' ') || '-'}`).join('\n');
  const drift = r.bindings
    .filter((b) => b.drift)
    .map((b) => `  ${b.id}:\n${b.drift!.missing.map((m) => `    missing    ${m}`).join('\n')}\n${b.drift!.unexpected.map((m) => `    unexpected ${m}`).join('\n')}`)
    .join('\n');
  const foreign = r.foreign
    .map((f) => `  ${f.ref}  ${f.rule}\n    ${f.adoptAs ? `adoptable as ${f.adoptAs.kind} ${f.adoptAs.id} → ${f.adoptAs.to}: switchyard adopt ${f.ref} --id ${f.adoptAs.id}` : `not adoptable: ${f.reason}`}`)
    .join('\n');
  const w = r.watcher;
  const watcher = w ? `watcher: ${w.running ? `running (pid ${w.pid}, since ${w.since}, ${w.heals ?? 0} heal(s))` : 'not running'}` : null;
  return [
    `host ${r.host} (backend ${r.backend}, ip_forward ${r.facts.ipForward ? 'on' : 'off'}${r.facts.weave ? ', weave' : ''})`,
    `interfaces:\n${ifaces}`,
    `exposed: ${r.exposed.map((e) => `${e.cidr} on ${e.bridge}${e.name ? ` (${e.name})` : ''}`).join(', ') || 'none'}`,
    `bindings:\n${bindingRows(r.bindings).trimEnd()}`,
    ...(drift ? [`drift:\n${drift}`] : []),
    ...(foreign ? [`foreign DNAT rules:\n${foreign}`] : []),
    ...(watcher ? [watcher] : []),
  ].join('\n') + '\n' + warningLines(r.warnings);
}

/** A change (export, rebind, plan, …) for people: what changed, and the script. */
export function formatChange(r: ChangeReport, dryRun = false): string {
  const lines = r.changes.map((c) => {
    const b = c.after ?? c.before!;
    const to = c.after ? describeTarget(c.after.target) : '';
    return `${dryRun ? 'would ' : ''}${c.op} ${c.id}: ${describeFront(b)}/${b.proto}${to ? ` → ${to}` : ''}`;
  });
  if (lines.length === 0) lines.push(dryRun ? 'no binding changes' : 'no binding changed');
  if (r.flowsCut !== undefined) lines.push(`${r.flowsCut} flow(s) to the old target cut`);
  const script = r.script ? `${dryRun ? 'script' : 'applied'}:\n${r.script}` : dryRun ? 'the kernel already holds these rules\n' : '';
  return lines.join('\n') + '\n' + script + warningLines(r.warnings);
}

/** `expose`/`hide` for people. */
export const formatExpose = (r: ExposeReport): string =>
  `exposed: ${r.exposed.map((e) => `${e.cidr} on ${e.bridge}`).join(', ') || 'none'}\n` + warningLines(r.warnings);

/** `repair` for people: which bindings were re-applied, and the script. */
export function formatRepair(r: RepairReport): string {
  const head = r.repaired.length ? `repaired ${r.repaired.join(', ')}` : 'nothing to repair: every binding asked about is active';
  return `${head}\n${r.script ? `applied:\n${r.script}` : ''}${warningLines(r.warnings)}`;
}

/** `probe` for people: one line per binding. */
export function formatProbe(r: ProbeReport): string {
  if (r.probes.length === 0) return 'no bindings\n';
  return table([
    ['ID', 'TARGET', 'RESULT', 'LATENCY'],
    ...r.probes.map((p) => [p.id, `${p.target}/${p.proto}`, p.outcome + (p.error && p.outcome !== 'timeout' ? ` (${p.error})` : ''), p.latencyMs !== undefined ? `${p.latencyMs} ms` : '-']),
  ]);
}
