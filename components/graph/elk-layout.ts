import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { gridGap } from './grid-layout';
import type { LayoutInput } from './layout-input';

const elk = new ELK();

/**
 * ELK's layered layout, top to bottom, each row of the input its own partition: within a row ELK
 * orders the boxes so a client sits over the hosts it reaches and a service over the hosts that reach it.
 */
export async function elkLayout(input: Pick<LayoutInput, 'boxes' | 'links'>): Promise<Record<string, { x: number; y: number }>> {
  const children: ElkNode[] = input.boxes.map((b) => ({
    id: b.id,
    width: b.width,
    height: b.height,
    layoutOptions: { 'elk.partitioning.partition': String(b.row) },
  }));
  const laid = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.partitioning.activate': 'true',
      // One picture: unconnected parts (a host no client reaches) stay in their rows instead of being stacked apart.
      'elk.separateConnectedComponents': 'false',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(gridGap.y),
      'elk.spacing.nodeNode': String(gridGap.x),
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    },
    children,
    edges: input.links.map((l, i) => ({ id: `l${i}`, sources: [l.source], targets: [l.target] })),
  });
  const out: Record<string, { x: number; y: number }> = {};
  for (const c of laid.children ?? []) out[c.id] = { x: c.x ?? 0, y: c.y ?? 0 };
  return out;
}
