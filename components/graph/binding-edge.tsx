'use client';

import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import type { BindingEdge as BindingEdgeType } from './graph-model';
import { fannedPath } from './fanned-path';
import { useLabelsShown } from './use-labels-shown';

const health = { active: 'bg-emerald-500', drifted: 'bg-amber-500', missing: 'bg-rose-500' } as const;

/** A binding: a curve from front to target, labelled with its id, protocol and front port, counters and kernel state. */
export const BindingEdge = memo(function BindingEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<BindingEdgeType>) {
  const [path, labelX, labelY] = fannedPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition }, data!.fan);
  const labels = useLabelsShown();
  const b = data!.binding;
  const lit = data!.highlighted;
  const gone = data!.unreachable;
  const stroke = data!.pending || gone ? '#94a3b8' : lit ? '#7c3aed' : b.state === 'active' ? '#0f766e' : b.state === 'drifted' ? '#d97706' : '#e11d48';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={{ stroke, strokeWidth: lit || selected ? 3 : 1.75, strokeDasharray: data!.pending ? '6 4' : gone ? '2 4' : undefined }} />
      {(labels || selected || lit) && (
        <EdgeLabelRenderer>
          <div
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, zIndex: 1000 }}
            title={`${b.counters.packets} packets, ${b.counters.bytes} bytes`}
            className={`nodrag nopan absolute flex items-center gap-1.5 whitespace-nowrap rounded-full border bg-white px-2 py-0.5 font-mono text-[13px] shadow-sm dark:bg-slate-900 ${lit || selected ? 'border-violet-400 text-violet-900 dark:text-violet-200' : 'border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-200'} ${gone ? 'opacity-60' : ''}`}
          >
            <span className={`h-2 w-2 rounded-full ${gone ? 'bg-slate-400' : health[b.state]}`} title={gone ? `as last seen; ${data!.host} is not answering` : `kernel state: ${b.state}`} />
            <span>
              {b.id} · {b.proto} {b.front.port}
            </span>
            {b.counters.packets > 0 && <span className="text-slate-500 dark:text-slate-400">· {b.counters.packets} pkts</span>}
            {data!.pending && <span className="text-slate-500">moving…</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
