import { z } from 'zod';

const name = z.string().min(1);
const proto = z.enum(['tcp', 'udp']);
const port = z.number().int().min(1).max(65535);

const hostSchema = z.discriminatedUnion('transport', [
  z.object({ name, transport: z.literal('sim') }),
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
export type InventoryContainer = Inventory['containers'][number];
export type InventoryService = Inventory['services'][number];
export type InventoryClient = Inventory['clients'][number];
