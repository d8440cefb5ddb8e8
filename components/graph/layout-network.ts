import { gridLayout } from './grid-layout';
import { layoutInput, type LayoutInput, type NodePlacement } from './layout-input';
import { placementsFrom } from './placements';
import type { GraphNode } from './graph-model';

/** How long ELK may take before the page places the network on a plain grid instead. */
export const layoutDeadlineMs = 2500;
/** Past this many boxes ELK's layered layout takes far longer than the deadline (200 hosts: over two minutes), so the grid is used at once. */
export const elkMostBoxes = 120;

/** Whether ELK is past its reach on this picture: the grid places it at once. */
const pastElk = (input: Pick<LayoutInput, 'boxes'>): boolean => input.boxes.length > elkMostBoxes;

/** How the network was placed: by ELK, or on the grid because ELK ran out of time (or failed). */
export type LayoutMethod = 'elk' | 'grid';

/**
 * A network past ELK's reach placed on the grid at once, with no worker and nothing to wait for;
 * null for a network ELK should place (`layoutNetwork`).
 */
export function layoutLargeNetwork(nodes: readonly GraphNode[], expanded: ReadonlySet<string>): Record<string, NodePlacement> | null {
  const input = layoutInput(nodes, expanded);
  return pastElk(input) ? placementsFrom(nodes, input, gridLayout(input)) : null;
}

/**
 * Place the whole network: ELK in a Web Worker, with a deadline; past it (or if the worker fails)
 * the deterministic grid. Hosts' insides are placed by the hosts themselves either way.
 */
export async function layoutNetwork(nodes: readonly GraphNode[], expanded: ReadonlySet<string>, deadlineMs = layoutDeadlineMs): Promise<{ placements: Record<string, NodePlacement>; method: LayoutMethod }> {
  const input = layoutInput(nodes, expanded);
  const top = pastElk(input) ? null : await inWorker({ boxes: input.boxes, links: input.links }, deadlineMs);
  return { placements: placementsFrom(nodes, input, top ?? gridLayout(input)), method: top ? 'elk' : 'grid' };
}

function inWorker(input: Parameters<typeof gridLayout>[0] & { links: { source: string; target: string }[] }, deadlineMs: number): Promise<Record<string, { x: number; y: number }> | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(null);
      return;
    }
    const done = (positions: Record<string, { x: number; y: number }> | null) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(positions);
    };
    const timer = setTimeout(() => done(null), deadlineMs);
    worker.onmessage = (e: MessageEvent<{ ok: boolean; positions?: Record<string, { x: number; y: number }> }>) => done(e.data.ok ? e.data.positions! : null);
    worker.onerror = () => done(null);
    worker.postMessage(input);
  });
}
