import { getBezierPath, type Position } from '@xyflow/react';

/** How far apart the bindings of an open bundle are drawn. */
const spread = 34;

/**
 * The curve of an edge and where its label goes. One of several parallel edges (`fan`) bows out
 * sideways by its place in the group, so each curve and label can be seen and clicked.
 */
export function fannedPath(
  p: { sourceX: number; sourceY: number; targetX: number; targetY: number; sourcePosition: Position; targetPosition: Position },
  fan?: { index: number; count: number },
): [path: string, labelX: number, labelY: number] {
  if (!fan || fan.count < 2) {
    const [path, x, y] = getBezierPath(p);
    return [path, x, y];
  }
  const offset = (fan.index - (fan.count - 1) / 2) * spread;
  const dx = p.targetX - p.sourceX;
  const dy = p.targetY - p.sourceY;
  const length = Math.hypot(dx, dy) || 1;
  // Perpendicular to the straight line between the ends.
  const nx = -dy / length;
  const ny = dx / length;
  const c1 = { x: p.sourceX + dx / 3 + nx * offset * 1.5, y: p.sourceY + dy / 3 + ny * offset * 1.5 };
  const c2 = { x: p.sourceX + (2 * dx) / 3 + nx * offset * 1.5, y: p.sourceY + (2 * dy) / 3 + ny * offset * 1.5 };
  const path = `M${p.sourceX},${p.sourceY} C${c1.x},${c1.y} ${c2.x},${c2.y} ${p.targetX},${p.targetY}`;
  // A cubic's midpoint: (P0 + 3·C1 + 3·C2 + P3) / 8.
  return [path, (p.sourceX + 3 * c1.x + 3 * c2.x + p.targetX) / 8, (p.sourceY + 3 * c1.y + 3 * c2.y + p.targetY) / 8];
}
