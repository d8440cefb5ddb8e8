import type { GraphModel } from './graph-model';
import { endpointSize, type NodePlacement } from './layout-graph';

const gap = 36;
const inner = { top: 52, side: 18, bottom: 18, between: 22 };
const kindOrder = ['client', 'container', 'service', 'address', 'interface', 'exposed'] as const;
const perColumn = 24;

/**
 * A layout in linear time for networks too large for the layered one: hosts as a square-ish grid
 * of groups (their interfaces and exposed addresses stacked inside), then clients, containers,
 * services and other addresses in columns beside it, each kind starting a new column.
 */
export function gridLayout(graph: GraphModel): Record<string, NodePlacement> {
  const placements: Record<string, NodePlacement> = {};
  const children = new Map<string, string[]>();
  const loose: { id: string; kind: string }[] = [];
  for (const n of graph.nodes) {
    if (n.type === 'host') children.set(n.id, children.get(n.id) ?? []);
    else if (n.parentId) (children.get(n.parentId) ?? children.set(n.parentId, []).get(n.parentId)!).push(n.id);
    else loose.push({ id: n.id, kind: n.data.kind });
  }

  const hosts = [...children.keys()];
  const columns = Math.max(1, Math.ceil(Math.sqrt(hosts.length)));
  const groupWidth = endpointSize.width + 2 * inner.side;
  let y = 0;
  for (let row = 0; row * columns < hosts.length; row++) {
    const inRow = hosts.slice(row * columns, (row + 1) * columns);
    let rowHeight = 0;
    inRow.forEach((host, col) => {
      const kids = children.get(host)!;
      const height = kids.length ? inner.top + kids.length * endpointSize.height + (kids.length - 1) * inner.between + inner.bottom : 96;
      placements[host] = { x: col * (groupWidth + gap), y, width: groupWidth, height };
      kids.forEach((k, i) => (placements[k] = { x: inner.side, y: inner.top + i * (endpointSize.height + inner.between), ...endpointSize }));
      rowHeight = Math.max(rowHeight, height);
    });
    y += rowHeight + gap;
  }

  let x = Math.min(columns, Math.max(1, hosts.length)) * (groupWidth + gap) + 3 * gap;
  const rank = (kind: string) => (kindOrder as readonly string[]).indexOf(kind);
  loose.sort((a, b) => rank(a.kind) - rank(b.kind));
  let i = 0;
  let previousKind: string | undefined;
  for (const n of loose) {
    if ((previousKind !== undefined && n.kind !== previousKind) || i === perColumn) {
      x += endpointSize.width + gap;
      i = 0;
    }
    placements[n.id] = { x, y: i * (endpointSize.height + gap), ...endpointSize };
    previousKind = n.kind;
    i++;
  }
  return placements;
}
