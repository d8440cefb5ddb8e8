'use client';

import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { BindingEdge as BindingEdgeType } from './graph-model';

const health = { active: 'bg-emerald-500', drifted: 'bg-amber-500', missing: 'bg-rose-500' } as const;

/** A binding: a curve from front to target, labelled with protocol, front port, counters and kernel state. */
export function BindingEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<BindingEdgeType>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const b = data!.binding;
  const lit = data!.highlighted;
  const gone = data!.unreachable;
  const stroke = data!.pending || gone ? '#94a3b8' : lit ? '#7c3aed' : b.state === 'active' ? '#0f766e' : b.state === 'drifted' ? '#d97706' : '#e11d48';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={{ stroke, strokeWidth: lit || selected ? 3 : 1.75, strokeDasharray: data!.pending ? '6 4' : gone ? '2 4' : undefined }} />
      <EdgeLabelRenderer>
        <div
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, zIndex: 1000 }}
          className={`nodrag nopan absolute flex items-center gap-1.5 rounded-full border bg-white px-2 py-0.5 font-mono text-[11px] shadow-sm ${lit ? 'border-violet-400 text-violet-900' : 'border-slate-300 text-slate-700'} ${gone ? 'opacity-60' : ''}`}
        >
          <span className={`h-2 w-2 rounded-full ${gone ? 'bg-slate-400' : health[b.state]}`} title={gone ? `as last seen; ${data!.host} is not answering` : `kernel state: ${b.state}`} />
          <span>
            {b.proto} {b.front.port}
          </span>
          <span className="text-slate-400">·</span>
          <span>{b.counters.packets} pkts</span>
          {data!.pending && <span className="text-slate-500">moving…</span>}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
