import type { BindingEdge, GraphModel } from './graph-model';
import { keepUnchanged, sameValue } from './unchanged-elements';

/**
 * Two builds of a binding's edge draw the same: equal in everything but when its probe last ran
 * (the inspector reads that time from the topology, not from the edge).
 */
function sameEdge(a: BindingEdge, b: BindingEdge): boolean {
  const { data: da, ...restA } = a;
  const { data: db, ...restB } = b;
  if (!sameValue(restA, restB)) return false;
  if (!da || !db) return da === db;
  const { probe: pa, ...dataA } = da;
  const { probe: pb, ...dataB } = db;
  if (!sameValue(dataA, dataB)) return false;
  if (!pa || !pb) return pa === pb;
  const { at: _a, ...probeA } = pa;
  const { at: _b, ...probeB } = pb;
  return sameValue(probeA, probeB);
}

/**
 * The graph of a newer topology with every node and edge that did not change kept as the object
 * the previous graph had, and the previous graph itself when nothing changed. A push of one host
 * (a status, a health probe round) then hands the view the very objects it drew for every other
 * host, and a round that found every binding as before changes nothing at all: a new graph object
 * per push redrew every node and edge of a large network.
 */
export function keepGraph(previous: GraphModel, next: GraphModel): GraphModel {
  const nodes = keepUnchanged(previous.nodes, next.nodes, sameValue);
  const edges = keepUnchanged(previous.edges, next.edges, sameEdge);
  const foreign = keepUnchanged(previous.foreign, next.foreign, sameValue);
  return nodes === previous.nodes && edges === previous.edges && foreign === previous.foreign ? previous : { nodes, edges, foreign };
}
