import type { StatusReport } from '../model/report';

/**
 * The line protocol of `switchyard serve --stdio`: one JSON object per line each way. The console
 * sends requests; the engine answers each one by id and pushes events whenever the host changes.
 */

/** One CLI verb to run: the same arguments as the CLI after its global flags, `--json` implied. */
export interface ServeRequest {
  id: string | number;
  args: string[];
  /** What `--file -` reads. */
  input?: string;
}

/** The answer to one request: what the CLI would have exited with and printed. */
export interface ServeAnswer {
  id: string | number | null;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Pushed at start and whenever the host's bindings, facts, counters or kernel state change. */
export interface StatusEvent {
  event: 'status';
  report: StatusReport;
}

/** Pushed when the host's status cannot be read (an exit code and the engine's error line). */
export interface StatusErrorEvent {
  event: 'status-error';
  exitCode: number;
  stderr: string;
}

export type ServeEvent = StatusEvent | StatusErrorEvent;

/** Anything the engine writes on stdout in serve mode. */
export type ServeLine = ServeAnswer | ServeEvent;

/** A request line, or why it is not one (with its id when that much could be read). */
export type ParsedRequest = { ok: true; request: ServeRequest } | { ok: false; id: string | number | null; message: string };

const isId = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** Read one request line strictly: an object with an id, an array of string args and an optional string input. */
export function parseRequest(line: string): ParsedRequest {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, id: null, message: 'request: not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, id: null, message: 'request: must be a JSON object' };
  const { id, args, input } = value as Record<string, unknown>;
  if (!isId(id)) return { ok: false, id: null, message: 'id: must be a string or a number' };
  if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) return { ok: false, id, message: 'args: must be an array of strings' };
  if (input !== undefined && typeof input !== 'string') return { ok: false, id, message: 'input: must be a string' };
  return { ok: true, request: { id, args, ...(input !== undefined ? { input } : {}) } };
}
