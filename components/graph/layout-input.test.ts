import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { elkLayout } from './elk-layout';
import { gridLayout } from './grid-layout';
import { layoutInput } from './layout-input';
import { seedTopology } from './topology.fixture';

describe('the picture’s layout', () => {
  const graph = buildGraph(seedTopology());
  const input = layoutInput(graph.nodes, new Set(['host:host1', 'host:host2']));

  it('puts outside things in the top row and hosts under them, linking clients and services to their hosts', () => {
    const row = Object.fromEntries(input.boxes.map((b) => [b.id, b.row]));
    expect(row).toEqual({ 'client:world': 0, 'service:host3': 0, 'service:host4': 0, 'host:host1': 1, 'host:host2': 1 });
    expect(input.links).toEqual(
      expect.arrayContaining([
        { source: 'client:world', target: 'host:host2' },
        { source: 'service:host3', target: 'host:host1' },
      ]),
    );
  });

  it('grid: rows top to bottom, boxes left to right, nothing overlapping', () => {
    const at = gridLayout(input);
    expect(at['client:world'].y).toBe(0);
    expect(at['host:host1'].y).toBeGreaterThan(0);
    // host2, which the client reaches, comes first: bindings run from it inwards.
    expect(at['host:host1'].x).toBeGreaterThan(at['host:host2'].x);
  });

  it('ELK (layered): keeps the rows and puts each outside thing over its hosts', async () => {
    const at = await elkLayout(input);
    expect(at['host:host1'].y).toBe(at['host:host2'].y);
    expect(at['client:world'].y).toBeLessThan(at['host:host1'].y);
    const centre = (id: string) => at[id].x + (input.boxes.find((b) => b.id === id)!.width / 2);
    // world reaches host2; host3 and host4 are reached from host1.
    expect(Math.abs(centre('client:world') - centre('host:host2'))).toBeLessThan(Math.abs(centre('client:world') - centre('host:host1')));
    expect(Math.abs(centre('service:host3') - centre('host:host1'))).toBeLessThan(Math.abs(centre('service:host3') - centre('host:host2')));
  });
});
