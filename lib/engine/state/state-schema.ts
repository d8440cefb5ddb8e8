import { z } from 'zod';
import { EngineError } from '../errors';
import type { HostState } from '../model/binding';

const binding = z.object({
  id: z.string(),
  kind: z.enum(['export', 'import']),
  proto: z.enum(['tcp', 'udp']),
  front: z.object({ port: z.number().int(), iface: z.string().optional(), address: z.string().optional() }),
  target: z.object({ name: z.string(), address: z.string(), port: z.number().int() }),
  masquerade: z.boolean(),
  revision: z.number().int(),
});

const hostState = z.object({
  version: z.literal(1),
  backend: z.enum(['iptables', 'nft']).optional(),
  bindings: z.array(binding),
  exposed: z.array(z.object({ cidr: z.string(), bridge: z.string(), name: z.string().optional() })),
});

/** Parse a state file's text; a damaged file is reported, never overwritten. */
export function parseHostState(text: string, file: string): HostState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new EngineError('host-failure', `${file} is not valid JSON; fix or move it away (${(e as Error).message})`, { cause: e });
  }
  const r = hostState.safeParse(json);
  if (!r.success) throw new EngineError('host-failure', `${file} is not a Switchyard state file: ${r.error.issues[0]?.message}`);
  return r.data as HostState;
}
