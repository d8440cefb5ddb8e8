import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { acceptsDrop, markDropTargets } from './drop-targets';
import { seedTopology } from './topology.fixture';

describe('drop targets while a binding end is dragged', () => {
  const { nodes, edges } = buildGraph(seedTopology());
  const h3 = edges.find((e) => e.id === 'binding:host1/h3')!;
  const web = edges.find((e) => e.id === 'binding:host2/web')!;
  const node = (id: string) => nodes.find((n) => n.id === id)!;

  it('accepts services the binding’s host reaches and refuses the others', () => {
    expect(acceptsDrop(nodes, h3, node('service:host4'))).toBe(true);
    expect(acceptsDrop(nodes, web, node('service:host4'))).toBe(false);
    expect(acceptsDrop(nodes, web, node('container:a1'))).toBe(false); // it already points at a1:4422, a1's only port
  });

  it('refuses the binding’s own front, clients, and anything that is not an endpoint', () => {
    expect(acceptsDrop(nodes, h3, node('exposed:host1:10.2.1.3'))).toBe(false);
    expect(acceptsDrop(nodes, h3, node('client:world'))).toBe(false);
    expect(acceptsDrop(nodes, h3, node('host:host1'))).toBe(false);
  });

  it('marks every endpoint highlighted or dimmed and leaves hosts alone', () => {
    const marked = markDropTargets(nodes, nodes, web);
    const cls = (id: string) => marked.find((n) => n.id === id)!.className;
    expect(cls('exposed:host1:10.2.1.3')).toBe('drop-target'); // a route: host2's export aimed at host1's import front
    expect(cls('service:host4')).toBe('drop-dimmed');
    expect(cls('client:world')).toBe('drop-dimmed');
    expect(cls('host:host1')).toBeUndefined();
    // The nodes given are not changed.
    expect(nodes.every((n) => n.className === undefined)).toBe(true);
  });
});
