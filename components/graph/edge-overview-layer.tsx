'use client';

import { memo, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { ConnectionMode, useNodesInitialized, useStore } from '@xyflow/react';
import { getEdgePosition } from '@xyflow/system';
import { edgeCurve } from './edge-curve';
import { overviewGroups, type OverviewLine } from './edge-overview';
import { edgeStroke } from './edge-strokes';
import type { FlowEdge } from './graph-model';

const ignore = () => undefined;

/**
 * A large view zoomed out draws its edges here instead of one React Flow edge each: one SVG, a group
 * per look (colour, width), a path per edge, no arrows or dashes, nothing to click. Each React Flow edge was an SVG
 * of its own with an arrow marker, redrawn at every zoom step, and mounted one by one on first render.
 * Drawn inside React Flow's edge layer (`container`), so under the nodes like the edges it stands for.
 */
export const EdgeOverviewLayer = memo(function EdgeOverviewLayer({ edges, container }: { edges: readonly FlowEdge[]; container: Element | null }) {
  // Worked out again when the nodes move or are measured (their handles' places come with the measure).
  const nodes = useStore((s) => s.nodes);
  const lookup = useStore((s) => s.nodeLookup);
  const measured = useNodesInitialized();
  const groups = useMemo(() => {
    const lines: OverviewLine[] = [];
    for (const e of edges) {
      const sourceNode = lookup.get(e.source);
      const targetNode = lookup.get(e.target);
      if (!sourceNode || !targetNode) continue;
      const at = getEdgePosition({ id: e.id, sourceNode, targetNode, sourceHandle: e.sourceHandle ?? null, targetHandle: e.targetHandle ?? null, connectionMode: ConnectionMode.Strict, onError: ignore });
      if (at) lines.push({ path: edgeCurve(e, at)[0], stroke: edgeStroke(e) });
    }
    return overviewGroups(lines);
    // `nodes` and `measured` are what says the lookup changed: React Flow updates it in place.
  }, [edges, lookup, nodes, measured]);
  if (!container || groups.length === 0) return null;
  return createPortal(
    <svg data-edge-overview aria-hidden="true">
      {groups.map(({ look, paths }, i) => (
        <g key={i} fill="none" stroke={look.stroke} strokeWidth={look.strokeWidth} strokeOpacity={look.strokeOpacity}>
          {paths.map((d, j) => (
            <path key={j} d={d} />
          ))}
        </g>
      ))}
    </svg>,
    container,
  );
});
