import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { AuthCard } from '@/components/auth/auth-card';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { currentUser } from '@/lib/auth';

/** A new password, before anything else, when the current one was given to the user (first start, reset). */
export default async function ChangePasswordPage() {
  await connection();
  const user = await currentUser();
  if (!user) redirect('/login');
  return (
    <AuthCard title="Choose a new password">
      <p className="text-sm text-slate-600">
        Signed in as <strong>{user.username}</strong>. {user.mustChangePassword ? 'The password you signed in with was handed to you; choose your own (at least 12 characters) to go on.' : 'At least 12 characters.'}
      </p>
      <ChangePasswordForm />
      <SignOutButton />
    </AuthCard>
  );
}
