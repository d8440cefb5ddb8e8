import { getBezierPath, type Position } from '@xyflow/react';
import { fannedPath } from './fanned-path';
import type { BindingEdgeData, LinkEdgeData } from './graph-model';

/** Where an edge's two ends are drawn, as React Flow hands them to an edge component. */
export interface EdgeEnds {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  sourcePosition: Position;
  targetPosition: Position;
}

/** What an edge's curve depends on: its type, and for a binding or a link its data. */
export type EdgeShape = { type?: 'binding'; data?: BindingEdgeData } | { type?: 'link'; data?: LinkEdgeData } | { type?: 'bundle' | 'foreign'; data?: unknown };

/**
 * The curve of any edge and the middle of it (where its label goes): a binding bows out of its
 * opened bundle, a link to the overlay drops straight down, everything else is a bezier curve.
 */
export function edgeCurve(edge: EdgeShape, at: EdgeEnds): [path: string, midX: number, midY: number] {
  if (edge.type === 'binding') return fannedPath(at, edge.data?.fan);
  if (edge.type === 'link' && edge.data?.kind === 'overlay') {
    return [`M${at.sourceX},${at.sourceY} L${at.sourceX},${at.targetY}`, at.sourceX, (at.sourceY + at.targetY) / 2];
  }
  const [path, x, y] = getBezierPath(at);
  return [path, x, y];
}
