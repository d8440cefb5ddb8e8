// Input schemas shared by the forms (server actions) and the JSON API: plain zod, no I/O.
import { z } from 'zod';

// The same rules the engine enforces, checked before any host is asked.
const ipv4Re = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const hostNameRe = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?$/;

const isPort = (s: string): boolean => /^[1-9]\d{0,4}$/.test(s) && Number(s) <= 65535;

/** A host name from the inventory. */
export const hostField = z.string().trim().min(1, { error: 'choose a host' });

/** A port number 1–65535, given as text (a form) or as a number (JSON). */
export const portField = z
  .union([z.string(), z.number()], { error: 'must be a port number from 1 to 65535' })
  .transform((v) => String(v).trim())
  .refine(isPort, { error: 'must be a port number from 1 to 65535' })
  .transform(Number);

/** tcp or udp. */
export const protoField = z.enum(['tcp', 'udp'], { error: 'must be tcp or udp' });

/** An interface name, as the kernel allows them. */
export const ifaceField = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,15}$/, { error: 'must be an interface name like eth0 (up to 15 letters, digits, "_", "." or "-")' });

/** A dotted-quad IPv4 address. */
export const ipv4Field = z.string().trim().regex(ipv4Re, { error: 'must be an IPv4 address like 10.2.1.3' });

/** `NAME_OR_IP:PORT`, as the engine takes `--to`. */
export const targetField = z
  .string()
  .trim()
  .refine(
    (v) => {
      const i = v.lastIndexOf(':');
      if (i <= 0 || !isPort(v.slice(i + 1))) return false;
      const name = v.slice(0, i);
      return /^[\d.]+$/.test(name) ? ipv4Re.test(name) : hostNameRe.test(name);
    },
    { error: 'must be NAME:PORT or ADDRESS:PORT, like a1:4422 or 192.168.1.3:2211' },
  );

/** A binding id. */
export const idField = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'must be lowercase letters, digits or "-", starting with a letter or digit' });

/** The revision the operator loaded. */
const revisionError = 'must be the revision you last read, a whole number';
export const revisionField = z.coerce.number({ error: revisionError }).int({ error: revisionError }).min(0, { error: revisionError });

/** Why a change is made when it takes another back: an Undo, or "Revert to this" from a binding's history (the audit says so). */
export const changeReasonField = z.enum(['undo', 'revert'], { error: 'must be undo or revert' }).optional();
export type ChangeReason = z.output<typeof changeReasonField>;
