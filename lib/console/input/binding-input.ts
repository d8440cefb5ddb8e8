import { z } from 'zod';
import type { BindingSpec } from '../topology';
import { changeReasonField, hostField, idField, ifaceField, ipv4Field, portField, protoField, targetField } from './field-schemas';

const common = { host: hostField, port: portField, proto: protoField, target: targetField, id: idField, masquerade: z.boolean().default(true), reason: changeReasonField };

/** The New export / New import forms' input. An export's interface may be left empty (every interface). */
export const bindingInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('export'), iface: z.literal('').or(ifaceField).optional(), ...common }),
  z.object({ kind: z.literal('import'), address: ipv4Field, ...common }),
]);

export type BindingInput = z.input<typeof bindingInputSchema>;

/** Form field names → the labels operators see. */
export const bindingLabels: Record<string, string> = {
  kind: 'Kind',
  host: 'Host',
  iface: 'Interface',
  address: 'Exposed address',
  port: 'Port',
  proto: 'Protocol',
  target: 'Target',
  id: 'Id',
  masquerade: 'Masquerade',
};

/** The engine's spec for a validated form. */
export function bindingSpecOf(input: z.output<typeof bindingInputSchema>): BindingSpec {
  const front = input.kind === 'export' ? (input.iface ? { in: input.iface } : {}) : { on: input.address };
  return { id: input.id, kind: input.kind, proto: input.proto, port: input.port, to: input.target, masquerade: input.masquerade, ...front };
}
