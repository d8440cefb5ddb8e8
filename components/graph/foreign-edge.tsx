'use client';

import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { ForeignEdge as ForeignEdgeType } from './graph-model';
import { useLabelsShown } from './use-labels-shown';
import { EdgeLabelLayer } from './edge-label-layer';
import { usePlacedLabel } from './use-placed-label';
import { foreignStroke } from './edge-strokes';

/** A DNAT rule Switchyard does not own: a dashed grey curve labelled "foreign", selectable like a binding. */
export const ForeignEdge = memo(function ForeignEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected }: EdgeProps<ForeignEdgeType>) {
  const [path, midX, midY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const labels = useLabelsShown();
  const shown = labels || !!selected;
  const [labelX, labelY, labelRef] = usePlacedLabel(id, path, midX, midY, shown, !!selected);
  const rule = data!.rule;
  return (
    <>
      <BaseEdge id={id} path={path} style={foreignStroke(!!selected)} />
      {shown && (
        <EdgeLabelLayer>
          <div
            ref={labelRef}
            data-edge-label={id}
            data-label-kept={selected || undefined}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, zIndex: 999 }}
            title={rule.adoptAs ? `adoptable as ${rule.adoptAs.kind} ${rule.adoptAs.id}` : (rule.reason ?? 'not adoptable')}
            className={`nodrag nopan absolute whitespace-nowrap rounded-full border border-dashed bg-white px-2 py-0.5 font-mono text-[13px] text-slate-500 dark:bg-slate-900 dark:text-slate-400 ${selected ? 'border-slate-600' : 'border-slate-300'}`}
          >
            foreign · {rule.match?.proto ?? 'any'} {rule.match?.port ?? ''}
          </div>
        </EdgeLabelLayer>
      )}
    </>
  );
});
