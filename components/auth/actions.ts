'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import {
  AuthError,
  checkSignIn,
  createSession,
  currentAddress,
  endCurrentSession,
  forgetInitialPassword,
  passwordProblem,
  requireConsoleRequest,
  requireUser,
  setPassword,
} from '@/lib/auth';
import type { FormState } from './form-state';

const field = (data: FormData, name: string): string => {
  const v = data.get(name);
  return typeof v === 'string' ? v : '';
};

/** Sign in with a username and password; repeated failures make the next try wait. */
export async function signInAction(_prev: FormState, data: FormData): Promise<FormState> {
  try {
    await requireConsoleRequest();
  } catch (e) {
    if (e instanceof AuthError) return { message: e.message };
    throw e;
  }
  const username = field(data, 'username').trim();
  const password = field(data, 'password');
  if (!username || !password) return { message: 'Enter your username and password.' };
  const address = await currentAddress();
  const result = await checkSignIn(username, password, address);
  if (!result.ok) {
    return result.reason === 'throttled'
      ? { message: `Too many failed sign-ins: wait ${result.retryAfterSeconds} seconds before trying again.` }
      : { message: 'Wrong username or password.' };
  }
  await createSession(result.user.id, { address, userAgent: (await headers()).get('user-agent') ?? undefined });
  redirect(result.user.mustChangePassword ? '/change-password' : '/');
}

/** Choose a new password (required at first sign-in and after a reset); other sessions of the user end. */
export async function changePasswordAction(_prev: FormState, data: FormData): Promise<FormState> {
  let username: string;
  let userId: number;
  try {
    const user = await requireUser('viewer', undefined, { allowPasswordChange: true });
    username = user.username;
    userId = user.id;
  } catch (e) {
    if (e instanceof AuthError) return { message: e.message };
    throw e;
  }
  const next = field(data, 'newPassword');
  const confirm = field(data, 'confirmPassword');
  const problem = passwordProblem(next);
  if (problem) return { message: `New password: ${problem}.`, field: 'newPassword' };
  if (next !== confirm) return { message: 'Confirm new password: the two passwords differ.', field: 'confirmPassword' };
  await setPassword(username, next, false);
  if (username === 'admin') forgetInitialPassword();
  const address = await currentAddress();
  await createSession(userId, { address, userAgent: (await headers()).get('user-agent') ?? undefined });
  redirect('/');
}

/** Sign out: this session ends on the server, and the cookie goes. */
export async function signOutAction(): Promise<void> {
  try {
    await requireUser('viewer', undefined, { allowPasswordChange: true });
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    if (e.code !== 'unauthenticated') return;
  }
  await endCurrentSession();
  redirect('/login');
}
