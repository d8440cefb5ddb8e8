import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { currentUser } from '@/lib/auth';

/** The one page without a session. */
export default async function LoginPage() {
  await connection();
  const user = await currentUser();
  if (user) redirect(user.mustChangePassword ? '/change-password' : '/');
  return (
    <AuthCard title="Sign in">
      <SignInForm />
    </AuthCard>
  );
}
