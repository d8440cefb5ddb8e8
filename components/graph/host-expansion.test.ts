import { describe, expect, it } from 'vitest';
import type { GraphNode } from './graph-model';
import { initialExpanded, openHosts, toggleHost, visibleNodeCount } from './host-expansion';

/** `hosts` hosts with `inside` children each, and `outside` top-level endpoints. */
function network(hosts: number, inside: number, outside = 0): GraphNode[] {
  const nodes: GraphNode[] = [];
  for (let h = 0; h < hosts; h++) {
    nodes.push({ id: `host:h${h}`, type: 'host', position: { x: 0, y: 0 }, data: { name: `h${h}`, transport: 'sim', reachable: true, warnings: [] } });
    for (let c = 0; c < inside; c++) nodes.push({ id: `iface:h${h}:e${c}`, type: 'endpoint', parentId: `host:h${h}`, position: { x: 0, y: 0 }, data: { kind: 'interface', label: `e${c}`, ports: [] } });
  }
  for (let o = 0; o < outside; o++) nodes.push({ id: `service:s${o}`, type: 'endpoint', position: { x: 0, y: 0 }, data: { kind: 'service', label: `s${o}`, ports: [] } });
  return nodes;
}

describe('host expansion', () => {
  it('opens every host of a small network, and none of a large one', () => {
    expect(initialExpanded(network(2, 4, 3))).toEqual(['host:h0', 'host:h1']);
    expect(initialExpanded(network(200, 3, 25))).toEqual([]);
    expect(visibleNodeCount(network(200, 3, 25), new Set())).toBe(225);
  });

  it('counts the insides of open hosts only', () => {
    expect(visibleNodeCount(network(10, 5), new Set(['host:h3', 'host:h4']))).toBe(20);
  });

  it('opens and closes a host', () => {
    const nodes = network(200, 3, 25);
    const open = toggleHost(nodes, [], 'host:h7');
    expect(open).toEqual(['host:h7']);
    expect(toggleHost(nodes, open, 'host:h7')).toEqual([]);
  });

  it('closes the hosts opened longest ago when opening another would draw more than the budget', () => {
    const nodes = network(100, 40); // 100 hosts, 4,000 insides
    let open: string[] = [];
    for (let h = 0; h < 20; h++) open = toggleHost(nodes, open, `host:h${h}`);
    expect(visibleNodeCount(nodes, new Set(open))).toBeLessThanOrEqual(500);
    expect(open.at(-1)).toBe('host:h19');
    expect(open).not.toContain('host:h0');
    expect(open).toHaveLength(10); // 100 + 10 × 40 = 500
  });

  it('opens both hosts of a selected binding at once, closing others opened longest ago but never one of the two', () => {
    const nodes = network(100, 40);
    let open: string[] = [];
    for (let h = 0; h < 10; h++) open = toggleHost(nodes, open, `host:h${h}`);
    const both = openHosts(nodes, open, ['host:h50', 'host:h3']);
    expect(both).toContain('host:h50');
    expect(both).toContain('host:h3');
    expect(both).not.toContain('host:h0');
    expect(visibleNodeCount(nodes, new Set(both))).toBeLessThanOrEqual(500);
    // Hosts already open stay as they are.
    expect(openHosts(nodes, both, ['host:h3'])).toEqual(both);
  });
});
