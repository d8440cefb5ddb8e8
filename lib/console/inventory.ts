import { z } from 'zod';

const name = z.string().min(1);
const proto = z.enum(['tcp', 'udp']);
const port = z.number().int().min(1).max(65535);

const cidr = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, { error: 'must be an address with its prefix, like 10.2.1.3/16' });
const iface = z.string().regex(/^[A-Za-z0-9_.-]{1,15}$/, { error: 'must be an interface name like eth0' });

/**
 * A simulated host described in full: its interfaces, the addresses it exposes on the overlay and
 * the bindings it starts with (in the `apply --file` shape; the engine validates them when the
 * network is built).
 */
const simHostSchema = z.object({
  name,
  transport: z.literal('sim'),
  interfaces: z.array(z.object({ name: iface, addresses: z.array(cidr).default([]) })).default([]),
  exposed: z.array(z.object({ cidr, bridge: iface, name: z.string().min(1).optional() })).default([]),
  bindings: z
    .array(
      z.object({
        id: z.string(),
        kind: z.enum(['export', 'import']),
        proto: proto.default('tcp'),
        port,
        in: iface.optional(),
        on: z.string().optional(),
        to: z.string(),
        masquerade: z.boolean().default(true),
      }),
    )
    .default([]),
});

const hostSchema = z.discriminatedUnion('transport', [
  simHostSchema,
  z.object({ name, transport: z.literal('local'), cli: z.string().min(1).optional(), stateDir: z.string().min(1).optional() }),
  z.object({ name, transport: z.literal('netns'), namespace: name, stateDir: z.string().min(1), cli: z.string().min(1) }),
  z.object({
    name,
    transport: z.literal('ssh'),
    ssh: z.string().min(1),
    port: port.optional(),
    proxyCommand: z.string().min(1).optional(),
    stateDir: z.string().min(1).optional(),
    cli: z.string().min(1).optional(),
    hostKey: z.string().regex(/^[a-z0-9-]+ [A-Za-z0-9+/=]+$/, 'a public key line: TYPE BASE64').optional(),
  }),
]);

/** The lab's (or an operator's) inventory file: which hosts to reach, and what else sits on the network. */
export const inventorySchema = z.object({
  hosts: z.array(hostSchema).min(1),
  containers: z
    .array(z.object({ name, host: name, address: z.string(), services: z.array(z.object({ port, proto })).default([]) }))
    .default([]),
  services: z
    .array(z.object({ name, address: z.string(), port, proto: proto.default('tcp'), reachableFrom: z.array(name).default([]) }))
    .default([]),
  clients: z
    .array(z.object({ name, namespace: z.string().optional(), address: z.string(), reaches: z.array(name).default([]) }))
    .default([]),
});

export type Inventory = z.infer<typeof inventorySchema>;
export type InventoryHost = Inventory['hosts'][number];
export type InventorySimHost = Extract<InventoryHost, { transport: 'sim' }>;
export type InventoryContainer = Inventory['containers'][number];
export type InventoryService = Inventory['services'][number];
export type InventoryClient = Inventory['clients'][number];
