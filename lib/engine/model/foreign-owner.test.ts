import { describe, expect, it } from 'vitest';
import { adoptable } from '../iptables/adopt';
import { foreignOwnerReason, foreignRef } from './foreign-owner';

describe('which foreign DNAT rules may be adopted', () => {
  it.each([
    ['DOCKER', /Docker/],
    ['KUBE-SEP-ABCDEF', /kube-proxy/],
    ['CNI-DN-1234', /CNI portmap/],
    ['WEAVE-EXPOSE', /Weave Net/],
    ['ip kube-proxy', /kube-proxy/],
  ])('a rule in %s belongs to another system', (place, owner) => {
    expect(foreignOwnerReason(place)).toMatch(owner);
  });

  it.each(['PREROUTING', 'MY-NAT', 'ip nat'])('a rule in %s belongs to no known system', (place) => {
    expect(foreignOwnerReason(place)).toBeNull();
  });

  it('Docker’s DNAT is not adoptable even though a binding could express it', () => {
    const r = adoptable({ chain: 'DOCKER', args: ['-p', 'tcp', '-m', 'tcp', '--dport', '8080', '-j', 'DNAT', '--to-destination', '172.17.0.2:80'] });
    expect(r).toMatch(/belongs to Docker/);
  });

  it('a hand-written PREROUTING DNAT becomes an import', () => {
    const r = adoptable({ chain: 'PREROUTING', args: ['-d', '10.2.1.3/32', '-p', 'tcp', '-m', 'tcp', '--dport', '5555', '-j', 'DNAT', '--to-destination', '192.168.3.3:2211'] });
    expect(r).toMatchObject({ kind: 'import', on: '10.2.1.3', port: 5555, to: '192.168.3.3:2211', masquerade: false });
  });

  it('refs are stable for one rule and differ between rules', () => {
    const a = foreignRef('nat', 'PREROUTING', '-A PREROUTING -p tcp --dport 1 -j DNAT --to-destination 1.2.3.4:1');
    expect(a).toMatch(/^f-[0-9a-f]{8}$/);
    expect(foreignRef('nat', 'PREROUTING', '-A PREROUTING -p tcp --dport 1 -j DNAT --to-destination 1.2.3.4:1')).toBe(a);
    expect(foreignRef('nat', 'PREROUTING', '-A PREROUTING -p tcp --dport 2 -j DNAT --to-destination 1.2.3.4:1')).not.toBe(a);
  });
});
