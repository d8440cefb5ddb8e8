'use client';

import { memo } from 'react';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import type { LinkEdge as LinkEdgeType } from './graph-model';
import { edgeCurve } from './edge-curve';
import { linkStroke } from './edge-strokes';

/** A line that is not a binding: a client to a host it reaches (dashed), or a thing dropping straight down onto the overlay band. */
export const LinkEdge = memo(function LinkEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data }: EdgeProps<LinkEdgeType>) {
  const [path] = edgeCurve({ type: 'link', data }, { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return <BaseEdge id={id} path={path} style={linkStroke(data!)} />;
});
