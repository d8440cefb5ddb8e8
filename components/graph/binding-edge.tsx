'use client';

import { memo } from 'react';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import type { BindingEdge as BindingEdgeType } from './graph-model';
import { fannedPath } from './fanned-path';
import { useLabelsShown } from './use-labels-shown';
import { EdgeLabelLayer } from './edge-label-layer';
import { usePlacedLabel } from './use-placed-label';
import { bindingHealth, healthDot, healthText } from './binding-health';
import { bindingStroke } from './edge-strokes';
import { useConnectionRate } from './use-connection-rate';
import { rateText } from '@/components/console/traffic-rate';

const kernel = { active: 'bg-emerald-500', drifted: 'bg-amber-500', missing: 'bg-rose-500' } as const;

/** A binding: a curve from front to target, labelled with its id, protocol and front port, counters and kernel state. */
export const BindingEdge = memo(function BindingEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<BindingEdgeType>) {
  const [path, midX, midY] = fannedPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition }, data!.fan);
  const labels = useLabelsShown();
  const b = data!.binding;
  const lit = data!.highlighted;
  const gone = data!.unreachable;
  const health = bindingHealth(data!.probe);
  const rate = useConnectionRate(id);
  const shown = labels || !!selected || !!lit;
  const [labelX, labelY, labelRef] = usePlacedLabel(id, path, midX, midY, shown, !!selected || !!lit);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={bindingStroke(data!, !!selected)} />
      {shown && (
        <EdgeLabelLayer>
          <div
            ref={labelRef}
            data-edge-label={id}
            data-label-kept={selected || lit || undefined}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, zIndex: 1000 }}
            title={b.traffic ? `${b.traffic.connections} connections` : `${b.counters.packets} packets, ${b.counters.bytes} bytes`}
            className={`nodrag nopan absolute flex items-center gap-1.5 whitespace-nowrap rounded-full border bg-white px-2 py-0.5 font-mono text-[13px] shadow-sm dark:bg-slate-900 ${lit || selected ? 'border-violet-400 text-violet-900 dark:text-violet-200' : 'border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-200'} ${gone ? 'opacity-60' : ''}`}
          >
            <span className={`h-2 w-2 rounded-full ${gone ? 'bg-slate-400' : kernel[b.state]}`} title={gone ? `as last seen; ${data!.host} is not answering` : `kernel state: ${b.state}`} />
            <span>
              {b.id} · {b.proto} {b.front.port}
            </span>
            {rate !== null && <span className="text-slate-500 dark:text-slate-400">· {rateText(rate)}</span>}
            {health === 'failing' && <span className="font-sans text-rose-700 dark:text-rose-400">failing</span>}
            <span role="img" aria-label={`health: ${healthText(data!.probe)}`} title={`health: ${healthText(data!.probe)}`} className={`h-2 w-2 rounded-full ring-1 ring-white ${healthDot[health]}`} />
            {data!.pending && <span className="text-slate-500">moving…</span>}
          </div>
        </EdgeLabelLayer>
      )}
    </>
  );
});
