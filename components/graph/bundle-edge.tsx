'use client';

import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { BundleEdge as BundleEdgeType } from './graph-model';
import { useLabelsShown } from './use-labels-shown';
import { EdgeLabelLayer } from './edge-label-layer';
import { usePlacedLabel } from './use-placed-label';
import { bundleStroke } from './edge-strokes';

/** Several bindings between the same two things, drawn as one thick edge labelled with how many; selecting it draws them one by one. */
export const BundleEdge = memo(function BundleEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd }: EdgeProps<BundleEdgeType>) {
  const [path, midX, midY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const labels = useLabelsShown();
  const shown = labels;
  const [labelX, labelY, labelRef] = usePlacedLabel(id, path, midX, midY, shown, false);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={bundleStroke(data!)} />
      {shown && (
        <EdgeLabelLayer>
          <div
            ref={labelRef}
            data-edge-label={id}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, zIndex: 1000 }}
            className="nodrag nopan absolute whitespace-nowrap rounded-full border border-teal-400 bg-teal-50 px-2 py-0.5 text-[13px] font-medium text-teal-900 shadow-sm dark:border-teal-700 dark:bg-teal-950 dark:text-teal-100"
          >
            {data!.count} bindings
          </div>
        </EdgeLabelLayer>
      )}
    </>
  );
});
