import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonChunks, writeJson } from './json-stream';

const report = {
  host: 'h1',
  skipped: undefined,
  bindings: Array.from({ length: 3000 }, (_, i) => ({
    id: `b-${i}`,
    front: { port: 10_000 + i, iface: 'eth0' },
    rules: [`map export_fronts { "eth0" . tcp . ${10_000 + i} : goto d-x }`, 'quote " and \\ backslash'],
    drift: i % 7 ? undefined : { missing: ['ü'], unexpected: [] },
    counters: { packets: i, bytes: i * 60 },
    when: new Date(0),
  })),
  odd: [undefined, () => 1, null, 'x'],
  empty: { list: [], object: {} },
};

describe('streamed JSON', () => {
  it('is exactly JSON.stringify of the same value, in pieces', () => {
    const chunks = [...jsonChunks(report)];
    expect(chunks.length).toBeGreaterThan(3000);
    expect(chunks.join('')).toBe(JSON.stringify(report));
    for (const v of [1, 'a', null, [], {}, [1, [2, [3]]], { a: { b: { c: 1 } } }]) expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v));
  });

  it('writes the text and a newline, in bounded writes, waiting when the stream asks to', async () => {
    const writes: string[] = [];
    let waits = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        writes.push(chunk.toString('utf8'));
        setImmediate(done);
      },
    });
    slow.on('drain', () => waits++);
    await writeJson(slow, report);
    expect(writes.join('')).toBe(JSON.stringify(report) + '\n');
    expect(writes.length).toBeGreaterThan(1);
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThan((1 << 16) + 2000);
    expect(waits).toBeGreaterThan(0);
  });

  it('fails with the stream when the reader goes away mid-report', async () => {
    const out = new PassThrough({ highWaterMark: 16 });
    const written = writeJson(out, report);
    out.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await expect(written).rejects.toMatchObject({ code: 'EPIPE' });
  });
});
