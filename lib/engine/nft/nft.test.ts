import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Binding, HostState } from '../model/binding';
import { foreignNftDnat, nftMatch } from './foreign';
import { listingItems, parseListing, ListingError } from './listing';
import { compileTable, touchedBindings } from './model';
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
  it('dispatches through verdict maps, takes DNAT targets from maps, counts per binding, tags everything', () => {
    const script = lines(renderTable(compileTable(fixtureState)));
    expect(script.slice(0, 3)).toEqual(['add table ip switchyard', 'delete table ip switchyard', 'table ip switchyard {']);
    expect(script).toContain('ip daddr . meta l4proto . th dport vmap @import_fronts comment "switchyard:imports"');
    expect(script).toContain('fib daddr type local iifname . meta l4proto . th dport vmap @export_fronts comment "switchyard:exports"');
    expect(script).toContain('elements = { 10.2.1.3 . tcp . 3322 comment "switchyard:nc" : goto b-nc }');
    expect(script).toContain('elements = { 10.2.1.3 . tcp . 3322 comment "switchyard:nc" : 192.168.1.3 . 2211 }');
    expect(script).toContain('elements = { "eth0" . tcp . 2211 comment "switchyard:web" : 10.77.0.11 . 4422 }');
    expect(script).toContain('counter b-web { packets 0 bytes 0 }');
    expect(script).toContain(
      'counter name "b-web" meta mark set meta mark | 0x00100000 ct mark set ct mark | 0x00200000 dnat ip to iifname . meta l4proto . tcp dport map @export_targets comment "switchyard:web"',
    );
    // The host's own connections have no input interface: the second rule serves them.
    expect(script).toContain('dnat ip to meta l4proto . tcp dport map @local_targets comment "switchyard:web"');
    // --no-masquerade: the flow is marked for forwarding but not for masquerade.
    expect(script).toContain('counter name "b-nc" ct mark set ct mark | 0x00200000 dnat ip to ip daddr . meta l4proto . tcp dport map @import_targets comment "switchyard:nc"');
    expect(script).toContain(
      'counter name "b-dns" meta mark set meta mark | 0x00100000 ct mark set ct mark | 0x00200000 dnat ip to meta l4proto . udp dport map @local_targets comment "switchyard:dns"',
    );
    expect(script).toContain('ip saddr 10.2.0.0/16 ip daddr != 10.2.0.0/16 masquerade comment "switchyard:expose:10.2.1.3/16"');
  });

  it('asks for no table at all when the state holds nothing', () => {
    expect(compileTable({ bindings: [], exposed: [] })).toBeNull();
    expect(renderTable(null)).toBe('add table ip switchyard\ndelete table ip switchyard\n');
  });

  it('of two exports on one port, the first by id serves the host itself', () => {
    const eth1 = { ...web, id: 'a-web', front: { port: 2211, iface: 'eth1' } };
    const t = compileTable({ bindings: [web, eth1], exposed: [] })!;
    expect([...t.maps.get('local_fronts')!.values()].map((e) => e.comment)).toEqual(['switchyard:a-web']);
    expect(t.maps.get('export_fronts')!.size).toBe(2);
  });
});

describe('changes planned from two states, without reading the kernel', () => {
  const before = compileTable(fixtureState)!;
  it('a rebind replaces its target elements and nothing else', () => {
    const moved = { ...fixtureState, bindings: [web, { ...nc, target: { ...nc.target, name: '192.168.4.4', address: '192.168.4.4' } }, dns] };
    expect(renderChanges(before, compileTable(moved)!)).toBe(
      'delete element ip switchyard import_targets { 10.2.1.3 . tcp . 3322 }\n' +
        'add element ip switchyard import_targets { 10.2.1.3 . tcp . 3322 comment "switchyard:nc" : 192.168.4.4 . 2211 }\n',
    );
    const webMoved = { ...fixtureState, bindings: [{ ...web, target: { ...web.target, address: '10.77.0.12', name: '10.77.0.12' } }, nc, dns] };
    expect(lines(renderChanges(before, compileTable(webMoved)!)).filter(Boolean)).toEqual([
      'delete element ip switchyard export_targets { "eth0" . tcp . 2211 }',
      'delete element ip switchyard local_targets { tcp . 2211 }',
      'add element ip switchyard export_targets { "eth0" . tcp . 2211 comment "switchyard:web" : 10.77.0.12 . 4422 }',
      'add element ip switchyard local_targets { tcp . 2211 comment "switchyard:web" : 10.77.0.12 . 4422 }',
    ]);
  });

  it('an add creates counter, chain, rules and elements in an order nft accepts; a remove takes them away in reverse', () => {
    const extra: Binding = { ...nc, id: 'db', front: { port: 5432, address: '10.2.1.3' } };
    const added = compileTable({ ...fixtureState, bindings: [...fixtureState.bindings, extra] })!;
    const all = lines(renderChanges(before, added)).filter(Boolean);
    // The forward chain stays as it is: the new port gets its own traffic chain and dispatch element.
    expect(all).toEqual([
      'add counter ip switchyard b-db',
      'add counter ip switchyard o-db',
      'add counter ip switchyard r-db',
      'add chain ip switchyard b-db',
      'add chain ip switchyard f-tcp-5432',
      'add rule ip switchyard b-db counter name "b-db" ct mark set ct mark | 0x00200000 dnat ip to ip daddr . meta l4proto . tcp dport map @import_targets comment "switchyard:db"',
      'add rule ip switchyard f-tcp-5432 ct mark & 0x00200000 == 0x00200000 meta l4proto tcp ct original ip daddr 10.2.1.3 ct original proto-dst 5432 ct direction original counter name "o-db" accept comment "switchyard:db"',
      'add rule ip switchyard f-tcp-5432 ct mark & 0x00200000 == 0x00200000 meta l4proto tcp ct original ip daddr 10.2.1.3 ct original proto-dst 5432 ct direction reply counter name "r-db" accept comment "switchyard:db"',
      'add element ip switchyard import_fronts { 10.2.1.3 . tcp . 5432 comment "switchyard:db" : goto b-db }',
      'add element ip switchyard import_targets { 10.2.1.3 . tcp . 5432 comment "switchyard:db" : 192.168.1.3 . 2211 }',
      'add element ip switchyard forward_tcp { 5432 comment "switchyard:forward" : jump f-tcp-5432 }',
    ]);
    expect(lines(renderChanges(added, before)).filter(Boolean)).toEqual([
      'delete element ip switchyard import_fronts { 10.2.1.3 . tcp . 5432 }',
      'delete element ip switchyard import_targets { 10.2.1.3 . tcp . 5432 }',
      'delete element ip switchyard forward_tcp { 5432 }',
      'delete chain ip switchyard b-db',
      'delete chain ip switchyard f-tcp-5432',
      'delete counter ip switchyard b-db',
      'delete counter ip switchyard o-db',
      'delete counter ip switchyard r-db',
    ]);
  });

  it('compares only the bindings a change names, and the export that takes over a shared local key', () => {
    const eth1: Binding = { ...web, id: 'a-web', front: { port: 2211, iface: 'eth1' } };
    const two: HostState = { ...fixtureState, bindings: [web, eth1, nc, dns] };
    const change = [{ op: 'remove' as const, id: 'a-web', before: eth1 }];
    const touched = touchedBindings(two, fixtureState, change)!;
    expect([...touched].sort()).toEqual(['a-web', 'web']);
    const script = renderChanges(compileTable(two, touched)!, compileTable(fixtureState, touched)!);
    expect(script).toContain('add element ip switchyard local_fronts { tcp . 2211 comment "switchyard:web" : goto b-web }');
    expect(script).not.toContain('b-nc');
    expect(touchedBindings(fixtureState, { ...fixtureState, exposed: [] }, [])).toEqual(new Set());
  });

  it('dispatches forwarded flows by protocol and port to small chains, so a rebind touches none of them', () => {
    const t = compileTable(fixtureState)!;
    expect(t.chains.get('forward')!.rules.map((r) => r.text)).toEqual([
      'ct mark & 0x00200000 == 0x00200000 meta l4proto tcp ct original proto-dst vmap @forward_tcp',
      'ct mark & 0x00200000 == 0x00200000 meta l4proto udp ct original proto-dst vmap @forward_udp',
      'ct mark & 0x00200000 == 0x00200000 accept',
    ]);
    expect(t.maps.get('forward_tcp')!.get('2211')!.value).toBe('jump f-tcp-2211');
    expect(t.chains.get('f-tcp-2211')!.rules.map((r) => r.comment)).toEqual(['switchyard:web', 'switchyard:web']);
    const moved = { ...web, target: { ...web.target, address: '10.77.0.99', name: '10.77.0.99' }, revision: 2 };
    const ids = new Set(['web']);
    const script = renderChanges(compileTable(fixtureState, ids)!, compileTable({ ...fixtureState, bindings: [moved, nc, dns] }, ids)!);
    expect(script).toContain('10.77.0.99');
    expect(script).not.toMatch(/forward|f-tcp/);
  });

  it('keeps bindings that share a protocol and port in one port chain, and removes it with the last', () => {
    const eth1: Binding = { ...web, id: 'a-web', front: { port: 2211, iface: 'eth1' } };
    const two = compileTable({ ...fixtureState, bindings: [web, eth1, nc, dns] })!;
    expect(two.chains.get('f-tcp-2211')!.rules.map((r) => r.comment)).toEqual(['switchyard:a-web', 'switchyard:a-web', 'switchyard:web', 'switchyard:web']);
    const gone = renderChanges(compileTable(fixtureState)!, compileTable({ ...fixtureState, bindings: [nc, dns] })!);
    expect(gone).toContain('delete element ip switchyard forward_tcp { 2211 }');
    expect(gone).toContain('delete chain ip switchyard f-tcp-2211');
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
  });

  it('reports every binding active with its counter, and a changed element as drift', () => {
    const have = parseListing(fixture);
    have.counters.set('b-web', { packets: 7, bytes: 420 });
    const r = readBackTable(fixtureState.bindings, have);
    expect(r.map((b) => `${b.id}:${b.state}`)).toEqual(['web:active', 'nc:active', 'dns:active']);
    expect(r[0].counters).toEqual({ packets: 7, bytes: 420 });
    expect(r[1].rules).toContain('map import_targets { 10.2.1.3 . tcp . 3322 : 192.168.1.3 . 2211 }');

    have.maps.get('import_targets')!.set('10.2.1.3 . tcp . 3322', { key: '10.2.1.3 . tcp . 3322', value: '10.9.9.9 . 1', comment: 'switchyard:nc' });
    const drifted = readBackTable(fixtureState.bindings, have)[1];
    expect(drifted.state).toBe('drifted');
    expect(drifted.drift).toEqual({
      missing: ['map import_targets { 10.2.1.3 . tcp . 3322 : 192.168.1.3 . 2211 }'],
      unexpected: ['map import_targets { 10.2.1.3 . tcp . 3322 : 10.9.9.9 . 1 }'],
    });
  });

  it('no table: every binding missing; a missing shared rule makes the others drifted', () => {
    expect(readBackTable([web], null).map((b) => b.state)).toEqual(['missing']);
    const have = parseListing(fixture);
    have.chains.get('postrouting')!.rules.shift();
    const r = readBackTable(fixtureState.bindings, have);
    expect(r.map((b) => b.state)).toEqual(['drifted', 'active', 'drifted']);
    expect(r[0].drift!.missing).toEqual(['chain postrouting: meta mark & 0x00100000 == 0x00100000 masquerade']);
  });

  it('refuses output that is not nft JSON', () => {
    expect(() => parseListing('Error: x')).toThrow(ListingError);
    expect(() => parseListing('{"x": 1}')).toThrow(/nftables/);
    expect(() => parseListing(fixture.slice(0, fixture.length / 2))).toThrow(/middle/);
  });

  it('splits the listing item by item, strings with brackets and escapes included', () => {
    const items = [...listingItems('{"nftables": [{"a": "x]}\\"{"}, {"b": [1, {"c": 2}]}]}')];
    expect(items.map((i) => JSON.parse(i))).toEqual([{ a: 'x]}"{' }, { b: [1, { c: 2 }] }]);
  });

  it('renders what it read back as a script nft would accept again (for undo)', () => {
    const again = lines(renderTable(parseListing(fixture)));
    const fresh = lines(renderTable(compileTable(fixtureState)));
    const withoutHeaders = (l: string[]) => l.filter((x) => !x.startsWith('type '));
    expect(withoutHeaders(again)).toEqual(withoutHeaders(fresh));
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
