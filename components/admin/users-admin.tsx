'use client';

import { buttonClass, inputClass } from '@/components/console/field';
import type { Role } from '@/lib/auth/roles';
import { addUserAction, removeUserAction, resetPasswordAction, updateUserAction } from './actions';
import { AdminForm } from './admin-form';

export interface UserRow {
  username: string;
  role: Role;
  hosts: string[] | null;
  mustChangePassword: boolean;
}

const roleSelect = (name: string, value: Role | '', label: string) => (
  <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
    {label}
    <select name={name} defaultValue={value} className={inputClass} required>
      {value === '' && <option value="">Choose…</option>}
      <option value="viewer">viewer</option>
      <option value="operator">operator</option>
      <option value="admin">admin</option>
    </select>
  </label>
);

const textInput = (name: string, label: string, props: Record<string, unknown> = {}) => (
  <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
    {label}
    <input name={name} className={inputClass} {...props} />
  </label>
);

/** Users: add one, change role and hosts, reset a password, remove. */
export function UsersAdmin({ users, me }: { users: UserRow[]; me: string }) {
  return (
    <section aria-labelledby="users-title" className="flex flex-col gap-3">
      <h2 id="users-title" className="text-base font-semibold">
        Users
      </h2>
      <ul className="flex flex-col gap-2">
        {users.map((u) => (
          <li key={u.username} aria-label={`User ${u.username}`} className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 p-3">
            <p className="w-40 font-medium">
              {u.username}
              {u.mustChangePassword && <span className="block text-xs text-amber-800">must choose a new password</span>}
            </p>
            <AdminForm action={updateUserAction} label={`Role and hosts of ${u.username}`}>
              {(pending) => (
                <>
                  <input type="hidden" name="username" value={u.username} />
                  {roleSelect('role', u.role, 'Role')}
                  {textInput('hosts', 'Hosts (comma-separated; empty: every host)', { defaultValue: u.hosts?.join(', ') ?? '' })}
                  <button type="submit" className={buttonClass.secondary} disabled={pending}>
                    Save
                  </button>
                </>
              )}
            </AdminForm>
            <AdminForm action={resetPasswordAction} label={`Reset the password of ${u.username}`}>
              {(pending) => (
                <>
                  <input type="hidden" name="username" value={u.username} />
                  <button type="submit" className={buttonClass.secondary} disabled={pending}>
                    Reset password
                  </button>
                </>
              )}
            </AdminForm>
            {u.username !== me && (
              <AdminForm action={removeUserAction} label={`Remove ${u.username}`}>
                {(pending) => (
                  <>
                    <input type="hidden" name="username" value={u.username} />
                    <button type="submit" className={buttonClass.danger} disabled={pending}>
                      Remove
                    </button>
                  </>
                )}
              </AdminForm>
            )}
          </li>
        ))}
      </ul>
      <AdminForm action={addUserAction} label="Add a user" className="flex flex-wrap items-end gap-2 rounded-lg border border-dashed border-slate-300 p-3">
        {(pending) => (
          <>
            {textInput('username', 'Username', { required: true, autoComplete: 'off' })}
            {roleSelect('role', '', 'Role')}
            {textInput('hosts', 'Hosts (comma-separated; empty: every host)')}
            {textInput('password', 'Password (empty: generate one)', { type: 'password', autoComplete: 'new-password' })}
            <button type="submit" className={buttonClass.primary} disabled={pending}>
              Add user
            </button>
          </>
        )}
      </AdminForm>
    </section>
  );
}
