'use client';

import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { ago } from '@/components/console/last-seen';
import { useClockValue } from '@/components/console/use-clock-value';
import { useConsoleStoreApi } from '@/components/console/console-provider';
import { frontHandle, hostInHandle, reachHandle, type HostNode as HostNodeType } from './graph-model';
import { WatcherBadge } from './watcher-badge';

function seen(seenAt: string | undefined, now: number | null): string {
  if (!seenAt) return 'never seen';
  return now === null ? `last seen ${new Date(seenAt).toISOString().slice(11, 19)} UTC` : `last seen ${ago(seenAt, now)}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A host drawn as a group: its name and transport on top; its interfaces, exposed addresses and
 * containers inside, or, collapsed, only how many it holds. A host that does not answer keeps what
 * it last reported, greyed, with when it was last seen and why it cannot be asked (wrapped inside the node).
 */
export const HostNode = memo(function HostNode({ id, data }: NodeProps<HostNodeType>) {
  const store = useConsoleStoreApi();
  const down = !data.reachable && !data.connecting;
  // The page's one clock, read only for what this host shows: a timer and a second render per host
  // mounted (hundreds come on screen when a selection moves the view) cost more than the hosts' drawing.
  const lastSeen = useClockValue(15_000, (now) => (down || data.stale ? seen(data.seenAt, now) : null));
  const frame = down
    ? 'border-dashed border-slate-400 bg-slate-200/60 dark:border-slate-500 dark:bg-slate-800/60'
    : data.connecting || data.stale
      ? 'border-dashed border-slate-300 bg-slate-50/80 dark:border-slate-600 dark:bg-slate-900/70'
      : 'border-slate-300 bg-slate-50/80 dark:border-slate-600 dark:bg-slate-900/70';
  const holds = data.holds;
  return (
    <div className={`h-full w-full rounded-2xl border-2 ${frame} ${data.collapsed ? 'shadow-sm' : ''}`}>
      <Handle id={reachHandle} type="target" position={Position.Top} isConnectable={false} className="!invisible" />
      <div data-host-header className="flex flex-wrap items-center gap-2 px-3.5 pt-2.5">
        <button
          type="button"
          className="nodrag grid h-6 w-6 place-items-center rounded border border-slate-300 bg-white text-[13px] leading-none text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200"
          aria-expanded={!data.collapsed}
          aria-label={`${data.collapsed ? 'Expand' : 'Collapse'} host ${data.name}`}
          onClick={() => store.getState().toggleHost(id)}
        >
          {data.collapsed ? '+' : '−'}
        </button>
        <span className={`text-[15px] font-semibold ${down ? 'text-slate-500' : 'text-slate-800 dark:text-slate-100'}`}>{data.name}</span>
        <span className="rounded bg-slate-200 px-1.5 py-0.5 font-mono text-[13px] uppercase tracking-wide text-slate-600 dark:bg-slate-700 dark:text-slate-300">{data.transport}</span>
        {down && <span className="text-[13px] font-medium text-rose-700 dark:text-rose-400">unreachable</span>}
        {data.connecting && <span className="text-[13px] text-slate-500">connecting…</span>}
        {lastSeen !== null && <span className="text-[13px] text-slate-600 dark:text-slate-400">{lastSeen}</span>}
        {data.watcher && <WatcherBadge watcher={data.watcher} />}
      </div>
      {data.collapsed && holds && (
        <p className="truncate px-3.5 pt-1 text-[13px] text-slate-600 dark:text-slate-400">
          {plural(holds.interfaces, 'interface')} · {holds.exposed} exposed · {plural(holds.containers, 'container')} · {plural(holds.bindings, 'binding')}
        </p>
      )}
      {down && (
        <p title={data.error} className="line-clamp-3 whitespace-normal px-3.5 pt-1 text-[13px] text-rose-700 [overflow-wrap:anywhere] dark:text-rose-400">
          {data.error}
        </p>
      )}
      {!data.collapsed &&
        data.warnings.map((w) => (
          <p key={w} className="whitespace-normal px-3.5 pt-1 text-[13px] text-amber-700 [overflow-wrap:anywhere] dark:text-amber-400">
            {w}
          </p>
        ))}
      {data.collapsed && (
        <>
          <Handle id={hostInHandle} type="target" position={Position.Left} isConnectable={false} />
          <Handle id={frontHandle} type="source" position={Position.Right} isConnectable={false} />
        </>
      )}
    </div>
  );
});
