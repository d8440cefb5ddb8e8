import { buttonClass } from '@/components/console/field';

/**
 * "Sign in with SSO" (a plain link: the browser leaves for the provider), and why the last
 * single sign-on attempt failed, in plain words.
 */
export function SsoSignIn({ offered, failure }: { offered: boolean; failure?: string }) {
  return (
    <div className="flex flex-col gap-3">
      {failure && (
        <p role="alert" className="rounded-lg border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {failure}
        </p>
      )}
      {offered && (
        <>
          <p className="text-center text-xs text-slate-500">or</p>
          <a href="/login/sso" className={`${buttonClass.secondary} text-center`}>
            Sign in with SSO
          </a>
        </>
      )}
    </div>
  );
}
