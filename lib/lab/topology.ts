/**
 * The lab's fixed network: the seed page's HOST1…HOST4, containers a1 and a2, the outside
 * world, and the overlay bridge — as plain data. Docs, tests and the console rely on these
 * names and addresses; everything else in `lib/lab` is derived from this table.
 */

/** What a lab machine stands for in the seed page. */
export type MachineRole = 'host' | 'outside' | 'container' | 'client';

/** An IPv4 address on one of a machine's interfaces. */
export interface LabInterface {
  name: string;
  address: string;
  prefix: number;
  /** The machine at the other end of the veth, or `overlay` for a port on the overlay bridge. */
  peer: string;
}

/** A TCP service answering with its own name (the name service also answers UDP on the same port). */
export interface LabService {
  port: number;
  proto: 'tcp';
}

/** One network namespace standing for one machine of the seed page. */
export interface LabMachine {
  name: string;
  namespace: string;
  role: MachineRole;
  interfaces: LabInterface[];
  services: LabService[];
  /** Hosts: forwarding on and filter FORWARD policy DROP, as on a Docker host. */
  forwarding: boolean;
  /** Containers: the host they run on. */
  runsOn?: string;
  /** Outside services: the hosts that can reach them. Clients: the hosts they can reach. */
  reaches?: string[];
  /** Overlay names this machine answers to (what Weave DNS would announce). */
  dnsNames: string[];
}

/** The overlay: one Linux bridge in its own namespace, standing in for Weave's `weave` bridge. */
export const overlay = {
  namespace: 'sy-weave',
  bridge: 'weave',
  cidr: '10.2.0.0/16',
  domain: 'weave.local',
} as const;

const onOverlay = (name: string, address: string): LabInterface => ({ name, address, prefix: 16, peer: 'overlay' });

/** Every machine of the lab, in the order `up` builds them. */
export const machines: readonly LabMachine[] = [
  {
    name: 'host1',
    namespace: 'sy-host1',
    role: 'host',
    interfaces: [
      onOverlay('weave', '10.2.1.3'),
      { name: 'eth1', address: '192.168.1.1', prefix: 24, peer: 'host3' },
      { name: 'eth2', address: '192.168.4.1', prefix: 24, peer: 'host4' },
    ],
    services: [],
    forwarding: true,
    dnsNames: ['host1', 'host1.weave.local'],
  },
  {
    name: 'host2',
    namespace: 'sy-host2',
    role: 'host',
    interfaces: [onOverlay('weave', '10.2.1.132'), { name: 'eth0', address: '192.168.1.2', prefix: 24, peer: 'world' }],
    services: [],
    forwarding: true,
    dnsNames: ['host2', 'host2.weave.local'],
  },
  {
    name: 'host3',
    namespace: 'sy-host3',
    role: 'outside',
    interfaces: [{ name: 'eth0', address: '192.168.1.3', prefix: 24, peer: 'host1' }],
    services: [{ port: 2211, proto: 'tcp' }],
    forwarding: false,
    reaches: ['host1'],
    dnsNames: [],
  },
  {
    name: 'host4',
    namespace: 'sy-host4',
    role: 'outside',
    interfaces: [{ name: 'eth0', address: '192.168.4.4', prefix: 24, peer: 'host1' }],
    services: [{ port: 2211, proto: 'tcp' }],
    forwarding: false,
    reaches: ['host1'],
    dnsNames: [],
  },
  {
    name: 'a1',
    namespace: 'sy-a1',
    role: 'container',
    interfaces: [onOverlay('ethwe', '10.2.1.1')],
    services: [{ port: 4422, proto: 'tcp' }],
    forwarding: false,
    runsOn: 'host1',
    dnsNames: ['a1', 'a1.weave.local'],
  },
  {
    name: 'a2',
    namespace: 'sy-a2',
    role: 'container',
    interfaces: [onOverlay('ethwe', '10.2.1.2')],
    services: [],
    forwarding: false,
    runsOn: 'host2',
    dnsNames: ['a2', 'a2.weave.local'],
  },
  {
    name: 'world',
    namespace: 'sy-world',
    role: 'client',
    interfaces: [{ name: 'eth0', address: '192.168.1.10', prefix: 24, peer: 'host2' }],
    services: [],
    forwarding: false,
    reaches: ['host2'],
    dnsNames: [],
  },
];

/** Every namespace the seed lab owns: the overlay's and one per machine. */
export const labNamespaces: readonly string[] = [overlay.namespace, ...machines.map((m) => m.namespace)];

/** `up --hosts N` adds at most this many engine hosts. */
export const maxExtraHosts = 100;

/**
 * The engine hosts `up --hosts N` adds for scale: host5, host6, … each on the overlay (10.2.2.i)
 * with one container (c5, c6, … at 10.2.3.i) running a service on 4422.
 */
export function extraMachines(count: number): LabMachine[] {
  if (!Number.isInteger(count) || count < 0 || count > maxExtraHosts) throw new Error(`--hosts: must be a whole number from 0 to ${maxExtraHosts}, got ${count}`);
  return Array.from({ length: count }, (_, k) => {
    const i = k + 1;
    const host = `host${i + 4}`;
    const container = `c${i + 4}`;
    return [
      { name: host, namespace: `sy-${host}`, role: 'host', interfaces: [onOverlay('weave', `10.2.2.${i}`)], services: [], forwarding: true, dnsNames: [host, `${host}.${overlay.domain}`] },
      {
        name: container,
        namespace: `sy-${container}`,
        role: 'container',
        interfaces: [onOverlay('ethwe', `10.2.3.${i}`)],
        services: [{ port: 4422, proto: 'tcp' }],
        forwarding: false,
        runsOn: host,
        dnsNames: [container, `${container}.${overlay.domain}`],
      },
    ] satisfies LabMachine[];
  }).flat();
}

/** The seed's machines plus `extraHosts` engine hosts with their containers. */
export const labMachines = (extraHosts = 0): readonly LabMachine[] => (extraHosts ? [...machines, ...extraMachines(extraHosts)] : machines);

/** The namespaces of a lab of these machines: the overlay's and one per machine. */
export const namespacesOf = (ms: readonly LabMachine[]): string[] => [overlay.namespace, ...ms.map((m) => m.namespace)];

/** Every namespace any lab may own (the largest one), so `down` finds them whatever size was built. */
export const everyLabNamespace = (): string[] => namespacesOf(labMachines(maxExtraHosts));

/** The machine called `name` (seed or extra host); throws for names outside the lab. */
export function machine(name: string, ms: readonly LabMachine[] = labMachines(maxExtraHosts)): LabMachine {
  const found = ms.find((m) => m.name === name);
  if (!found) throw new Error(`no lab machine called ${name}`);
  return found;
}

/** A veth pair between two machines' interfaces (each listed once, from the machine named first). */
export interface LabLink {
  a: { machine: LabMachine; iface: LabInterface };
  b: { machine: LabMachine; iface: LabInterface };
}

/** The point-to-point links (not the overlay): HOST1–HOST3, HOST1–HOST4, HOST2–world. */
export function directLinks(ms: readonly LabMachine[] = machines): LabLink[] {
  const links: LabLink[] = [];
  ms.forEach((m, i) => {
    for (const iface of m.interfaces) {
      if (iface.peer === 'overlay') continue;
      const other = machine(iface.peer, ms);
      if (ms.indexOf(other) < i) continue;
      const back = other.interfaces.find((x) => x.peer === m.name);
      if (!back) throw new Error(`link ${m.name}.${iface.name} has no end on ${other.name}`);
      links.push({ a: { machine: m, iface }, b: { machine: other, iface: back } });
    }
  });
  return links;
}

/** Overlay members and their interface on the bridge; the bridge-side port is `vp-<machine>`. */
export function overlayMembers(ms: readonly LabMachine[] = machines): { machine: LabMachine; iface: LabInterface; port: string }[] {
  return ms.flatMap((m) =>
    m.interfaces.filter((i) => i.peer === 'overlay').map((iface) => ({ machine: m, iface, port: `vp-${m.name}` })),
  );
}

/** The address a machine holds on the overlay, if it is a member. */
export function overlayAddress(m: LabMachine): string | undefined {
  return m.interfaces.find((i) => i.peer === 'overlay')?.address;
}
