'use client';

import type { NodeProps } from '@xyflow/react';
import type { HostNode as HostNodeType } from './graph-model';

/** A host drawn as a group: its name and transport on top; its interfaces and exposed addresses inside. */
export function HostNode({ data }: NodeProps<HostNodeType>) {
  return (
    <div
      className={`h-full w-full rounded-2xl border-2 ${data.reachable ? 'border-slate-300 bg-slate-50/80' : 'border-dashed border-rose-300 bg-rose-50/70'}`}
    >
      <div className="flex items-center gap-2 px-4 pt-3">
        <span className="text-sm font-semibold text-slate-800">{data.name}</span>
        <span className="rounded bg-slate-200 px-1.5 py-0.5 font-mono text-[10px] uppercase tracking-wide text-slate-600">{data.transport}</span>
        {!data.reachable && <span className="text-xs font-medium text-rose-700">unreachable</span>}
      </div>
      {!data.reachable && <p className="px-4 pt-1 text-xs text-rose-700">{data.error}</p>}
      {data.warnings.map((w) => (
        <p key={w} className="px-4 pt-1 text-[11px] text-amber-700">
          {w}
        </p>
      ))}
    </div>
  );
}
