/*
 * The fixtures are real `iptables-save -c` output (iptables 1.8.9, Debian 12), captured once from two
 * throwaway network namespaces after adding the rules of `handTypedRules` below by hand.
 * How the two flavours differ: only in the comments ("iptables-nft-save v1.8.9 (nf_tables)" vs
 * "iptables-save v1.8.9") and in the policy counters of filter INPUT/OUTPUT, which legacy counted
 * ([8:388]) and nft left at [0:0]; the rules themselves print identically, byte for byte.
 * Both normalise what was typed: `-d 10.0.0.1` → `/32`, `-p udp --dport 53` gains `-m udp`,
 * `--set-mark 0x1` becomes `--set-xmark 0x1/0xffffffff`, REJECT gains `--reject-with icmp-port-unreachable`,
 * `-m mark --mark 0x1` loses its full mask, `--comment plain` stays unquoted while any other
 * comment is quoted with `"`, `\` and `'` escaped, and user chains are listed sorted by name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Tables } from './ruleset';
import { formatSave, withoutSaveComments } from './save-format';
import { parseSave, SaveParseError } from './save-parser';
import { SimulatedIptables } from './simulated';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.save`, import.meta.url), 'utf8');
const withoutCounters = (t: Tables): Tables => ({
  tables: t.tables.map((table) => ({
    name: table.name,
    chains: table.chains.map((c) => ({ name: c.name, policy: c.policy, rules: c.rules.map((r) => ({ chain: r.chain, args: r.args })) })),
  })),
});

/** The rules typed into the namespaces, as one restore script in the words they were typed. */
const handTypedRules = String.raw`
*nat
:SWITCHYARD-PRE - [0:0]
:SWITCHYARD-POST - [0:0]
:SWITCHYARD-B-ABC123 - [0:0]
-A PREROUTING -m comment --comment "switchyard:hook" -j SWITCHYARD-PRE
-A PREROUTING -i eth0 -p tcp -m tcp --dport 2211 -m comment --comment "export web: eth0 port 2211" -j DNAT --to-destination 10.2.1.1:4422
-A PREROUTING -d 10.2.1.3/32 -p udp --dport 53 -j DNAT --to-destination 192.168.3.3
-A PREROUTING -m addrtype --dst-type LOCAL -j SWITCHYARD-PRE
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -m comment --comment plain -j SWITCHYARD-PRE
-A OUTPUT -p tcp -m tcp --dport 8000:8080 -j REDIRECT --to-ports 9000
-A SWITCHYARD-PRE -p tcp -m tcp ! --dport 22 -j MARK --set-xmark 0x100000/0x100000
-A SWITCHYARD-PRE -j CONNMARK --set-xmark 0x200000/0x200000
-A SWITCHYARD-PRE -j MARK --set-mark 0x1
-A SWITCHYARD-PRE -m connmark --mark 0x200000/0x200000 -g SWITCHYARD-B-ABC123
-A POSTROUTING -j SWITCHYARD-POST
-A SWITCHYARD-B-ABC123 -p tcp -m tcp --dport 2211 -j DNAT --to-destination 10.2.1.1:4422
-A SWITCHYARD-POST -m mark --mark 0x100000/0x100000 -j MASQUERADE
-A SWITCHYARD-POST -s 10.2.0.0/16 ! -o weave -j MASQUERADE
-A SWITCHYARD-POST -s 10.2.0.0/16 -o eth1 -j SNAT --to-source 192.168.1.5
-A SWITCHYARD-POST -m comment --comment "it's \"quoted\" \\ back" -j RETURN
-A SWITCHYARD-PRE -p udp -m udp --dport 5353 -j ACCEPT
COMMIT
*filter
:FORWARD DROP [0:0]
:SWITCHYARD-FWD - [0:0]
-A FORWARD -j SWITCHYARD-FWD
-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -p udp -m udp --sport 53 -j ACCEPT
-A FORWARD -p tcp --dport 22 -j REJECT
-A FORWARD ! -i eth9 -o weave -j LOG --log-prefix "sy: "
-A SWITCHYARD-FWD -m connmark --mark 0x200000/0x200000 -j ACCEPT
-A SWITCHYARD-FWD -m mark ! --mark 0x1 -j DROP
-A INPUT -s 192.168.0.0/16 -d 10.0.0.1 -p icmp -j ACCEPT
COMMIT
`;

describe.each(['nft-flavour', 'legacy-flavour'])('real iptables-save output (%s)', (name) => {
  const text = fixture(name);

  it('formats back byte for byte, comments aside', () => {
    expect(formatSave(parseSave(text), { counters: true })).toBe(withoutSaveComments(text));
  });

  it('keeps counters, quoting and negation as the kernel printed them', () => {
    const nat = parseSave(text).tables.find((t) => t.name === 'nat')!;
    const pre = nat.chains.find((c) => c.name === 'SWITCHYARD-PRE')!;
    expect(pre.rules.at(-1)).toEqual({ chain: 'SWITCHYARD-PRE', args: ['-p', 'udp', '-m', 'udp', '--dport', '5353', '-j', 'ACCEPT'], counters: { packets: 7, bytes: 420 } });
    const post = nat.chains.find((c) => c.name === 'SWITCHYARD-POST')!;
    expect(post.rules.at(-1)!.args).toEqual(['-m', 'comment', '--comment', `it's "quoted" \\ back`, '-j', 'RETURN']);
    expect(pre.rules[0].args.slice(4, 7)).toEqual(['!', '--dport', '22']);
  });

  it('is what SimulatedIptables dumps after restoring the same hand-typed rules', () => {
    const ipt = new SimulatedIptables();
    expect(ipt.restore(handTypedRules, { noflush: false })).toEqual({ ok: true });
    expect(withoutCounters(parseSave(ipt.save({ counters: true })))).toEqual(withoutCounters(parseSave(text)));
  });
});

describe('parseSave refuses what iptables-save never prints', () => {
  const refused = (text: string) => {
    try {
      parseSave(text);
    } catch (e) {
      return e;
    }
    return null;
  };

  it.each([
    ['a rule outside a table', '*nat\nCOMMIT\n-A PREROUTING -j ACCEPT\n', 3],
    ['a rule of an undeclared chain', '*nat\n:PREROUTING ACCEPT [0:0]\n-A SWITCHYARD-PRE -j ACCEPT\nCOMMIT\n', 3],
    ['a chain declared twice', '*nat\n:SY - [0:0]\n:SY - [0:0]\nCOMMIT\n', 3],
    ['a garbage line', '*nat\n:PREROUTING ACCEPT [0:0]\nhello world\nCOMMIT\n', 3],
    ['a user chain with a policy', '*nat\n:SY ACCEPT [0:0]\nCOMMIT\n', 2],
    ['an unterminated quote', '*nat\n:SY - [0:0]\n-A SY -m comment --comment "abc -j ACCEPT\nCOMMIT\n', 3],
  ])('%s, naming the line', (_, text, line) => {
    const e = refused(text);
    expect(e).toBeInstanceOf(SaveParseError);
    expect((e as SaveParseError).line).toBe(line);
    expect((e as SaveParseError).message).toMatch(new RegExp(`^line ${line}: `));
  });

  it('a table without COMMIT', () => {
    const e = refused('*nat\n:PREROUTING ACCEPT [0:0]\n');
    expect(e).toBeInstanceOf(SaveParseError);
    expect((e as Error).message).toContain('not committed');
  });
});
