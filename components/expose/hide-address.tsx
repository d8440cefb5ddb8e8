'use client';

import { useState } from 'react';
import { useConsole } from '@/components/console/console-provider';
import { buttonClass } from '@/components/console/field';
import { ConfirmDanger } from '@/components/console/confirm-danger';
import { FormAlert } from '@/components/console/form-alert';
import { useChangeAction } from '@/components/console/use-change-action';
import { selectAccess, selectHosts } from '@/components/console/console-selectors';
import { mayChange } from '@/components/console/access';
import { addressUsers } from '@/lib/console/address-users';
import { hideAction } from './hide-action';

/** The exposed addresses of the hosts the user may change, each with "Hide" and a confirmation. */
export function HideAddress() {
  const hosts = useConsole(selectHosts);
  const access = useConsole(selectAccess);
  const [confirming, setConfirming] = useState<{ host: string; cidr: string } | null>(null);
  const { result, setResult, busy, run } = useChangeAction();
  const exposed = hosts.flatMap((h) => (h.reachable && mayChange(access, h.name) ? h.status.exposed.map((e) => ({ host: h.name, cidr: e.cidr })) : []));
  if (!exposed.length) return null;
  const known = hosts.flatMap((h) => (h.status ? [{ name: h.name, bindings: h.status.bindings }] : []));
  const users = confirming ? addressUsers(confirming.cidr.split('/')[0]!, confirming.host, known) : [];

  return (
    <section aria-label="Exposed addresses" className="flex flex-col gap-2 p-4">
      <h2 className="text-base font-semibold text-slate-900 dark:text-slate-100">Exposed addresses</h2>
      <ul className="flex flex-col gap-1 text-sm">
        {exposed.map((e) => (
          <li key={`${e.host} ${e.cidr}`} className="flex items-center gap-2">
            <span className="font-mono">{e.cidr}</span>
            <span className="text-slate-500">on {e.host}</span>
            <button
              type="button"
              className={`${buttonClass.secondary} ml-auto !px-2 !py-0.5 text-xs`}
              aria-label={`Hide ${e.cidr} on ${e.host}`}
              onClick={() => {
                setConfirming(e);
                setResult(null);
              }}
            >
              Hide
            </button>
          </li>
        ))}
      </ul>
      {confirming && (
        <ConfirmDanger
          label="Confirm hide"
          confirm="Hide address"
          busy={busy}
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            run(
              () => hideAction(confirming),
              (r) => r.ok && setConfirming(null),
            )
          }
        >
          Take <span className="font-mono">{confirming.cidr}</span> away from {confirming.host}? Containers and other hosts no longer reach it.
          {users.length > 0 && ` It is still used by ${users.map((u) => `${u.id} (${u.kind} on ${u.host})`).join(', ')}: ${confirming.host} will refuse while it is.`}
        </ConfirmDanger>
      )}
      <FormAlert result={result} />
    </section>
  );
}
