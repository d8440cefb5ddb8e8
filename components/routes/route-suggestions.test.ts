import { describe, expect, it } from 'vitest';
import { importH3, seedTopology } from '@/components/graph/topology.fixture';
import { importHosts, routeServices, suggestedFront } from './route-suggestions';

describe('route suggestions', () => {
  const t = seedTopology();

  it('offers container services and outside services, with who reaches them', () => {
    expect(routeServices(t).map((s) => [s.target, s.reachableFrom])).toEqual([
      ['a1:4422', null],
      ['192.168.1.3:2211', ['host1']],
      ['192.168.4.4:2211', ['host1']],
    ]);
  });

  it('imports an outside service only through a host that reaches it, never through the entry host', () => {
    const host3 = routeServices(t).find((s) => s.target === '192.168.1.3:2211');
    expect(importHosts(t.hosts, 'host2', host3, () => true).map((h) => h.name)).toEqual(['host1']);
    expect(importHosts(t.hosts, 'host1', host3, () => true)).toEqual([]);
    // A container on the overlay can be imported through any exposed host the user may change.
    const a1 = routeServices(t).find((s) => s.target === 'a1:4422');
    expect(importHosts(t.hosts, 'host1', a1, () => true).map((h) => h.name)).toEqual(['host2']);
    expect(importHosts(t.hosts, 'host1', a1, (h) => h !== 'host2')).toEqual([]);
  });

  it('suggests the first exposed address and the service port, or the next one free on that address', () => {
    const [host1, host2] = seedTopology([], []).hosts as never[];
    expect(suggestedFront(host1, 2211)).toEqual({ address: '10.2.1.3', port: 2211 });
    expect(suggestedFront(host2, 4422)).toEqual({ address: '10.2.1.132', port: 4422 });
    const busy = seedTopology([importH3, { ...importH3, id: 'next', front: { address: '10.2.1.3', port: 3323 } }], []).hosts[0] as never;
    expect(suggestedFront(busy, 3322)).toEqual({ address: '10.2.1.3', port: 3324 });
  });
});
