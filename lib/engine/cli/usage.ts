/** What `switchyard --help` prints: the CLI contract. */
export const usage = `usage: switchyard [--state-dir DIR] [--backend iptables|nft] [--json] VERB …
  export  --port P [--in IFACE] [--proto tcp|udp] --to TARGET:PORT [--id ID] [--no-masquerade] [RAILS]
  import  --on EXPOSED_IP --port P [--proto tcp|udp] --to TARGET:PORT [--id ID] [--no-masquerade] [RAILS]
  rebind  ID --to TARGET:PORT [--cut] [--revision N] [--allow-local-target]
  remove  ID [--revision N]
  list                      bindings, with kernel state (active | drifted | missing) and counters
  status                    host facts, bindings, drift, foreign DNAT rules
  plan    --file F [RAILS]  what \`apply --file F\` would change, and the exact script (F may be -)
  apply   --file F [RAILS]  make this host's bindings exactly those in F (JSON)
  restore                   re-apply the state file to the kernel
  flush   [--forget]        remove every rule and chain Switchyard owns
  expose  CIDR [--bridge B] [--name FQDN]   /   hide CIDR
  migrate --to nft|iptables move this host's bindings to the other backend, with no moment without them
  repair  [ID]              re-apply one binding's rules (or every drifted/missing one's), one transaction
  adopt   REF --id ID       turn a foreign DNAT rule (REF as status lists it) into a binding, in one transaction
  probe   [ID]              TCP connect from this host to each binding's target (2 s): ok | refused | timeout
  watch   [--interval S]    re-apply the state whenever another tool flushed or changed it (checks every S s, default 5)
  serve   --stdio           a long-lived session: one JSON request per line ({"id","args","input"?}) on stdin,
                            one JSON answer per line ({"id","exitCode","stdout","stderr"}) and pushed
                            {"event":"status","report":…} lines on stdout
RAILS: --allow-local-target  a target may be loopback, unspecified, broadcast, multicast or this host (else exit 2)
       --force               a front may take a port this host listens on or shadow a foreign DNAT rule (else exit 3)
exit codes: 0 done, 1 the host failed (I/O, corrupt state), 2 bad input, 3 conflict, 4 kernel refused, 5 lock not acquired
environment: SWITCHYARD_STATE_DIR (default /var/lib/switchyard), SWITCHYARD_BACKEND (iptables | nft; the state file's own wins), SWITCHYARD_IPTABLES (iptables | iptables-nft | iptables-legacy),
  SWITCHYARD_HOSTNAME (the host's name in messages; hosts in network namespaces share the machine's hostname)
`;
