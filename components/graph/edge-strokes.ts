import { bindingHealth } from './binding-health';
import type { BindingEdgeData, BundleEdgeData, FlowEdge, LinkEdgeData } from './graph-model';

/** How an edge's line is drawn: colour, width, dashes and opacity. */
export interface EdgeStroke {
  stroke: string;
  strokeWidth: number;
  strokeDasharray?: string;
  strokeOpacity?: number;
}

/** A binding: coloured by its kernel state and health, violet when part of the selected route, grey while moving or as last seen. */
export function bindingStroke(data: BindingEdgeData, selected: boolean): EdgeStroke {
  const failing = bindingHealth(data.probe) === 'failing';
  const lit = !!data.highlighted;
  const gone = !!data.unreachable;
  const b = data.binding;
  const stroke = data.pending || gone ? '#94a3b8' : lit ? '#7c3aed' : failing ? '#e11d48' : b.state === 'active' ? '#0f766e' : b.state === 'drifted' ? '#d97706' : '#e11d48';
  return { stroke, strokeWidth: lit || selected ? 3 : 1.75, strokeDasharray: data.pending ? '6 4' : gone ? '2 4' : undefined };
}

/** A bundle: one thick teal line, thicker the more bindings it stands for. */
export function bundleStroke(data: BundleEdgeData): EdgeStroke {
  return { stroke: '#0f766e', strokeOpacity: 0.7, strokeWidth: Math.min(9, 2.5 + Math.log2(data.count) * 1.5) };
}

/** A link: violet to the overlay band, dashed grey from a client to a host it reaches. */
export function linkStroke(data: LinkEdgeData): EdgeStroke {
  return data.kind === 'overlay' ? { stroke: '#a78bfa', strokeWidth: 2 } : { stroke: '#94a3b8', strokeWidth: 1.5, strokeDasharray: '5 4' };
}

/** A foreign DNAT rule: dashed grey, darker when selected. */
export function foreignStroke(selected: boolean): EdgeStroke {
  return { stroke: selected ? '#475569' : '#94a3b8', strokeWidth: selected ? 2.5 : 1.5, strokeDasharray: '6 5' };
}

/** Any edge's line, as its own component draws it. */
export function edgeStroke(edge: FlowEdge): EdgeStroke {
  if (edge.type === 'binding') return bindingStroke(edge.data!, !!edge.selected);
  if (edge.type === 'bundle') return bundleStroke(edge.data!);
  if (edge.type === 'link') return linkStroke(edge.data!);
  return foreignStroke(!!edge.selected);
}
