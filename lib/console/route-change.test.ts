import { describe, expect, it } from 'vitest';
import { createSimNetwork, runOnSimHost, type SimNetwork } from '@/lib/hosts/sim/sim-network';
import { seedNetwork } from '@/lib/hosts/sim/seed-network';
import type { ListReport } from '@/lib/engine/model/report';
import { addArgs, planDocument, removeArgs } from './engine-args';
import { readEngineOutcome } from './engine-outcome';
import { createRoute, planRoute, recreateAll, removeRoute, routeHalves, type RouteHostOperations, type RouteRequest } from './route-change';
import type { ChangeReport } from './topology';

/** The route steps run by the real engine on the simulated seed hosts, recording what was asked. */
function simOperations(net: SimNetwork, calls: string[] = []): RouteHostOperations {
  const run = async (host: string, args: string[], input?: string) => readEngineOutcome<ChangeReport>(host, await runOnSimHost(net.get(host)!, args, input));
  return {
    async plan(host, spec) {
      calls.push(`plan ${host} ${spec.id}`);
      const listed = readEngineOutcome<ListReport>(host, await runOnSimHost(net.get(host)!, ['list']));
      if (!listed.ok) return listed;
      return run(host, ['plan', '--file', '-'], planDocument(listed.report.bindings, spec));
    },
    add: (host, spec) => (calls.push(`add ${host} ${spec.id}`), run(host, addArgs(spec))),
    remove: (host, id, revision) => (calls.push(`remove ${host} ${id}`), run(host, removeArgs(id, revision))),
  };
}

const bindingsOn = async (net: SimNetwork, host: string) => JSON.parse((await runOnSimHost(net.get(host)!, ['list'])).stdout).bindings as { id: string; target: { name: string; port: number } }[];

// The seed page's route: host2 eth0:4433 → host1's 10.2.1.3:3322 → HOST3's 192.168.1.3:2211.
const seedRoute: RouteRequest = {
  id: 'h3-route',
  proto: 'tcp',
  masquerade: true,
  entry: { host: 'host2', iface: 'eth0', port: 4433 },
  service: '192.168.1.3:2211',
  through: { host: 'host1', address: '10.2.1.3', port: 3322 },
};

describe('a route change', () => {
  it('is an import on the host that reaches the service and an export on the entry host aimed at it', () => {
    const h = routeHalves(seedRoute);
    expect(h.import).toEqual({ host: 'host1', spec: { id: 'h3-route-in', kind: 'import', proto: 'tcp', port: 3322, on: '10.2.1.3', to: '192.168.1.3:2211', masquerade: true } });
    expect(h.export).toEqual({ host: 'host2', spec: { id: 'h3-route', kind: 'export', proto: 'tcp', port: 4433, in: 'eth0', to: '10.2.1.3:3322', masquerade: true } });
  });

  it('plans both hosts and changes neither', async () => {
    const net = await createSimNetwork(seedNetwork);
    const plan = await planRoute(simOperations(net), seedRoute);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.plans.map((p) => p.host)).toEqual(['host1', 'host2']);
    expect(plan.plans[0]!.plan.script).toContain('--to-destination 192.168.1.3:2211');
    expect(plan.plans[1]!.plan.script).toContain('--to-destination 10.2.1.3:3322');
    expect(await bindingsOn(net, 'host1')).toEqual([]);
    expect(await bindingsOn(net, 'host2')).toEqual([]);
  });

  it('creates the import first, then the export', async () => {
    const net = await createSimNetwork(seedNetwork);
    const calls: string[] = [];
    const r = await createRoute(simOperations(net, calls), seedRoute);
    expect(r).toMatchObject({ ok: true, message: 'Created route h3-route: export h3-route on host2 → import h3-route-in on host1.' });
    expect(calls).toEqual(['add host1 h3-route-in', 'add host2 h3-route']);
    expect((await bindingsOn(net, 'host1')).map((b) => b.id)).toEqual(['h3-route-in']);
    expect((await bindingsOn(net, 'host2')).map((b) => `${b.id} ${b.target.name}:${b.target.port}`)).toEqual(['h3-route 10.2.1.3:3322']);
  });

  it('changes nothing when the import is refused, and never asks the entry host', async () => {
    const net = await createSimNetwork(seedNetwork);
    const calls: string[] = [];
    const r = await createRoute(simOperations(net, calls), { ...seedRoute, service: 'nowhere:2211' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failedHost).toBe('host1');
    expect(r.leftBehind).toBeNull();
    expect(r.message).toMatch(/^Nothing changed: host1 refused the import\. Target: cannot resolve "nowhere"/);
    expect(calls).toEqual(['add host1 h3-route-in']);
  });

  it('removes the import again when the entry host refuses the export, leaving nothing on either host', async () => {
    const net = await createSimNetwork(seedNetwork);
    // host2's eth0:4433 is taken already: the export is a conflict.
    expect((await runOnSimHost(net.get('host2')!, ['export', '--in', 'eth0', '--port', '4433', '--to', 'a1:4422', '--id', 'taken'])).exitCode).toBe(0);
    const calls: string[] = [];
    const r = await createRoute(simOperations(net, calls), seedRoute);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(calls).toEqual(['add host1 h3-route-in', 'add host2 h3-route', 'remove host1 h3-route-in']);
    expect(r).toMatchObject({ failedHost: 'host2', leftBehind: null });
    expect(r.failure.code).toBe('conflict');
    expect(r.message).toMatch(/^Nothing changed: host2 refused the export\. .*already bound by "taken".* The import made first on host1 was removed again\.$/);
    expect(await bindingsOn(net, 'host1')).toEqual([]);
    expect((await bindingsOn(net, 'host2')).map((b) => b.id)).toEqual(['taken']);
    expect(net.get('host1')!.iptables.save()).not.toContain('h3-route');
  });

  it('says honestly that the import is still there when removing it again fails too', async () => {
    const net = await createSimNetwork(seedNetwork);
    await runOnSimHost(net.get('host2')!, ['export', '--in', 'eth0', '--port', '4433', '--to', 'a1:4422', '--id', 'taken']);
    const real = simOperations(net);
    // host1 stops answering between the two steps.
    const ops: RouteHostOperations = { ...real, remove: async () => ({ ok: false, code: 'unreachable', message: 'host1 did not answer: session closed' }) };
    const r = await createRoute(ops, seedRoute);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.leftBehind).toEqual(routeHalves(seedRoute).import);
    expect(r.message).toMatch(/^The route was not created: host2 refused the export\. .* Removing the import h3-route-in from host1 again failed too \(host1 did not answer: session closed\), so it is still there: remove it yourself\.$/);
    expect((await bindingsOn(net, 'host1')).map((b) => b.id)).toEqual(['h3-route-in']);
  });
});

describe('removing a route', () => {
  it('removes the export, then the import', async () => {
    const net = await createSimNetwork(seedNetwork);
    await createRoute(simOperations(net), seedRoute);
    const calls: string[] = [];
    const r = await removeRoute(simOperations(net, calls), [
      { host: 'host2', id: 'h3-route', revision: 1 },
      { host: 'host1', id: 'h3-route-in', revision: 1 },
    ]);
    expect(r).toMatchObject({ ok: true, message: 'Removed h3-route from host2 and h3-route-in from host1.' });
    expect(calls).toEqual(['remove host2 h3-route', 'remove host1 h3-route-in']);
    expect(await bindingsOn(net, 'host1')).toEqual([]);
    expect(await bindingsOn(net, 'host2')).toEqual([]);
  });

  it('stops at a refusal and names what went and what stays', async () => {
    const net = await createSimNetwork(seedNetwork);
    await createRoute(simOperations(net), seedRoute);
    const r = await removeRoute(simOperations(net), [
      { host: 'host2', id: 'h3-route', revision: 1 },
      { host: 'host1', id: 'h3-route-in', revision: 7 },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.code).toBe('stale');
    expect(r.message).toMatch(/^Removed h3-route from host2, but host1 refused to remove h3-route-in: .* Still there: h3-route-in on host1\.$/);
    expect((await bindingsOn(net, 'host1')).map((b) => b.id)).toEqual(['h3-route-in']);
  });
});

describe('re-creating a removed route (its undo)', () => {
  const halves = routeHalves(seedRoute);

  it('creates the import first, then the export, as they were', async () => {
    const net = await createSimNetwork(seedNetwork);
    const calls: string[] = [];
    const r = await recreateAll(simOperations(net, calls), [halves.import, halves.export]);
    expect(r).toMatchObject({ ok: true, message: 'Re-created h3-route-in on host1 and h3-route on host2.' });
    expect(calls).toEqual(['add host1 h3-route-in', 'add host2 h3-route']);
    expect((await bindingsOn(net, 'host2')).map((b) => `${b.id} → ${b.target.name}:${b.target.port}`)).toEqual(['h3-route → 10.2.1.3:3322']);
  });

  it('removes the import again when the export is refused, leaving nothing half-done', async () => {
    const net = await createSimNetwork(seedNetwork);
    // Something else took the export's front since the route was removed.
    await runOnSimHost(net.get('host2')!, addArgs({ id: 'taken', kind: 'export', proto: 'tcp', port: 4433, in: 'eth0', to: 'a1:4422', masquerade: true }));
    const calls: string[] = [];
    const r = await recreateAll(simOperations(net, calls), [halves.import, halves.export]);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Nothing changed: host2 refused to create h3-route: .* h3-route-in on host1, made first, was removed again\.$/);
    expect(calls).toEqual(['add host1 h3-route-in', 'add host2 h3-route', 'remove host1 h3-route-in']);
    expect(await bindingsOn(net, 'host1')).toEqual([]);
    expect((await bindingsOn(net, 'host2')).map((b) => b.id)).toEqual(['taken']);
  });

  it('says what is still there when removing it again fails too', async () => {
    const net = await createSimNetwork(seedNetwork);
    await runOnSimHost(net.get('host2')!, addArgs({ id: 'taken', kind: 'export', proto: 'tcp', port: 4433, in: 'eth0', to: 'a1:4422', masquerade: true }));
    const ops: RouteHostOperations = { ...simOperations(net), remove: async () => ({ ok: false, code: 'unreachable', message: 'host1 did not answer' }) };
    const r = await recreateAll(ops, [halves.import, halves.export]);
    expect(r.message).toMatch(/^Not all re-created: host2 refused to create h3-route: .* Removing h3-route-in from host1 \(host1 did not answer\) again failed too, so it is still there: remove it yourself\.$/);
  });
});
