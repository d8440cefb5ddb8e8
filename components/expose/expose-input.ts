import { z } from 'zod';
import { hostField, ifaceField } from '@/lib/console/input/field-schemas';

const cidrRe = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/([1-9]|[12]\d|3[0-2])$/;

/** An address with its prefix length, as exposed. */
export const cidrField = z.string().trim().regex(cidrRe, { error: 'must be an address with prefix length, like 10.2.1.3/16' });

/** The Expose form: give a host an address on the overlay (the seed's `weave expose`). */
export const exposeInputSchema = z.object({
  host: hostField,
  cidr: cidrField,
  bridge: z.literal('').or(ifaceField).optional(),
  name: z
    .literal('')
    .or(z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/, { error: 'must be a DNS name like host1.weave.local' }))
    .optional(),
});

export const exposeLabels: Record<string, string> = { host: 'Host', cidr: 'Address', bridge: 'Bridge', name: 'Name' };
