import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SsoSignIn } from '@/components/auth/sso-sign-in';
import { currentUser } from '@/lib/auth';
import { ssoConfigured } from '@/lib/auth/oidc/oidc-settings';
import { ssoFailureMessage } from '@/lib/auth/oidc/sso-failure';

/** The one page without a session. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ sso?: string | string[] }> }) {
  await connection();
  const user = await currentUser();
  if (user) redirect(user.mustChangePassword ? '/change-password' : '/');
  return (
    <AuthCard title="Sign in">
      <SignInForm />
      <SsoSignIn offered={ssoConfigured()} failure={ssoFailureMessage([(await searchParams).sso].flat()[0])} />
    </AuthCard>
  );
}
