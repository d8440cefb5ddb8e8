'use client';

import { buttonClass, inputClass } from '@/components/console/field';
import type { TokenInfo } from '@/lib/auth/tokens';
import { createTokenAction, revokeTokenAction } from './actions';
import { AdminForm } from './admin-form';

/** API tokens: create one for a user (shown once), revoke. */
export function TokensAdmin({ tokens, usernames }: { tokens: TokenInfo[]; usernames: string[] }) {
  return (
    <section aria-labelledby="tokens-title" className="flex flex-col gap-3">
      <h2 id="tokens-title" className="text-base font-semibold">
        API tokens
      </h2>
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">No API tokens.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {tokens.map((t) => (
            <li key={t.id} aria-label={`Token ${t.id}`} className="flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 p-3 text-sm">
              <span className="w-40">
                #{t.id} {t.username}
              </span>
              <span className="w-48 text-slate-600">{t.label ?? '(no label)'}</span>
              <span className="text-xs text-slate-500">created {t.createdAt.slice(0, 16).replace('T', ' ')}{t.lastUsedAt ? `, last used ${t.lastUsedAt.slice(0, 16).replace('T', ' ')}` : ', never used'}</span>
              <AdminForm action={revokeTokenAction} label={`Revoke token ${t.id}`} className="ml-auto">
                {(pending) => (
                  <>
                    <input type="hidden" name="id" value={t.id} />
                    <button type="submit" className={buttonClass.danger} disabled={pending}>
                      Revoke
                    </button>
                  </>
                )}
              </AdminForm>
            </li>
          ))}
        </ul>
      )}
      <AdminForm action={createTokenAction} label="Create an API token" className="flex flex-wrap items-end gap-2 rounded-lg border border-dashed border-slate-300 p-3">
        {(pending) => (
          <>
            <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
              For user
              <select name="username" className={inputClass} required defaultValue="">
                <option value="">Choose…</option>
                {usernames.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
              Label
              <input name="label" className={inputClass} placeholder="ci deploy" />
            </label>
            <button type="submit" className={buttonClass.primary} disabled={pending}>
              Create token
            </button>
          </>
        )}
      </AdminForm>
    </section>
  );
}
