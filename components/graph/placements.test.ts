import { describe, expect, it } from 'vitest';
import { applyTopology, initialData, placeNodes } from '@/components/console/console-reducers';
import { buildGraph } from './build-graph';
import type { GraphNode } from './graph-model';
import { gridLayout } from './grid-layout';
import { layoutInput } from './layout-input';
import { endpointSize } from './node-sizes';
import { keptPlacements, placeNewNodes, placementsFrom, positionsOf } from './placements';
import { seedTopology } from './topology.fixture';

const overlap = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const box = (n: GraphNode) => ({ ...n.position, width: n.width ?? endpointSize.width, height: n.height ?? endpointSize.height });

/** The seed network placed on the grid, as a first visit would. */
function placedSeed() {
  const data = initialData(seedTopology());
  const input = layoutInput(data.nodes, new Set(data.expanded));
  return placeNodes(data, placementsFrom(data.nodes, input, gridLayout(input)));
}

describe('placing nodes', () => {
  it('puts interfaces in a host’s top row and its exposed addresses and containers under them, the host sized to hold them', () => {
    const data = placedSeed();
    const at = (id: string) => data.nodes.find((n) => n.id === id)!;
    expect(at('iface:host1:eth1').position.y).toBe(at('iface:host1:eth2').position.y);
    expect(at('exposed:host1:10.2.1.3').position.y).toBeGreaterThan(at('iface:host1:eth1').position.y);
    expect(at('container:a1').position.y).toBe(at('exposed:host1:10.2.1.3').position.y);
    const host = at('host:host1');
    for (const id of ['iface:host1:eth1', 'iface:host1:eth2', 'exposed:host1:10.2.1.3', 'container:a1']) {
      const c = at(id);
      expect(c.position.x + endpointSize.width).toBeLessThanOrEqual(host.width!);
      expect(c.position.y + endpointSize.height).toBeLessThanOrEqual(host.height!);
    }
    expect(data.nodes.every((n) => !n.hidden)).toBe(true);
  });

  it('places a second exposed address under the first, never on it, growing the host downwards and moving nothing', () => {
    const before = placedSeed();
    const t = seedTopology();
    const host2 = t.hosts[1];
    if (!host2.reachable) throw new Error('fixture');
    host2.status.exposed.push({ cidr: '10.2.1.133/16', bridge: 'weave' });
    const grown = applyTopology(before, t);
    const fresh = placeNewNodes(grown.nodes);
    expect(Object.keys(fresh)).toContain('exposed:host2:10.2.1.133');
    const after = placeNodes(grown, fresh);
    for (const n of before.nodes) expect(after.nodes.find((m) => m.id === n.id)?.position, n.id).toEqual(n.position);
    const inside = after.nodes.filter((n) => n.parentId === 'host:host2');
    for (const a of inside) for (const b of inside) if (a !== b) expect(overlap(box(a), box(b)), `${a.id} over ${b.id}`).toBe(false);
    const host = after.nodes.find((n) => n.id === 'host:host2')!;
    const added = after.nodes.find((n) => n.id === 'exposed:host2:10.2.1.133')!;
    // Under the first (the host grows downwards, never sideways into host1).
    expect(added.position.y).toBeGreaterThan(after.nodes.find((n) => n.id === 'exposed:host2:10.2.1.132')!.position.y);
    expect(added.position.y + endpointSize.height).toBeLessThanOrEqual(host.height!);
    expect(host.width).toBe(before.nodes.find((n) => n.id === 'host:host2')!.width!);
    expect(host.height).toBeGreaterThan(before.nodes.find((n) => n.id === 'host:host2')!.height!);
  });

  it('places a new host and a new service beside their kind, overlapping nothing and moving nothing', () => {
    const before = placedSeed();
    const t = seedTopology();
    t.hosts.push({ name: 'host5', transport: 'sim', reachable: false, error: 'waiting', connecting: true });
    t.services.push({ name: 'host6', address: '192.168.4.6', port: 80, proto: 'tcp', reachableFrom: ['host1'] });
    const grown = applyTopology(before, t);
    const after = placeNodes(grown, placeNewNodes(grown.nodes));
    for (const n of before.nodes) expect(after.nodes.find((m) => m.id === n.id)?.position, n.id).toEqual(n.position);
    const top = after.nodes.filter((n) => !n.parentId && n.id !== 'overlay');
    expect(top.every((n) => !n.hidden)).toBe(true);
    for (const a of top) for (const b of top) if (a !== b) expect(overlap(box(a), box(b)), `${a.id} over ${b.id}`).toBe(false);
  });

  it('gives back kept positions as they were, and a host the size of its kept insides', () => {
    const data = placedSeed();
    const kept = positionsOf(data.nodes);
    expect(kept.overlay).toBeUndefined();
    const again = placeNodes(initialData(seedTopology()), keptPlacements(buildGraph(seedTopology()).nodes, kept));
    for (const n of data.nodes) if (n.id !== 'overlay') expect(again.nodes.find((m) => m.id === n.id)?.position, n.id).toEqual(n.position);
    expect(again.nodes.find((n) => n.id === 'host:host1')).toMatchObject({ width: data.nodes.find((n) => n.id === 'host:host1')!.width });
  });
});
