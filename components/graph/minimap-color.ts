import type { GraphNode } from './graph-model';

const colors: Record<string, string> = {
  host: '#cbd5e1',
  overlay: '#c4b5fd',
  interface: '#7dd3fc',
  exposed: '#a78bfa',
  container: '#6ee7b7',
  service: '#fcd34d',
  client: '#94a3b8',
  address: '#94a3b8',
};

/** A node's colour on the minimap: the same hues as the nodes themselves. */
export const minimapColor = (n: GraphNode): string => colors[n.type === 'endpoint' ? n.data.kind : n.type] ?? '#94a3b8';
