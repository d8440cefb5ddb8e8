import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Binding, HostState } from '../model/binding';
import { foreignNftDnat, nftMatch } from './foreign';
import { ListingReader, parseListing, ListingError } from './listing';
import { carryCounters, compileTable, localIndex, localIndexes, localKey, localOwners, touchedBindings } from './model';
import { readBackTable, sameTable } from './readback';
import { renderChanges, renderTable } from './script';
import { nftFailingLine } from './kernel';

const web: Binding = { id: 'web', kind: 'export', proto: 'tcp', front: { port: 2211, iface: 'eth0' }, target: { name: '10.77.0.11', address: '10.77.0.11', port: 4422 }, masquerade: true, revision: 1 };
const nc: Binding = { id: 'nc', kind: 'import', proto: 'tcp', front: { port: 3322, address: '10.2.1.3' }, target: { name: '192.168.1.3', address: '192.168.1.3', port: 2211 }, masquerade: false, revision: 1 };
const dns: Binding = { id: 'dns', kind: 'export', proto: 'udp', front: { port: 5353 }, target: { name: '10.77.0.12', address: '10.77.0.12', port: 53 }, masquerade: true, revision: 1 };

/** The state `fixtures/table.json` was made from. */
const fixtureState: HostState = { version: 1, backend: 'nft', bindings: [web, nc, dns], exposed: [{ cidr: '10.2.1.3/16', bridge: 'eth0' }] };
const fixture = readFileSync(new URL('./fixtures/table.json', import.meta.url), 'utf8');
const lines = (s: string) => s.split('\n').map((l) => l.trim());

describe('the nft table a state asks for', () => {
  it('dispatches through counted verdict maps to fixed DNAT chains, takes targets from maps, tags every element', () => {
    const script = lines(renderTable(compileTable(fixtureState)));
    expect(script.slice(0, 3)).toEqual(['add table ip switchyard', 'delete table ip switchyard', 'table ip switchyard {']);
    expect(script).toContain('ip daddr . meta l4proto . th dport vmap @import_fronts comment "switchyard:imports"');
    expect(script).toContain('fib daddr type local iifname . meta l4proto . th dport vmap @export_fronts comment "switchyard:exports"');
    // --no-masquerade: the import goes to the DNAT chain that marks for forwarding only.
    expect(script).toContain('elements = { 10.2.1.3 . tcp . 3322 counter comment "switchyard:nc" : goto dnat-import }');
    expect(script).toContain('elements = { 10.2.1.3 . tcp . 3322 comment "switchyard:nc" : 192.168.1.3 . 2211 }');
    expect(script).toContain('elements = { "eth0" . tcp . 2211 counter comment "switchyard:web" : goto dnat-export-masq }');
    // The export serving the host itself keeps its one target in local_targets, which dnat-export falls back to.
    expect(compileTable(fixtureState)!.maps.get('export_targets')!.size).toBe(0);
    expect(script).toContain('elements = { tcp . 2211 comment "switchyard:web" : 10.77.0.11 . 4422,');
    expect(script).toContain('meta mark set meta mark | 0x00100000 ct mark set ct mark | 0x00200000 comment "switchyard:dnat"');
    expect(script).toContain('dnat ip to iifname . meta l4proto . th dport map @export_targets comment "switchyard:dnat"');
    expect(script).toContain('ip saddr 10.2.0.0/16 ip daddr != 10.2.0.0/16 masquerade comment "switchyard:expose:10.2.1.3/16"');
    // No chain and no named counter per binding: per-binding state lives in elements.
    expect(script.filter((l) => l.startsWith('chain ')).map((l) => l.split(' ')[1])).toEqual([
      'dnat-import',
      'dnat-export',
      'dnat-local',
      'dnat-import-masq',
      'dnat-export-masq',
      'dnat-local-masq',
      'prerouting',
      'output',
      'postrouting',
      'forward',
    ]);
    expect(script.some((l) => /^counter \S+ \{/.test(l))).toBe(false);
  });

  it('asks for no table at all when the state holds nothing', () => {
    expect(compileTable({ bindings: [], exposed: [] })).toBeNull();
    expect(renderTable(null)).toBe('add table ip switchyard\ndelete table ip switchyard\n');
  });

  it('of two exports on one port, the first by id serves the host itself; the other keeps its target by interface', () => {
    const eth1 = { ...web, id: 'a-web', front: { port: 2211, iface: 'eth1' } };
    const t = compileTable({ bindings: [web, eth1], exposed: [] })!;
    expect([...t.maps.get('local_fronts')!.values()].map((e) => e.comment)).toEqual(['switchyard:a-web']);
    expect(t.maps.get('export_fronts')!.size).toBe(2);
    expect([...t.maps.get('export_targets')!.keys()]).toEqual(['"eth0" . tcp . 2211']);
  });

  it('writes carried-over counts into elements and inline counters', () => {
    const eth1: Binding = { ...web, id: 'a-web', front: { port: 2211, iface: 'eth1' } };
    const t = compileTable({ bindings: [web, eth1], exposed: [] })!;
    t.maps.get('export_fronts')!.get('"eth0" . tcp . 2211')!.counter = { packets: 3, bytes: 180 };
    const c = t.chains.get('f-tcp-2211')!;
    c.rules[0] = { ...c.rules[0], counter: { packets: 9, bytes: 900 } };
    const script = renderTable(t);
    expect(script).toContain('"eth0" . tcp . 2211 counter packets 3 bytes 180 comment "switchyard:web" : goto dnat-export-masq');
    expect(script).toContain('iifname eth1 ct direction original counter packets 9 bytes 900 accept comment "switchyard:a-web"');
  });
});

describe('changes planned from two states, without reading the kernel', () => {
  const before = compileTable(fixtureState)!;
  it('a rebind replaces its target element and nothing else, so its counters stay', () => {
    const moved = { ...fixtureState, bindings: [web, { ...nc, target: { ...nc.target, name: '192.168.4.4', address: '192.168.4.4' } }, dns] };
    expect(renderChanges(before, compileTable(moved)!)).toBe(
      'delete element ip switchyard import_targets { 10.2.1.3 . tcp . 3322 }\n' +
        'add element ip switchyard import_targets { 10.2.1.3 . tcp . 3322 comment "switchyard:nc" : 192.168.4.4 . 2211 }\n',
    );
    const webMoved = { ...fixtureState, bindings: [{ ...web, target: { ...web.target, address: '10.77.0.12', name: '10.77.0.12' } }, nc, dns] };
    expect(lines(renderChanges(before, compileTable(webMoved)!)).filter(Boolean)).toEqual([
      'delete element ip switchyard local_targets { tcp . 2211 }',
      'add element ip switchyard local_targets { tcp . 2211 comment "switchyard:web" : 10.77.0.12 . 4422 }',
    ]);
  });

  it('an add creates elements only; a remove takes them away', () => {
    const extra: Binding = { ...nc, id: 'db', front: { port: 5432, address: '10.2.1.3' } };
    const added = compileTable({ ...fixtureState, bindings: [...fixtureState.bindings, extra] })!;
    expect(lines(renderChanges(before, added)).filter(Boolean)).toEqual([
      'add element ip switchyard import_fronts { 10.2.1.3 . tcp . 5432 counter comment "switchyard:db" : goto dnat-import }',
      'add element ip switchyard import_targets { 10.2.1.3 . tcp . 5432 comment "switchyard:db" : 192.168.1.3 . 2211 }',
      'add element ip switchyard forward_tcp_original { 5432 counter comment "switchyard:db" : accept }',
      'add element ip switchyard forward_tcp_reply { 5432 counter comment "switchyard:db" : accept }',
    ]);
    expect(lines(renderChanges(added, before)).filter(Boolean)).toEqual([
      'delete element ip switchyard import_fronts { 10.2.1.3 . tcp . 5432 }',
      'delete element ip switchyard import_targets { 10.2.1.3 . tcp . 5432 }',
      'delete element ip switchyard forward_tcp_original { 5432 }',
      'delete element ip switchyard forward_tcp_reply { 5432 }',
    ]);
  });

  it('compares only the bindings a change names, and the export that takes over a shared local key', () => {
    const eth1: Binding = { ...web, id: 'a-web', front: { port: 2211, iface: 'eth1' } };
    const two: HostState = { ...fixtureState, bindings: [web, eth1, nc, dns] };
    const change = [{ op: 'remove' as const, id: 'a-web', before: eth1 }];
    const touched = touchedBindings(two, fixtureState, change)!;
    expect([...touched].sort()).toEqual(['a-web', 'web']);
    const script = renderChanges(compileTable(two, touched)!, compileTable(fixtureState, touched)!);
    expect(script).toContain('add element ip switchyard local_fronts { tcp . 2211 counter comment "switchyard:web" : goto dnat-export-masq }'.replace('dnat-export-masq', 'dnat-local-masq'));
    expect(script).toContain('delete element ip switchyard export_targets { "eth0" . tcp . 2211 }');
    expect(script).not.toContain('3322');
    expect(touchedBindings(fixtureState, { ...fixtureState, exposed: [] }, [])).toEqual(new Set());
  });

  it('keys a front by protocol and port the same way as a string and as a number', () => {
    const fronts = [web, dns, nc, { ...web, id: 'w2', front: { port: 2211, iface: 'eth1' } }, { ...dns, proto: 'tcp' as const }, { ...web, front: { port: 65535, iface: 'eth0' } }, { ...dns, front: { port: 0 } }];
    for (const a of fronts) {
      expect(localIndex(a)).toBeGreaterThanOrEqual(0);
      expect(localIndex(a)).toBeLessThan(localIndexes);
      for (const b of fronts) expect(localIndex(a) === localIndex(b), `${a.id} ${localKey(a)} / ${b.id} ${localKey(b)}`).toBe(localKey(a) === localKey(b));
    }
    // Two exports on one port: the smaller id serves local use, whichever comes first, and imports never do.
    const aWeb: Binding = { ...web, id: 'a-web', front: { port: 2211, iface: 'eth1' } };
    expect(localOwners([web, aWeb, nc]).get(localKey(web))).toBe('a-web');
    expect(localOwners([aWeb, web]).get(localKey(web))).toBe('a-web');
    expect(localOwners([nc]).size).toBe(0);
    const state: HostState = { ...fixtureState, bindings: [web, aWeb, nc, dns] };
    // Read back from the table compiled for it, each binding finds exactly its own parts, the local key included.
    expect(readBackTable(state.bindings, compileTable(state)).map((r) => `${r.id}:${r.state}`)).toEqual(['web:active', 'a-web:active', 'nc:active', 'dns:active']);
  });

  it('counts forwarded flows in elements keyed by original port, per protocol and direction', () => {
    const t = compileTable(fixtureState)!;
    expect(t.chains.get('forward')!.rules.map((r) => r.text)).toEqual([
      'ct mark & 0x00200000 == 0x00200000 meta l4proto tcp ct direction original ct original proto-dst vmap @forward_tcp_original',
      'ct mark & 0x00200000 == 0x00200000 meta l4proto tcp ct direction reply ct original proto-dst vmap @forward_tcp_reply',
      'ct mark & 0x00200000 == 0x00200000 meta l4proto udp ct direction original ct original proto-dst vmap @forward_udp_original',
      'ct mark & 0x00200000 == 0x00200000 meta l4proto udp ct direction reply ct original proto-dst vmap @forward_udp_reply',
      'ct mark & 0x00200000 == 0x00200000 accept',
    ]);
    expect(t.maps.get('forward_tcp_reply')!.get('2211')).toEqual({ key: '2211', value: 'accept', comment: 'switchyard:web' });
    expect([...t.chains.keys()].some((n) => n.startsWith('f-'))).toBe(false);
  });

  it('gives a shared port a chain of counted rules, and removes it with the sharing', () => {
    const eth1: Binding = { ...web, id: 'a-web', front: { port: 2211, iface: 'eth1' } };
    const two = compileTable({ ...fixtureState, bindings: [web, eth1, nc, dns] })!;
    expect(two.chains.get('f-tcp-2211')!.rules.map((r) => `${r.comment} ${r.text}`)).toEqual([
      'switchyard:a-web iifname eth1 ct direction original counter accept',
      'switchyard:a-web oifname eth1 ct direction reply counter accept',
      'switchyard:web iifname eth0 ct direction original counter accept',
      'switchyard:web oifname eth0 ct direction reply counter accept',
    ]);
    expect(two.maps.get('forward_tcp_original')!.get('2211')!.value).toBe('jump f-tcp-2211');
    const back = lines(renderChanges(two, compileTable(fixtureState)!));
    expect(back).toContain('delete chain ip switchyard f-tcp-2211');
    expect(back).toContain('add element ip switchyard forward_tcp_original { 2211 counter comment "switchyard:web" : accept }');
    // Elements that jump to the chain go before it does.
    expect(back.indexOf('delete element ip switchyard forward_tcp_original { 2211 }')).toBeLessThan(back.indexOf('delete chain ip switchyard f-tcp-2211'));
  });

  it('no change, no script', () => {
    expect(renderChanges(before, compileTable(fixtureState)!)).toBe('');
  });
});

describe('reading the table back from nft -j', () => {
  it('parses real nft -j output into the same table compile() asks for', () => {
    const have = parseListing(fixture);
    expect(sameTable(compileTable(fixtureState), have)).toBe(true);
    expect(sameTable(compileTable({ ...fixtureState, exposed: [] }), have)).toBe(false);
    expect(have.maps.get('import_fronts')!.get('10.2.1.3 . tcp . 3322')!.counter).toEqual({ packets: 0, bytes: 0 });
  });

  it('reports every binding active with its counts, and a changed element as drift', () => {
    const have = parseListing(fixture);
    have.maps.get('export_fronts')!.get('"eth0" . tcp . 2211')!.counter = { packets: 5, bytes: 300 };
    have.maps.get('local_fronts')!.get('tcp . 2211')!.counter = { packets: 2, bytes: 120 };
    have.maps.get('forward_tcp_original')!.get('2211')!.counter = { packets: 40, bytes: 4000 };
    have.maps.get('forward_tcp_reply')!.get('2211')!.counter = { packets: 30, bytes: 9000 };
    const r = readBackTable(fixtureState.bindings, have);
    expect(r.map((b) => `${b.id}:${b.state}`)).toEqual(['web:active', 'nc:active', 'dns:active']);
    expect(r[0].counters).toEqual({ packets: 7, bytes: 420 });
    expect(r[0].traffic).toEqual({ connections: 7, toTarget: { packets: 40, bytes: 4000 }, fromTarget: { packets: 30, bytes: 9000 } });
    expect(r[1].rules).toContain('map import_targets { 10.2.1.3 . tcp . 3322 : 192.168.1.3 . 2211 }');

    have.maps.get('import_targets')!.set('10.2.1.3 . tcp . 3322', { key: '10.2.1.3 . tcp . 3322', value: '10.9.9.9 . 1', comment: 'switchyard:nc' });
    const drifted = readBackTable(fixtureState.bindings, have)[1];
    expect(drifted.state).toBe('drifted');
    expect(drifted.drift).toEqual({
      missing: ['map import_targets { 10.2.1.3 . tcp . 3322 : 192.168.1.3 . 2211 }'],
      unexpected: ['map import_targets { 10.2.1.3 . tcp . 3322 : 10.9.9.9 . 1 }'],
    });
  });

  it('counts a shared port’s traffic from its rules', () => {
    const eth1: Binding = { ...web, id: 'a-web', front: { port: 2211, iface: 'eth1' } };
    const bindings = [web, eth1, nc, dns];
    const t = compileTable({ ...fixtureState, bindings })!;
    const c = t.chains.get('f-tcp-2211')!;
    c.rules = c.rules.map((r, i) => ({ ...r, counter: { packets: i + 1, bytes: 100 * (i + 1) } }));
    const r = readBackTable(bindings, t);
    expect(r.map((b) => b.state)).toEqual(['active', 'active', 'active', 'active']);
    expect(r[1].traffic!.toTarget).toEqual({ packets: 1, bytes: 100 });
    expect(r[0].traffic!.fromTarget).toEqual({ packets: 4, bytes: 400 });
  });

  it('no table: every binding missing; a missing shared rule makes those that need it drifted', () => {
    expect(readBackTable([web], null).map((b) => b.state)).toEqual(['missing']);
    const have = parseListing(fixture);
    have.chains.get('postrouting')!.rules.shift();
    const r = readBackTable(fixtureState.bindings, have);
    expect(r.map((b) => b.state)).toEqual(['drifted', 'active', 'drifted']);
    expect(r[0].drift!.missing).toEqual(['chain postrouting: meta mark & 0x00100000 == 0x00100000 masquerade']);
    const noImportDnat = parseListing(fixture);
    noImportDnat.chains.get('dnat-import')!.rules.pop();
    expect(readBackTable(fixtureState.bindings, noImportDnat).map((b) => b.state)).toEqual(['active', 'drifted', 'active']);
  });

  it('refuses output that is not nft JSON', () => {
    expect(() => parseListing('Error: x')).toThrow(ListingError);
    expect(() => parseListing('{"x": 1}')).toThrow(/nftables/);
    expect(() => parseListing(fixture.slice(0, fixture.length / 2))).toThrow(/middle/);
  });

  it('reads the listing piece by piece, cut anywhere, strings with brackets and escapes included', () => {
    const whole = parseListing(fixture);
    for (const size of [1, 7, 64, 1000]) {
      const reader = new ListingReader();
      for (let i = 0; i < fixture.length; i += size) reader.push(fixture.slice(i, i + size));
      const t = reader.end();
      expect([...t.maps].map(([n, els]) => [n, [...els.values()]])).toEqual([...whole.maps].map(([n, els]) => [n, [...els.values()]]));
      expect([...t.chains.values()]).toEqual([...whole.chains.values()]);
      expect(reader.sawTable).toBe(true);
    }
    const tricky = '{"nftables": [{"rule": {"family": "ip", "table": "switchyard", "chain": "c", "comment": "x]}\\"{[", "expr": [{"accept": null}]}}]}';
    expect(parseListing(tricky).chains.get('c')!.rules).toEqual([{ text: 'accept', comment: 'x]}"{[' }]);
  });

  it("keeps only Switchyard's table from a listing of several, another table's map elements included", () => {
    const other = '{"map": {"family": "ip", "name": "m", "table": "other", "type": "inet_service", "map": "verdict", "elem": [[80, {"accept": null}]]}}';
    const t = parseListing(fixture.replace('{"nftables": [', `{"nftables": [${other}, `));
    expect([...t.maps.keys()]).toEqual([...parseListing(fixture).maps.keys()]);
  });

  it('renders what it read back as a script nft would accept again (for undo), counts included', () => {
    const have = parseListing(fixture);
    const again = lines(renderTable(have));
    const fresh = lines(renderTable(compileTable(fixtureState))).map((l) => l.replace(/ counter comment/g, ' counter packets 0 bytes 0 comment'));
    const withoutHeaders = (l: string[]) => l.filter((x) => !x.startsWith('type '));
    expect(withoutHeaders(again)).toEqual(withoutHeaders(fresh));
  });
});

describe('taking over a table of the earlier design', () => {
  it('carries its named counters onto the elements that count the same now', () => {
    const old = compileTable(fixtureState)!;
    old.counterObjects = new Map([
      ['b-web', { packets: 4, bytes: 240 }],
      ['o-web', { packets: 50, bytes: 5000 }],
      ['r-web', { packets: 45, bytes: 9000 }],
    ]);
    for (const els of old.maps.values()) for (const e of els.values()) if (e.value.startsWith('goto ')) e.value = `goto b-${e.comment.slice(11)}`;
    const want = carryCounters(compileTable(fixtureState), old)!;
    expect(sameTable(want, old)).toBe(false);
    const r = readBackTable(fixtureState.bindings, want)[0];
    expect(r.traffic).toEqual({ connections: 4, toTarget: { packets: 50, bytes: 5000 }, fromTarget: { packets: 45, bytes: 9000 } });
  });
});

describe('foreign DNAT in other nft tables', () => {
  const ruleset = `table ip switchyard {
\tchain b-web {
\t\tdnat ip to iifname . meta l4proto . tcp dport map @export_targets comment "switchyard:web"
\t}
}
table ip foreign_nat {
\tchain prerouting {
\t\ttype nat hook prerouting priority dstnat; policy accept;
\t\tiifname "eth0" tcp dport 9100 dnat to 10.77.0.12:4422
\t\tip daddr 10.2.1.3 udp dport 53 dnat to 10.9.9.9
\t}
}
table ip nat {
\tchain PREROUTING {
\t\ttcp dport 1 dnat to 1.1.1.1:1
\t}
}
`;
  it('lists them with where they sit and what they match, skipping Switchyard and tables iptables reported', () => {
    const found = foreignNftDnat(ruleset, new Set(['ip nat']));
    expect(found.map((f) => [f.table, f.chain, f.rule])).toEqual([
      ['nft ip foreign_nat', 'prerouting', 'iifname "eth0" tcp dport 9100 dnat to 10.77.0.12:4422'],
      ['nft ip foreign_nat', 'prerouting', 'ip daddr 10.2.1.3 udp dport 53 dnat to 10.9.9.9'],
    ]);
    expect(found[0].match).toEqual({ proto: 'tcp', port: 9100, iface: 'eth0' });
    expect(found[1].match).toEqual({ proto: 'udp', port: 53, destination: '10.2.1.3' });
    expect(nftMatch('dnat to 1.2.3.4')).toEqual({});
  });
});

describe("nft's refusals", () => {
  it('name the failing line of the script', () => {
    expect(nftFailingLine('/dev/stdin:4:44-88: Error: Could not process rule: File exists\n')).toBe(4);
    expect(nftFailingLine('Error: something else')).toBeNull();
  });
});
