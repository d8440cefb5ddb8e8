import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Where JSON chunks go: false means "wait for drain", as a node stream's `write` says. */
export type ChunkSink = Pick<Writable, 'write' | 'once'>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/**
 * The text of `JSON.stringify(value)`, in pieces: the outer objects and arrays (down to `depth`)
 * are opened and closed here, everything below is one `JSON.stringify` each. A report of 10,000
 * bindings is then never one string of megabytes.
 */
export function* jsonChunks(value: unknown, depth = 2): Generator<string> {
  if (depth > 0 && Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const v = value[i];
      // JSON.stringify writes null for what it cannot write inside an array.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
      else yield* jsonChunks(v, depth - 1);
    }
    yield ']';
    return;
  }
  if (depth > 0 && isPlainObject(value)) {
    yield '{';
    let first = true;
    for (const [k, v] of Object.entries(value)) {
      // …and leaves such a property out of an object.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      yield (first ? '' : ',') + JSON.stringify(k) + ':';
      first = false;
      yield* jsonChunks(v, depth - 1);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

/** Write `JSON.stringify(value) + '\n'` to a stream piece by piece (about 16 KB a write: a batch alive across a scavenge is copied, so it is kept small), waiting whenever the stream asks to. */
export async function writeJson(out: ChunkSink, value: unknown): Promise<void> {
  let batch = '';
  const flush = async () => {
    const text = batch;
    batch = '';
    if (!out.write(text)) await once(out as Writable, 'drain');
  };
  for (const chunk of jsonChunks(value)) {
    batch += chunk;
    if (batch.length >= 1 << 14) await flush();
  }
  batch += '\n';
  await flush();
}
