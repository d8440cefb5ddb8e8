// `serve --stdio` in process over pipes, on a simulated host: the same loop the real bundle runs.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { serveStdio, textProbe, type ServeLine } from '@/lib/engine/serve';
import { SimHost } from '@/lib/hosts/sim/sim-host';
import { seedNetwork } from '@/lib/hosts/sim/seed-network';
import { withoutSaveComments } from '@/lib/engine/iptables/save-format';

function start() {
  const host = new SimHost(seedNetwork.hosts[1], (n) => ({ a1: '10.2.1.1' })[n]);
  const input = new PassThrough();
  const output = new PassThrough();
  const lines: ServeLine[] = [];
  let buffered = '';
  output.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const p of parts) lines.push(JSON.parse(p));
  });
  const probe = textProbe(async () => [withoutSaveComments(host.iptables.save({ counters: true })), JSON.stringify(await host.store.read()), String(host.ipForward)]);
  const done = serveStdio({ input, output, globals: [], io: { runner: host.runner, store: host.store, hostname: 'host2', env: {} }, probe, watchIntervalMs: 20 });
  const until = async (test: () => boolean) => {
    for (let i = 0; !test(); i++) {
      if (i > 500) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { host, input, lines, done, until };
}

const answers = (lines: ServeLine[]) => lines.filter((l) => 'id' in l);
const statuses = (lines: ServeLine[]) => lines.filter((l) => 'event' in l && l.event === 'status');

describe('serve --stdio', () => {
  it('pushes status at start, answers each request by id in order, and ends at EOF', async () => {
    const s = start();
    await s.until(() => statuses(s.lines).length === 1);
    s.input.write('{"id":1,"args":["export","--in","eth0","--port","2211","--to","a1:4422","--id","web"]}\n');
    s.input.write('{"id":"two","args":["list"]}\n');
    s.input.write('{"id":3,"args":["apply","--file","-"],"input":"{\\"bindings\\":[]}"}\n');
    s.input.end();
    await s.done;
    const a = answers(s.lines) as { id: unknown; exitCode: number; stdout: string }[];
    expect(a.map((x) => [x.id, x.exitCode])).toEqual([
      [1, 0],
      ['two', 0],
      [3, 0],
    ]);
    expect(JSON.parse(a[1].stdout).bindings.map((b: { id: string }) => b.id)).toEqual(['web']);
    expect(JSON.parse(a[2].stdout).changes).toEqual([expect.objectContaining({ op: 'remove', id: 'web' })]);
    // Each change was pushed right after its answer: with the binding, then without it.
    const pushed = statuses(s.lines).map((l) => (l as { report: { bindings: { id: string }[] } }).report.bindings.map((b) => b.id));
    expect(pushed).toEqual([[], ['web'], []]);
  });

  it('answers malformed lines with an error naming the field, and keeps serving', async () => {
    const s = start();
    s.input.write('this is not json\n');
    s.input.write('{"id":7,"args":"status"}\n');
    s.input.write('{"id":8,"args":["frobnicate"]}\n');
    s.input.write('{"id":9,"args":["list"]}\n');
    s.input.end();
    await s.done;
    const a = answers(s.lines) as { id: unknown; exitCode: number; stderr: string }[];
    expect(a.map((x) => [x.id, x.exitCode])).toEqual([
      [null, 2],
      [7, 2],
      [8, 2],
      [9, 0],
    ]);
    expect(JSON.parse(a[1].stderr)).toMatchObject({ code: 'bad-input', field: 'args' });
    expect(JSON.parse(a[2].stderr)).toMatchObject({ field: 'verb' });
  });

  it('pushes a change made behind its back within its watch interval', async () => {
    const s = start();
    await s.until(() => statuses(s.lines).length === 1);
    s.host.ipForward = false;
    await s.until(() => statuses(s.lines).length === 2);
    expect((statuses(s.lines)[1] as { report: { facts: { ipForward: boolean } } }).report.facts.ipForward).toBe(false);
    s.input.end();
    await s.done;
  });
});
