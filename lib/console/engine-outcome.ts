import type { RunResult } from '@/lib/engine/runner/command-runner';
import type { ErrorReport } from '@/lib/engine/model/report';

/** Why a host did not do what was asked, in the console's words. */
// forbidden and audit-unavailable come from the console itself: the host was never asked.
export type EngineFailureCode = 'bad-input' | 'not-found' | 'conflict' | 'stale' | 'kernel-refused' | 'busy' | 'unreachable' | 'host-failure' | 'forbidden' | 'audit-unavailable';

/** A host's answer: its JSON report, or a failure naming the form field at fault. */
export type EngineOutcome<T> =
  | { ok: true; report: T }
  | { ok: false; code: EngineFailureCode; message: string; field?: string; context?: string };

/** Engine field names (CLI flags) → the labels operators see in the forms. */
const fieldLabels: Record<string, string> = {
  port: 'Port',
  to: 'Target',
  in: 'Interface',
  on: 'Exposed address',
  id: 'Id',
  proto: 'Protocol',
  revision: 'Target',
  cidr: 'Address',
  bridge: 'Bridge',
  name: 'Name',
  ref: 'Foreign rule',
};

/** The label of the form field an engine field name stands for. */
export const fieldLabel = (field: string): string => fieldLabels[field] ?? field;

function parseErrorReport(stderr: string): ErrorReport | null {
  const line = stderr.trim().split('\n').findLast((l) => l.startsWith('{'));
  if (!line) return null;
  try {
    const r = JSON.parse(line) as Partial<ErrorReport>;
    return typeof r.code === 'string' && typeof r.message === 'string' ? (r as ErrorReport) : null;
  } catch {
    return null;
  }
}

// The engine prefixes messages with its field name ("to: cannot resolve …"); operators see the label.
function relabel(message: string, field: string | undefined): string {
  if (!field) return message;
  const prefix = `${field}: `;
  return `${fieldLabel(field)}: ${message.startsWith(prefix) ? message.slice(prefix.length) : message}`;
}

/** Read a finished engine run (exit code + `--json` output) into a report or a plain-words failure. */
export function readEngineOutcome<T>(host: string, r: RunResult): EngineOutcome<T> {
  if (r.exitCode === 0) {
    try {
      return { ok: true, report: JSON.parse(r.stdout) as T };
    } catch {
      return { ok: false, code: 'host-failure', message: `${host} answered with something that is not JSON: ${r.stdout.slice(0, 200)}` };
    }
  }
  const report = parseErrorReport(r.stderr);
  // `plan`/`apply` name fields inside the file (`bindings[2].to`); the form has just `to`.
  const inFile = /^bindings\[\d+\]\./.exec(report?.field ?? '')?.[0];
  const field = inFile ? report!.field!.slice(inFile.length) : report?.field;
  const message = report && inFile ? report.message.replaceAll(inFile, '').replace(/^(\w+: )\1/, '$1') : report?.message;
  const detail = report ? relabel(message!, field) : r.stderr.trim() || `exit code ${r.exitCode}`;
  switch (r.exitCode) {
    case 2:
      // The binding named does not exist on that host (the engine's unknown-id).
      if (report?.code === 'unknown-id') return { ok: false, code: 'not-found', message: detail, field: field ?? undefined };
      return { ok: false, code: 'bad-input', message: detail, field: field ?? undefined };
    case 3:
      if (field === 'revision' || /changed since you loaded it/.test(message ?? '')) {
        return { ok: false, code: 'stale', message: `This binding changed since you loaded it on ${host}; the graph now shows its current state.`, field: 'revision' };
      }
      return { ok: false, code: 'conflict', message: detail, field };
    case 4:
      return { ok: false, code: 'kernel-refused', message: `${host} refused the rules; nothing changed. ${detail}`, context: report?.context };
    case 5:
      return { ok: false, code: 'busy', message: `${host} is busy with another change; try again.` };
    case 124:
    case 127:
    case 255:
      return { ok: false, code: 'unreachable', message: `${host} did not answer: ${detail}` };
    default:
      return { ok: false, code: 'host-failure', message: `${host} failed: ${detail}` };
  }
}
