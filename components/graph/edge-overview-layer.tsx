'use client';

import { memo, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { ConnectionMode, useNodesInitialized, useStore, type InternalNode } from '@xyflow/react';
import { getEdgePosition } from '@xyflow/system';
import { edgeCurve } from './edge-curve';
import { overviewGroups, type OverviewLine } from './edge-overview';
import { edgeStroke } from './edge-strokes';
import type { FlowEdge } from './graph-model';
import { useOverviewSnapshot } from './use-overview-snapshot';

const ignore = () => undefined;

// Each edge's line, worked out again only when the edge or one of its two nodes is another object
// (React Flow makes a node anew when it moves or is measured): a selection changes a few lines of a
// thousand, and all of them were worked out again in the click's render.
const lineOf = new WeakMap<FlowEdge, { source: InternalNode; target: InternalNode; line: OverviewLine | null }>();
function overviewLine(e: FlowEdge, sourceNode: InternalNode, targetNode: InternalNode): OverviewLine | null {
  const last = lineOf.get(e);
  if (last && last.source === sourceNode && last.target === targetNode) return last.line;
  const at = getEdgePosition({ id: e.id, sourceNode, targetNode, sourceHandle: e.sourceHandle ?? null, targetHandle: e.targetHandle ?? null, connectionMode: ConnectionMode.Strict, onError: ignore });
  const line = at ? { path: edgeCurve(e, at)[0], stroke: edgeStroke(e) } : null;
  lineOf.set(e, { source: sourceNode, target: targetNode, line });
  return line;
}

/** A key per curve: the curve, with a count after it when the same curve is drawn again. */
function curveKeys(paths: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return paths.map((d) => {
    const n = seen.get(d) ?? 0;
    seen.set(d, n + 1);
    return n ? `${d}#${n}` : d;
  });
}

/**
 * A large view zoomed out draws its edges here instead of one React Flow edge each: one SVG, a group
 * per look (colour, width), a path per edge, no arrows or dashes, nothing to click. Each React Flow edge was an SVG
 * of its own with an arrow marker, redrawn at every zoom step, and mounted one by one on first render.
 * Drawn inside React Flow's edge layer (`container`), so under the nodes like the edges it stands for.
 */
export const EdgeOverviewLayer = memo(function EdgeOverviewLayer({ edges, container, moving }: { edges: readonly FlowEdge[]; container: Element | null; moving: boolean }) {
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
      const line = overviewLine(e, sourceNode, targetNode);
      if (line) lines.push(line);
    }
    return overviewGroups(lines);
    // `nodes` and `measured` are what says the lookup changed: React Flow updates it in place.
  }, [edges, lookup, nodes, measured]);
  // Keyed by the curve itself: a line leaving the overview (the one just selected) removes its path, not
  // the `d` of every path after it.
  const keys = useMemo(() => groups.map(({ paths }) => curveKeys(paths)), [groups]);
  const wrapper = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const image = useRef<HTMLImageElement>(null);
  useOverviewSnapshot(groups, moving, wrapper, svg, image);
  if (!container || groups.length === 0) return null;
  return createPortal(
    <div data-overview ref={wrapper}>
    <svg data-edge-overview aria-hidden="true" ref={svg}>
      {groups.map(({ look, paths }, i) => (
        <g key={i} fill="none" stroke={look.stroke} strokeWidth={look.strokeWidth} strokeOpacity={look.strokeOpacity}>
          {paths.map((d, j) => (
            <path key={keys[i][j]} d={d} />
          ))}
        </g>
      ))}
    </svg>
    <img data-overview-snapshot alt="" aria-hidden="true" decoding="sync" ref={image} />
    </div>,
    container,
  );
});
