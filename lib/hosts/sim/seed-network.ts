/**
 * The network of the Weave "Managing Services" page, as data: the embedded simulated network
 * the console runs on when no inventory is given. The lab builds the same topology for real.
 */
import type { BindingSpec, Exposure } from '@/lib/engine/model/binding';

export interface SimInterface {
  name: string;
  /** IPv4 addresses with prefix. */
  addresses: string[];
}

export interface SimHostSpec {
  name: string;
  interfaces: SimInterface[];
  /** What the host exposes on the overlay when the network starts (the seed's `weave expose`). */
  exposed: Exposure[];
  /** Bindings the host holds when the network starts, as `apply --file` takes them. */
  bindings?: BindingSpec[];
}

export interface SimContainer {
  name: string;
  host: string;
  address: string;
  services: { port: number; proto: 'tcp' | 'udp' }[];
}

export interface SimService {
  name: string;
  address: string;
  port: number;
  proto: 'tcp' | 'udp';
  /** Hosts with a route to this service. */
  reachableFrom: string[];
}

export interface SimClient {
  name: string;
  address: string;
  /** Hosts this client can connect to. */
  reaches: string[];
}

export interface SimNetworkSpec {
  hosts: SimHostSpec[];
  containers: SimContainer[];
  services: SimService[];
  clients: SimClient[];
}

const loopback: SimInterface = { name: 'lo', addresses: ['127.0.0.1/8'] };

export const seedNetwork: SimNetworkSpec = {
  hosts: [
    {
      name: 'host1',
      interfaces: [
        loopback,
        { name: 'eth1', addresses: ['192.168.1.1/24'] },
        { name: 'eth2', addresses: ['192.168.4.1/24'] },
        { name: 'weave', addresses: [] },
      ],
      exposed: [{ cidr: '10.2.1.3/16', bridge: 'weave', name: 'host1.weave.local' }],
    },
    {
      name: 'host2',
      interfaces: [loopback, { name: 'eth0', addresses: ['192.168.1.2/24'] }, { name: 'weave', addresses: [] }],
      exposed: [{ cidr: '10.2.1.132/16', bridge: 'weave' }],
    },
  ],
  containers: [
    { name: 'a1', host: 'host1', address: '10.2.1.1', services: [{ port: 4422, proto: 'tcp' }] },
    { name: 'a2', host: 'host2', address: '10.2.1.2', services: [] },
  ],
  services: [
    { name: 'host3', address: '192.168.1.3', port: 2211, proto: 'tcp', reachableFrom: ['host1'] },
    { name: 'host4', address: '192.168.4.4', port: 2211, proto: 'tcp', reachableFrom: ['host1'] },
  ],
  clients: [{ name: 'world', address: '192.168.1.10', reaches: ['host2'] }],
};
