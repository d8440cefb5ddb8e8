import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backendFlavours, scratchNetwork, type ScratchNetwork } from './scratch-network';

// What other tools wrote must survive every verb byte for byte, and `flush` must leave no trace.
const foreign: string[][] = [
  ['nat', '-N', 'DOCKER'],
  ['nat', '-A', 'PREROUTING', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'DOCKER'],
  // Docker's own OUTPUT jump: it also makes iptables-nft create the nat OUTPUT chain the iptables backend hooks into.
  ['nat', '-A', 'OUTPUT', '!', '-d', '127.0.0.0/8', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'DOCKER'],
  ['nat', '-A', 'DOCKER', '-i', 'eth0', '-p', 'tcp', '--dport', '8080', '-j', 'DNAT', '--to-destination', '10.77.0.11:80'],
  ['nat', '-A', 'PREROUTING', '-d', '10.77.0.1/32', '-p', 'tcp', '--dport', '9000', '-j', 'DNAT', '--to-destination', '10.77.0.12:4422'],
  ['nat', '-A', 'POSTROUTING', '-s', '10.77.0.0/24', '!', '-o', 'weave', '-j', 'MASQUERADE'],
  ['filter', '-A', 'FORWARD', '-i', 'weave', '-o', 'weave', '-j', 'ACCEPT'],
  ['filter', '-A', 'INPUT', '-p', 'tcp', '--dport', '22', '-m', 'comment', '--comment', 'ssh for ops', '-j', 'ACCEPT'],
];

// Other nftables tables, as firewalld or a hand-written ruleset leaves them.
const foreignNft = `table inet filter {
  chain input {
    type filter hook input priority filter; policy accept;
    tcp dport 22 counter accept comment "ssh"
  }
  chain forward {
    type filter hook forward priority filter; policy accept;
    ct state established,related accept
  }
}
table ip foreign_nat {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    iifname "eth0" tcp dport 9100 dnat to 10.77.0.12:4422
  }
}
`;

/** The save output without Switchyard's lines and without counters. */
const notOurs = (save: string) =>
  save
    .split('\n')
    .filter((l) => !/SWITCHYARD|switchyard/.test(l))
    .map((l) => l.replace(/\[\d+:\d+\]/, '[0:0]'))
    .join('\n');

/** `nft list ruleset` without Switchyard's table, its SWITCHYARD-* chains, and counter values. */
export function foreignTables(ruleset: string): string {
  const out: string[] = [];
  let skipDepth = 0;
  for (const line of ruleset.split('\n')) {
    const t = line.trim();
    if (skipDepth > 0) {
      skipDepth += (t.endsWith('{') ? 1 : 0) - (t === '}' ? 1 : 0);
      continue;
    }
    if (t === 'table ip switchyard {' || /^chain SWITCHYARD-\S+ \{$/.test(t)) {
      skipDepth = 1;
      continue;
    }
    if (/switchyard/i.test(t) || t === '') continue;
    out.push(line.replace(/counter packets \d+ bytes \d+/g, 'counter'));
  }
  return out.join('\n');
}

describe.each(backendFlavours)('ownership (%s backend, %s)', (backend, flavour) => {
  let net: ScratchNetwork;
  beforeEach(async () => {
    net = await scratchNetwork(backend, flavour);
    for (const args of foreign) await net.exec(net.ns.host, flavour, ['-t', ...args]).then((r) => expect(r.exitCode, r.stderr).toBe(0));
    const r = await net.exec(net.ns.host, 'sh', ['-c', `printf '%s' '${foreignNft}' | nft -f -`]);
    expect(r.exitCode, r.stderr).toBe(0);
  });
  afterEach(async () => {
    await net?.dispose();
  });

  it('leaves foreign rules and other nft tables byte-identical through every verb, and flush leaves no trace', async () => {
    const pristine = await net.save();
    const pristineNft = foreignTables(await net.ruleset());
    expect(pristineNft).toContain('table ip foreign_nat');
    const steps: string[][] = [
      ['export', '--port', '2211', '--in', 'eth0', '--to', '10.77.0.11:4422', '--id', 'web'],
      ['import', '--on', '10.77.0.1', '--port', '3322', '--to', '10.77.0.12:4422', '--id', 'svc'],
      ['export', '--proto', 'udp', '--port', '5353', '--to', '10.77.0.11:4422', '--id', 'dns'],
      ['rebind', 'web', '--to', '10.77.0.12:4422'],
      ['remove', 'dns'],
      ['restore'],
      ['expose', '10.78.0.1/24', '--bridge', 'weave'],
      ['hide', '10.78.0.1/24'],
    ];
    for (const s of steps) {
      const r = await net.sw(s);
      expect(r.exitCode, `${s.join(' ')}: ${r.stderr}`).toBe(0);
      expect(notOurs(await net.save()), s.join(' ')).toBe(notOurs(pristine));
      expect(foreignTables(await net.ruleset()), s.join(' ')).toBe(pristineNft);
    }
    const list = await net.sw(['list']);
    expect(list.json.bindings.map((b: { id: string; state: string }) => `${b.id}:${b.state}`)).toEqual(['web:active', 'svc:active']);
    expect(await net.ask(net.ns.out, '192.168.77.2', 9000, 'x', { timeoutMs: 800 })).toMatch(/^error/);
    expect((await net.sw(['flush', '--forget'])).exitCode).toBe(0);
    const after = await net.save();
    expect(after).not.toMatch(/SWITCHYARD|switchyard/);
    expect(after.replace(/\[\d+:\d+\]/g, '[0:0]')).toBe(pristine.replace(/\[\d+:\d+\]/g, '[0:0]'));
    expect(await net.ruleset()).not.toMatch(/SWITCHYARD|switchyard/);
    expect(foreignTables(await net.ruleset())).toBe(pristineNft);
    expect((await net.sw(['list'])).json.bindings).toEqual([]);
  }, 300_000); // eight verbs, each compared against both tools' full dumps

  it('lists foreign DNAT rules with the binding they would become', async () => {
    const s = await net.sw(['status']);
    expect(s.exitCode, s.stderr).toBe(0);
    expect(s.json.backend).toBe(backend);
    const byChain = Object.fromEntries(s.json.foreign.map((f: { chain: string }) => [f.chain, f]));
    expect(byChain.PREROUTING.adoptAs).toEqual({ id: 'import-10-77-0-1-9000', kind: 'import', on: '10.77.0.1', proto: 'tcp', port: 9000, to: '10.77.0.12:4422', masquerade: false });
    expect(byChain.DOCKER.adoptAs).toBeNull();
    expect(byChain.DOCKER.reason).toMatch(/DOCKER/);
    if (backend === 'nft') {
      expect(byChain.prerouting).toMatchObject({ table: 'nft ip foreign_nat', adoptAs: null });
      expect(byChain.prerouting.rule).toContain('dnat to 10.77.0.12:4422');
    }
  });
});
