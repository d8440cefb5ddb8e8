'use server';

import { revalidatePath } from 'next/cache';
import {
  AuthError,
  currentAddress,
  createToken,
  createUser,
  generatePassword,
  parseRole,
  passwordProblem,
  removeUser,
  requireUser,
  revokeToken,
  setHosts,
  setPassword,
  setRole,
  UserError,
  type User,
} from '@/lib/auth';
import { recordIntent, recordOutcome, recordRefusal } from '@/lib/audit';
import type { AdminResult } from './admin-result';

const text = (data: FormData, name: string): string => {
  const v = data.get(name);
  return typeof v === 'string' ? v.trim() : '';
};
const hostList = (raw: string): string[] | null => {
  const hosts = raw.split(',').map((h) => h.trim()).filter(Boolean);
  return hosts.length ? hosts : null;
};

/** requireUser's refusal as a result, recorded unless nobody was signed in. */
async function refusal(e: unknown, action: string): Promise<AdminResult> {
  if (!(e instanceof AuthError)) throw e;
  if (e.code !== 'unauthenticated') recordRefusal({ username: e.username, address: await currentAddress(), host: null, action }, `${e.code}: ${e.message}`);
  return { ok: false, message: e.message };
}

/**
 * Run an admin change, in the audit trail like a change to a host (intent first; nothing done if it
 * cannot be written). A UserError (unknown user, name taken) becomes its message; the page shows the new state.
 */
async function change(admin: User, action: string, data: FormData, run: () => Promise<AdminResult> | AdminResult): Promise<AdminResult> {
  const subject = text(data, 'username') || (text(data, 'id') ? `token ${text(data, 'id')}` : null);
  let intent: number;
  try {
    intent = recordIntent({ username: admin.username, address: await currentAddress(), host: null, action, targetAfter: subject });
  } catch (e) {
    return { ok: false, message: `Nothing changed: ${e instanceof Error ? e.message : String(e)}.` };
  }
  let result: AdminResult;
  try {
    result = await run();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    result = { ok: false, message: e.message };
  }
  recordOutcome(intent, result?.ok ? 'ok' : 'refused', result?.ok ? {} : { message: result?.message });
  revalidatePath('/admin');
  return result;
}

/** Add a user; without a password one is generated, shown once, and must be changed at first sign-in. */
export async function addUserAction(_prev: AdminResult, data: FormData): Promise<AdminResult> {
  let admin: User;
  try {
    admin = await requireUser('admin');
  } catch (e) {
    return refusal(e, 'add user');
  }
  return change(admin, 'add user', data, async () => {
    const username = text(data, 'username');
    const role = parseRole(text(data, 'role'));
    if (!role) return { ok: false, message: 'Role: choose viewer, operator or admin.' };
    const given = typeof data.get('password') === 'string' ? (data.get('password') as string) : '';
    const problem = given ? passwordProblem(given) : undefined;
    if (problem) return { ok: false, message: `Password: ${problem}.` };
    const password = given || generatePassword();
    const user = await createUser({ username, role, hosts: hostList(text(data, 'hosts')), password, mustChangePassword: !given });
    return given
      ? { ok: true, message: `Created ${user.username} (${user.role}).` }
      : { ok: true, message: `Created ${user.username} (${user.role}). Their password, shown once (to be changed at first sign-in):`, secret: password };
  });
}

/** Change a user's role and host limits. */
export async function updateUserAction(_prev: AdminResult, data: FormData): Promise<AdminResult> {
  let admin: User;
  try {
    admin = await requireUser('admin');
  } catch (e) {
    return refusal(e, 'update user');
  }
  return change(admin, 'update user', data, async () => {
    const username = text(data, 'username');
    const role = parseRole(text(data, 'role'));
    if (!role) return { ok: false, message: 'Role: choose viewer, operator or admin.' };
    if (username === admin.username && role !== 'admin') return { ok: false, message: 'You cannot take the admin role from yourself; ask another admin.' };
    setRole(username, role);
    const user = setHosts(username, hostList(text(data, 'hosts')));
    return { ok: true, message: `${user.username} is now ${user.role}${user.hosts ? ` of ${user.hosts.join(', ')}` : ' of every host'}.` };
  });
}

/** Give a user a new generated password (shown once); they choose their own at next sign-in, and their sessions end. */
export async function resetPasswordAction(_prev: AdminResult, data: FormData): Promise<AdminResult> {
  let admin: User;
  try {
    admin = await requireUser('admin');
  } catch (e) {
    return refusal(e, 'reset password');
  }
  return change(admin, 'reset password', data, async () => {
    const username = text(data, 'username');
    const password = generatePassword();
    await setPassword(username, password, true);
    return { ok: true, message: `New password for ${username}, shown once (to be changed at next sign-in):`, secret: password };
  });
}

/** Remove a user with their sessions and tokens. */
export async function removeUserAction(_prev: AdminResult, data: FormData): Promise<AdminResult> {
  let admin: User;
  try {
    admin = await requireUser('admin');
  } catch (e) {
    return refusal(e, 'remove user');
  }
  return change(admin, 'remove user', data, async () => {
    const username = text(data, 'username');
    if (username === admin.username) return { ok: false, message: 'You cannot remove yourself; ask another admin.' };
    removeUser(username);
    return { ok: true, message: `Removed ${username}.` };
  });
}

/** Create an API token for a user: shown once, stored hashed. */
export async function createTokenAction(_prev: AdminResult, data: FormData): Promise<AdminResult> {
  let admin: User;
  try {
    admin = await requireUser('admin');
  } catch (e) {
    return refusal(e, 'create token');
  }
  return change(admin, 'create token', data, async () => {
    const username = text(data, 'username');
    const token = createToken(username, text(data, 'label') || undefined);
    return { ok: true, message: `API token for ${username}, shown once (send it as "Authorization: Bearer <token>"):`, secret: token };
  });
}

/** Revoke an API token. */
export async function revokeTokenAction(_prev: AdminResult, data: FormData): Promise<AdminResult> {
  let admin: User;
  try {
    admin = await requireUser('admin');
  } catch (e) {
    return refusal(e, 'revoke token');
  }
  return change(admin, 'revoke token', data, async () => {
    const id = Number(text(data, 'id'));
    return revokeToken(id) ? { ok: true, message: `Revoked token ${id}.` } : { ok: false, message: `There is no token ${id}.` };
  });
}
