'use client';

import type { NodeProps } from '@xyflow/react';
import { ago } from '@/components/console/last-seen';
import { useNow } from '@/components/console/use-now';
import type { HostNode as HostNodeType } from './graph-model';

function seen(seenAt: string | undefined, now: number | null): string {
  if (!seenAt) return 'never seen';
  return now === null ? `last seen ${new Date(seenAt).toISOString().slice(11, 19)} UTC` : `last seen ${ago(seenAt, now)}`;
}

/**
 * A host drawn as a group: its name and transport on top; its interfaces and exposed addresses
 * inside. A host that does not answer keeps what it last reported, greyed, with when it was last
 * seen and why it cannot be asked (wrapped inside the node).
 */
export function HostNode({ data }: NodeProps<HostNodeType>) {
  const now = useNow();
  const down = !data.reachable && !data.connecting;
  const frame = down ? 'border-dashed border-slate-400 bg-slate-200/60' : data.connecting || data.stale ? 'border-dashed border-slate-300 bg-slate-50/80' : 'border-slate-300 bg-slate-50/80';
  return (
    <div className={`h-full w-full rounded-2xl border-2 ${frame}`}>
      <div className="flex flex-wrap items-center gap-2 px-4 pt-3">
        <span className={`text-sm font-semibold ${down ? 'text-slate-500' : 'text-slate-800'}`}>{data.name}</span>
        <span className="rounded bg-slate-200 px-1.5 py-0.5 font-mono text-[10px] uppercase tracking-wide text-slate-600">{data.transport}</span>
        {down && <span className="text-xs font-medium text-rose-700">unreachable</span>}
        {data.connecting && <span className="text-xs text-slate-500">connecting…</span>}
        {(down || data.stale) && <span className="text-xs text-slate-600">{seen(data.seenAt, now)}</span>}
      </div>
      {down && <p className="whitespace-normal px-4 pt-1 text-xs text-rose-700 [overflow-wrap:anywhere]">{data.error}</p>}
      {data.warnings.map((w) => (
        <p key={w} className="whitespace-normal px-4 pt-1 text-[11px] text-amber-700 [overflow-wrap:anywhere]">
          {w}
        </p>
      ))}
    </div>
  );
}
