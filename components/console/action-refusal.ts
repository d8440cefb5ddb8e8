import { AuthError, currentAddress, type User } from '@/lib/auth';
import { recordRefusal } from '@/lib/audit';
import type { ActionResult } from './action-result';

/** What a refused action was about, for its audit line. */
export interface RefusedAction {
  action: string;
  host?: string | null;
  binding?: string | null;
}

const hostFrom = (input: unknown): string | null =>
  typeof input === 'object' && input !== null && typeof (input as { host?: unknown }).host === 'string' ? ((input as { host: string }).host.slice(0, 64)) : null;

/**
 * Turn requireUser's refusal into an action result and record it (refusals of someone not signed
 * in are not recorded: anyone can send those, and they change nothing). Anything else is a bug and is rethrown.
 */
export async function authRefusal(error: unknown, about: RefusedAction, input?: unknown): Promise<ActionResult> {
  if (!(error instanceof AuthError)) throw error;
  if (error.code !== 'unauthenticated') {
    try {
      recordRefusal({ username: error.username, address: await currentAddress(), host: about.host ?? hostFrom(input), action: about.action, binding: about.binding ?? null }, `${error.code}: ${error.message}`);
    } catch (e) {
      console.error('switchyard: could not record a refusal:', e);
    }
  }
  return { ok: false, message: error.message, errors: {}, refused: error.code };
}

/** Record a signed-in user's refused request (bad input) and pass its result on. */
export async function recordedRefusal(user: User, about: RefusedAction, result: ActionResult): Promise<ActionResult> {
  recordRefusal({ username: user.username, address: await currentAddress(), host: about.host ?? null, action: about.action, binding: about.binding ?? null }, result.message);
  return result;
}
