import { describe, expect, it } from 'vitest';
import type { User } from '@/lib/auth/user';
import type { Topology } from '@/lib/console/topology';
import { seedTopology } from '@/components/graph/topology.fixture';
import { apiBindings, apiHosts } from './network-view';

const fixture = seedTopology();
const operatorOfHost1: User = { id: 1, username: 'op', role: 'operator', hosts: ['host1'], mustChangePassword: false };
const viewer: User = { id: 2, username: 'v', role: 'viewer', hosts: null, mustChangePassword: false };

describe('the API view of the network', () => {
  it('lists every host, saying which the caller may change', () => {
    const hosts = apiHosts(fixture, operatorOfHost1);
    expect(hosts.map((h) => [h.name, h.mayChange])).toEqual(fixture.hosts.map((h) => [h.name, h.name === 'host1']));
    expect(apiHosts(fixture, viewer).every((h) => !h.mayChange)).toBe(true);
  });

  it('lists every binding with its host, and the hosts that did not answer', () => {
    const down: Topology = { ...fixture, hosts: [...fixture.hosts, { name: 'host9', transport: 'ssh', reachable: false, error: 'host9 did not answer' }] };
    const all = apiBindings(down);
    const count = fixture.hosts.reduce((n, h) => n + (h.reachable ? h.status.bindings.length : 0), 0);
    expect(all.bindings).toHaveLength(count);
    expect(all.bindings.every((b) => typeof b.host === 'string' && typeof b.revision === 'number')).toBe(true);
    expect(all.unreachable).toEqual([{ host: 'host9', error: 'host9 did not answer' }]);
    expect(apiBindings(down, 'host9')).toEqual({ bindings: [], unreachable: [{ host: 'host9', error: 'host9 did not answer' }] });
  });
});
