import type { BindingReport } from '@/lib/console/topology';
import { bindingProbe } from '@/components/graph/build-graph';
import type { ConsoleState } from './console-store';

// Selectors live here, at module scope, so components subscribe to stable functions.

/** Graph nodes with their kept positions. */
export const selectNodes = (s: ConsoleState) => s.nodes;
/** Nodes and binding edges as built from the topology. */
export const selectGraph = (s: ConsoleState) => s.graph;
/** Drag-rebinds waiting for their host. */
export const selectPending = (s: ConsoleState) => s.pending;
/** The selected binding or foreign rule, as a key. */
export const selectSelection = (s: ConsoleState) => s.selection;
/** The selected binding edge's id. */
export const selectSelectedEdgeId = (s: ConsoleState) => s.selectedEdgeId;
/** The selected binding edge itself, if any. */
export const selectSelectedEdge = (s: ConsoleState) => s.graph.edges.find((e) => e.id === s.selectedEdgeId);
/** Why the last drag-rebind was refused. */
export const selectDragError = (s: ConsoleState) => s.dragError;
/** What the signed-in user may change. */
export const selectAccess = (s: ConsoleState) => s.access;
/** The open side-panel form. */
export const selectPanel = (s: ConsoleState) => s.panel;
/** The last result, for the live region. */
export const selectAnnouncement = (s: ConsoleState) => s.announcement;
/** The change the undo bar offers to take back. */
export const selectUndo = (s: ConsoleState) => s.undo;
/** Everything the hosts reported. */
export const selectTopology = (s: ConsoleState) => s.topology;
/** Every host, reachable or not. */
export const selectHosts = (s: ConsoleState) => s.topology.hosts;
/** How many bindings the graph draws. */
export const selectBindingCount = (s: ConsoleState) => s.graph.edges.length;
/** Hosts drawn open. */
export const selectExpanded = (s: ConsoleState) => s.expanded;
/** The bundle drawn one by one. */
export const selectOpenBundle = (s: ConsoleState) => s.openedBundle;
/** The selected foreign rule edge, if a foreign rule is selected. */
export const selectSelectedForeign = (s: ConsoleState) => s.graph.foreign.find((e) => e.id === s.selectedEdgeId);
/** Foreign rule edges as built from the topology. */
export const selectForeign = (s: ConsoleState) => s.graph.foreign;
/** The connection counter readings of every binding edge. */
export const selectTraffic = (s: ConsoleState) => s.traffic;
/** The binding edges whose rules drifted from what their host's state says, in graph order. */
export const selectDriftedEdgeIds = (s: ConsoleState) => s.graph.edges.filter((e) => e.data?.binding.state === 'drifted').map((e) => e.id).join('\n');
/** The console's last probe of a host's binding, with when it ran. */
export const selectProbe = (s: Pick<ConsoleState, 'topology'>, host: string, b: BindingReport) => {
  const view = s.topology.hosts.find((h) => h.name === host);
  return view ? bindingProbe(view, b) : undefined;
};
