import { z } from 'zod';
import type { RouteMember, RouteRequest } from '../route-change';
import { changeReasonField, hostField, idField, ifaceField, ipv4Field, portField, protoField, revisionField, targetField } from './field-schemas';
import { bindingInputSchema } from './binding-input';

/** The New route form: entry host and front, the service, the host and exposed front it is imported through, id. */
export const routeInputSchema = z
  .object({
    entryHost: hostField,
    iface: z.literal('').or(ifaceField).optional(),
    port: portField,
    proto: protoField,
    service: targetField,
    throughHost: hostField,
    address: ipv4Field,
    throughPort: portField,
    // The import is named `<id>-in`: the id leaves room for it.
    id: idField.refine((id) => id.length <= 60, { error: 'must be at most 60 characters (the import is named after it)' }),
    masquerade: z.boolean().default(true),
  })
  .refine((r) => r.entryHost !== r.throughHost, { error: 'must be another host than the entry host', path: ['throughHost'] });

export type RouteInput = z.input<typeof routeInputSchema>;

/** Form field names → the labels operators see. */
export const routeLabels: Record<string, string> = {
  entryHost: 'Entry host',
  iface: 'Interface',
  port: 'Port',
  proto: 'Protocol',
  service: 'Service',
  throughHost: 'Import through',
  address: 'Exposed address',
  throughPort: 'Exposed port',
  id: 'Id',
  masquerade: 'Masquerade',
};

/** The route change's request for a validated form. */
export function routeRequestOf(r: z.output<typeof routeInputSchema>): RouteRequest {
  return {
    id: r.id,
    proto: r.proto,
    masquerade: r.masquerade,
    entry: { host: r.entryHost, ...(r.iface ? { iface: r.iface } : {}), port: r.port },
    service: r.service,
    through: { host: r.throughHost, address: r.address, port: r.throughPort },
  };
}

/** Removing a route: its bindings in the order they go (the export before the import it points at). */
export const routeRemovalSchema = z.object({
  members: z.array(z.object({ host: hostField, id: idField, revision: revisionField })).min(2).max(16),
});

export type RouteRemovalInput = { members: RouteMember[] };

/** Removed bindings to make again as one change (a removed route's undo), in the order they are made. */
export const recreationSchema = z.object({ bindings: z.array(bindingInputSchema).min(2).max(16), reason: changeReasonField });

// An engine field of one half → the route form's field it came from.
const halfFields: Record<'import' | 'export', Record<string, string>> = {
  import: { port: 'Exposed port', on: 'Exposed address', to: 'Service', id: 'Id', proto: 'Protocol' },
  export: { port: 'Port', in: 'Interface', to: 'Exposed address', id: 'Id', proto: 'Protocol' },
};

/** The route form's label for a field a host named in its refusal of one half, if the form has one. */
export const routeFieldLabel = (half: 'import' | 'export', field: string | undefined): string | undefined => (field ? halfFields[half][field] : undefined);
