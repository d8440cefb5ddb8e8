import { buttonClass } from '@/components/console/field';
import { signOutAction } from './actions';

/** Ends the session on the server. */
export function SignOutButton() {
  return (
    <form action={signOutAction} aria-label="Sign out">
      <button type="submit" className={buttonClass.secondary}>
        Sign out
      </button>
    </form>
  );
}
