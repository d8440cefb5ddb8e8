import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, bind, scratchNetwork, type ScratchNetwork } from './scratch-network';

/**
 * A host whose table was written by the earlier nft design (a chain and three named counters per
 * binding) is taken over by the next full sync, in one transaction, its counts carried over.
 * Only the nft backend has such tables.
 */
const earlierDesign = `add table ip switchyard
delete table ip switchyard
table ip switchyard {
  counter b-web { packets 5 bytes 300 }
  counter o-web { packets 40 bytes 4000 }
  counter r-web { packets 30 bytes 3000 }
  chain b-web {
    counter name "b-web" meta mark set meta mark | 0x00100000 ct mark set ct mark | 0x00200000 dnat ip to iifname . meta l4proto . tcp dport map @export_targets comment "switchyard:web"
    dnat ip to meta l4proto . tcp dport map @local_targets comment "switchyard:web"
  }
  chain f-tcp-2211 {
    ct mark & 0x00200000 == 0x00200000 iifname eth0 meta l4proto tcp ct original proto-dst 2211 ct direction original counter name "o-web" accept comment "switchyard:web"
    ct mark & 0x00200000 == 0x00200000 oifname eth0 meta l4proto tcp ct original proto-dst 2211 ct direction reply counter name "r-web" accept comment "switchyard:web"
  }
  map export_fronts {
    type ifname . inet_proto . inet_service : verdict
    elements = { "eth0" . tcp . 2211 comment "switchyard:web" : goto b-web }
  }
  map export_targets {
    type ifname . inet_proto . inet_service : ipv4_addr . inet_service
    elements = { "eth0" . tcp . 2211 comment "switchyard:web" : 10.77.0.11 . 4422 }
  }
  map local_fronts {
    type inet_proto . inet_service : verdict
    elements = { tcp . 2211 comment "switchyard:web" : goto b-web }
  }
  map local_targets {
    type inet_proto . inet_service : ipv4_addr . inet_service
    elements = { tcp . 2211 comment "switchyard:web" : 10.77.0.11 . 4422 }
  }
  map forward_tcp {
    type inet_service : verdict
    elements = { 2211 comment "switchyard:forward" : jump f-tcp-2211 }
  }
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    fib daddr type local iifname . meta l4proto . th dport vmap @export_fronts comment "switchyard:exports"
  }
  chain output {
    type nat hook output priority -100; policy accept;
    ip daddr != 127.0.0.0/8 fib daddr type local meta l4proto . th dport vmap @local_fronts comment "switchyard:exports"
  }
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    meta mark & 0x00100000 == 0x00100000 masquerade comment "switchyard:masquerade"
  }
  chain forward {
    type filter hook forward priority filter; policy accept;
    ct mark & 0x00200000 == 0x00200000 meta l4proto tcp ct original proto-dst vmap @forward_tcp comment "switchyard:forward"
    ct mark & 0x00200000 == 0x00200000 accept comment "switchyard:forward"
  }
}
`;

describe.each(backends.filter((b) => b === 'nft'))('taking over a table of the earlier design (%s backend)', (backend) => {
  let net: ScratchNetwork;
  beforeAll(async () => {
    net = await scratchNetwork(backend);
    await bind(net, [['export', '--port', '2211', '--in', 'eth0', '--to', '10.77.0.11:4422', '--id', 'web']]);
  });
  afterAll(async () => {
    await net?.dispose();
  });

  it('reports the old table as drifted, and restore rewrites it in the new design with the counts carried over', async () => {
    const old = await net.exec(net.ns.host, 'sh', ['-c', `printf '%s' '${earlierDesign}' | nft -f -`]);
    expect(old.exitCode, old.stderr).toBe(0);
    expect(await net.owned()).toContain('chain b-web');
    expect((await net.sw(['list'])).json.bindings[0].state).toBe('drifted');

    const r = await net.sw(['restore']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.script).toContain('delete table ip switchyard');
    const owned = await net.owned();
    expect(owned).not.toContain('b-web');
    expect(owned).not.toMatch(/^\s*counter \S+ \{/m);
    const [web] = (await net.sw(['list'])).json.bindings;
    expect(web.state).toBe('active');
    expect(web.traffic).toMatchObject({ connections: 5, toTarget: { packets: 40, bytes: 4000 }, fromTarget: { packets: 30, bytes: 3000 } });
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'taken over')).toBe('c1: taken over');
    expect((await net.sw(['list'])).json.bindings[0].traffic.connections).toBe(6);
  });
});
