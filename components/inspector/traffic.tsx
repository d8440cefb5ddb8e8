'use client';

import type { BindingReport } from '@/lib/console/topology';
import { useConsole } from '@/components/console/console-provider';
import { selectProbe } from '@/components/console/console-selectors';
import { ago } from '@/components/console/last-seen';
import { useNow } from '@/components/console/use-now';
import { rateText } from '@/components/console/traffic-rate';
import { useConnectionRate } from '@/components/graph/use-connection-rate';
import { bindingHealth, healthText } from '@/components/graph/binding-health';

const bytes = (n: number): string => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : n < 1024 ** 3 ? `${(n / 1024 ** 2).toFixed(1)} MiB` : `${(n / 1024 ** 3).toFixed(2)} GiB`);

/** A binding's honest traffic (connections, both directions, the rate over the last minute, the last connection) and its health. */
export function BindingTraffic({ host, edgeId, binding: b }: { host: string; edgeId: string; binding: BindingReport }) {
  const rate = useConnectionRate(edgeId);
  // From the host's view, not the edge: the edge is kept as it was while a new probe finds the same (only its time differs).
  const probe = useConsole((s) => selectProbe(s, host, b));
  const now = useNow(5_000);
  const t = b.traffic;
  const health = bindingHealth(probe);
  const rows: [string, string][] = t
    ? [
        ['Connections', `${t.connections}${rate !== null ? ` · ${rateText(rate)} over the last minute` : ''}`],
        ['To target', `${t.toTarget.packets} packets, ${bytes(t.toTarget.bytes)}`],
        ['From target', `${t.fromTarget.packets} packets, ${bytes(t.fromTarget.bytes)}`],
        ['Last connection', t.lastConnectionSeen ? (now === null ? t.lastConnectionSeen : `${ago(t.lastConnectionSeen, now)} (${new Date(t.lastConnectionSeen).toISOString().slice(11, 19)} UTC)`) : 'none seen'],
      ]
    : [['Counters', `${b.counters.packets} first packets, ${b.counters.bytes} bytes (this host reports no traffic detail)`]];
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Traffic and health</h3>
      <dl aria-label="Traffic" className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="text-slate-900 dark:text-slate-100">{v}</dd>
          </div>
        ))}
        <dt className="text-slate-500">Health</dt>
        <dd className={`font-medium ${health === 'failing' ? 'text-rose-700' : health === 'ok' ? 'text-emerald-700' : 'text-slate-600'}`}>
          {health === 'failing' ? `failing: ${healthText(probe)}` : healthText(probe)}
          {probe && now !== null && <span className="font-normal text-slate-500"> · probed {ago(probe.at, now)}</span>}
        </dd>
      </dl>
      {health === 'failing' && b.state === 'active' && (
        <p className="mt-1 text-xs text-rose-800">The rules are in the kernel, but {probe!.target} does not answer from {host}: clients of this binding fail.</p>
      )}
    </div>
  );
}
