'use client';

import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { LinkEdge as LinkEdgeType } from './graph-model';

/** A line that is not a binding: a client to a host it reaches (dashed), or a thing dropping straight down onto the overlay band. */
export const LinkEdge = memo(function LinkEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data }: EdgeProps<LinkEdgeType>) {
  if (data!.kind === 'overlay') {
    return <BaseEdge id={id} path={`M${sourceX},${sourceY} L${sourceX},${targetY}`} style={{ stroke: '#a78bfa', strokeWidth: 2 }} />;
  }
  const [path] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return <BaseEdge id={id} path={path} style={{ stroke: '#94a3b8', strokeWidth: 1.5, strokeDasharray: '5 4' }} />;
});
