'use client';

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type Viewport,
} from '@xyflow/react';
import { useConsole, useConsoleStoreApi } from '@/components/console/console-provider';
import { flowEdges } from '@/components/console/console-reducers';
import { BindingEdge } from './binding-edge';
import { BundleEdge } from './bundle-edge';
import { ForeignEdge } from './foreign-edge';
import { visibleForeign } from './visible-foreign';
import { EndpointNode } from './endpoint-node';
import type { BindingEdge as BindingEdgeType, FlowEdge, GraphNode } from './graph-model';
import { HostNode } from './host-node';
import { LinkEdge } from './link-edge';
import { OverlayNode } from './overlay-node';
import { rebindTarget } from './rebind-target';
import { markDropTargets } from './drop-targets';
import { RebindConfirmation } from './rebind-confirmation';
import { useDropRebind } from './use-drop-rebind';
import { useGraphLayout } from './use-graph-layout';
import { useUnchangedElements } from './use-unchanged-elements';
import { fitOptions, fittedViewport, isAtViewport, measuredFit } from './fitted-viewport';
import { EdgeLabelLayerProvider } from './edge-label-layer';
import { LabelsMountedProvider, labelsHiddenClass, useLabelZoom } from './use-labels-shown';
import { visibleGraph } from './visible-graph';
import { minimapColor } from './minimap-color';
import { LabelPlacer } from './label-placer';
import { LabelsContext, createLabelsStore } from './label-store';
import { EdgeOverviewLayer } from './edge-overview-layer';
import { useOverviewEdges } from './use-overview-edges';
import { useViewportGesture } from './use-viewport-gesture';
import { selectAccess, selectDragError, selectExpanded, selectGraph, selectNodes, selectOpenBundle, selectPending, selectSelectedEdgeId } from '@/components/console/console-selectors';
import { mayChange } from '@/components/console/access';
import { useInBrowser } from '@/components/console/use-in-browser';

const nodeTypes = { host: HostNode, endpoint: EndpointNode, overlay: OverlayNode };
const edgeTypes = { binding: BindingEdge, bundle: BundleEdge, link: LinkEdge, foreign: ForeignEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 10, height: 10 } };
const minZoom = 0.05;

const layingOut = <p className="absolute inset-0 grid place-items-center text-sm text-slate-500">Laying out the network…</p>;

/**
 * The network as a graph: nodes laid out once and kept; binding edges selectable and rebindable by
 * dragging their target end. Drawn in the browser only: React Flow measures what it draws, and the
 * server would work out every edge of a large network for a page that shows "Laying out" until then.
 */
export function NetworkGraph() {
  return useInBrowser() ? <DrawnGraph /> : <div className="relative h-full w-full">{layingOut}</div>;
}

function DrawnGraph() {
  const store = useConsoleStoreApi();
  const nodes = useConsole(selectNodes);
  const graph = useConsole(selectGraph);
  const pending = useConsole(selectPending);
  const selectedEdgeId = useConsole(selectSelectedEdgeId);
  const dragError = useConsole(selectDragError);
  const access = useConsole(selectAccess);
  const expanded = useConsole(selectExpanded);
  const openBundle = useConsole(selectOpenBundle);
  // Only bindings on hosts the user may change get a draggable end; the rest are drawn read-only.
  const bindingEdges = useMemo(
    () => flowEdges({ graph, pending, selectedEdgeId }).map((e) => (e.data && mayChange(access, e.data.host) ? e : { ...e, reconnectable: false })),
    [graph, pending, selectedEdgeId, access],
  );
  // What this view draws: collapsed hosts, bundles, links to the overlay and from clients.
  const visible = useMemo(() => visibleGraph(nodes, bindingEdges, { expanded, openBundle, selectedEdgeId }), [nodes, bindingEdges, expanded, openBundle, selectedEdgeId]);
  // Foreign DNAT rules beside the bindings, dashed.
  // Recomputed whenever a node moves or is measured; only what changed reaches React Flow (a new array re-renders every edge).
  const edges = useUnchangedElements(useMemo(() => [...visible.edges, ...visibleForeign(graph.foreign, nodes, expanded, selectedEdgeId)], [visible.edges, graph.foreign, nodes, expanded, selectedEdgeId]));
  // Labels switch by a class on zoom, mounted with their edges; a large view draws only what is on screen.
  const large = visible.nodes.length > 150;
  // While the operator zooms or pans a large view, each step redraws only hosts and the overview's lines:
  // the edges over those lines and the labels are hidden (CSS, `graph-moving`), and what the gesture
  // brings into view or into readable zoom mounts once it has ended.
  const gesture = useViewportGesture();
  const moving = large && gesture.moving;
  const labels = useLabelZoom(large, moving);
  // A large view draws most edges' lines as one overview layer, and mounts only some as React Flow edges.
  const drawn = useOverviewEdges(edges, visible.nodes, large, labels.readable, moving);
  const reconnecting = useRef<BindingEdgeType | null>(null);
  // While a binding end is dragged, where it may go is highlighted and the rest dimmed.
  const [dragged, setDragged] = useState<BindingEdgeType | null>(null);
  const drawnNodes = useUnchangedElements(useMemo(() => (dragged ? markDropTargets(visible.nodes, nodes, dragged) : visible.nodes), [dragged, visible.nodes, nodes]));
  const drop = useDropRebind();
  // Edge labels are placed together, so none covers a node header or another label.
  const [labelStore] = useState(createLabelsStore);

  // Place whatever has no place yet (kept per user); nodes already placed never move.
  const { keep } = useGraphLayout();

  // Fit the whole network into view once, when the laid-out nodes have been measured.
  const { fitView } = useReactFlow();
  const flow = useStoreApi<GraphNode, FlowEdge>();
  const measured = useNodesInitialized();
  const fitted = useRef(false);
  // Said on the container once the network is in view (what the bench waits for).
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!measured || fitted.current) return;
    fitted.current = true;
    // Drawn fitted from the start (the first viewport, below) when every node measured the size its
    // placement gave it; fitView would only wait a frame to stay where it is. Otherwise, fit again.
    const { nodeLookup, width, height, transform } = flow.getState();
    const fit = measuredFit(nodeLookup, { width, height }, minZoom);
    if (fit && isAtViewport(transform, fit)) setShown(true);
    else void fitView(fitOptions).then(() => setShown(true));
  }, [measured, fitView, flow]);

  // The first viewport is the fitted one, worked out from the placements before React Flow draws
  // anything: drawn at zoom 1 first, a large network was mounted and measured twice.
  const frame = useRef<HTMLDivElement>(null);
  const placed = !nodes.every((n) => n.hidden);
  const [firstViewport, setFirstViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    if (!placed || firstViewport || !frame.current) return;
    const pane = { width: frame.current.clientWidth, height: frame.current.clientHeight };
    setFirstViewport(fittedViewport(visible.nodes, pane, minZoom) ?? { x: 0, y: 0, zoom: 1 });
  }, [placed, firstViewport, visible.nodes]);

  const onNodesChange = useCallback(
    (changes: NodeChange<GraphNode>[]) => store.getState().setNodes(applyNodeChanges(changes, store.getState().nodes)),
    [store],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      for (const c of changes) {
        if (c.type !== 'select' || !(c.id.startsWith('binding:') || c.id.startsWith('foreign:'))) continue;
        store.getState().selectEdge(c.selected ? c.id : store.getState().selectedEdgeId === c.id ? null : store.getState().selectedEdgeId);
      }
    },
    [store],
  );
  // A bundle opens into its bindings; a binding is selected.
  const onEdgeClick = useCallback(
    (_: unknown, e: FlowEdge) => {
      if (e.type === 'bundle') store.getState().openBundle(e.id);
      else if (e.type === 'binding' || e.type === 'foreign') store.getState().selectEdge(e.id);
    },
    [store],
  );
  const onPaneClick = useCallback(() => {
    store.getState().selectEdge(null);
    store.getState().openBundle(null);
  }, [store]);
  const onNodeDragStop = useCallback(() => keep(store.getState().nodes), [keep, store]);

  const isValidConnection = useCallback(
    (c: Connection | FlowEdge) => {
      const edge = reconnecting.current;
      if (!edge) return false;
      const connection: Connection = { source: c.source, target: c.target, sourceHandle: c.sourceHandle ?? null, targetHandle: c.targetHandle ?? null };
      return rebindTarget(store.getState().nodes, edge, connection).ok;
    },
    [store],
  );

  // A drop only proposes the rebind; the confirmation applies or cancels it.
  const onReconnect = drop.propose;
  // Stable handlers: a new one on each render re-rendered every edge (React Flow passes them to each).
  const onReconnectStart = useCallback((_: unknown, edge: FlowEdge) => {
    reconnecting.current = edge.type === 'binding' ? edge : null;
    setDragged(reconnecting.current);
  }, []);
  const onReconnectEnd = useCallback(() => {
    reconnecting.current = null;
    setDragged(null);
  }, []);

  // React Flow's edge label layer, found once it is drawn, for the edges' labels.
  const [labelLayer, setLabelLayer] = useState<Element | null>(null);
  // And its edge layer, for the overview.
  const [edgeLayer, setEdgeLayer] = useState<Element | null>(null);
  useEffect(() => {
    if (!firstViewport) return;
    setLabelLayer(frame.current?.querySelector('.react-flow__edgelabel-renderer') ?? null);
    setEdgeLayer(frame.current?.querySelector('.react-flow__edges') ?? null);
  }, [firstViewport]);

  return (
    <div ref={frame} className="relative h-full w-full" data-fitted={shown || undefined}>
      {dragError && (
        <div role="alert" className="absolute left-4 top-4 z-10 max-w-lg rounded-lg [overflow-wrap:anywhere] border border-rose-300 bg-rose-50 px-4 py-2 text-sm text-rose-900 shadow">
          {dragError}
        </div>
      )}
      {drop.proposal && <RebindConfirmation proposal={drop.proposal} applying={drop.applying} onApply={() => void drop.apply()} onCancel={drop.cancel} />}
      {!placed || !firstViewport ? (
        layingOut
      ) : (
      <LabelsContext.Provider value={labelStore}>
      <EdgeLabelLayerProvider value={labelLayer}>
      <LabelsMountedProvider value={labels.mounted}>
      <ReactFlow<GraphNode, FlowEdge>
        className={`${labels.readable ? '' : labelsHiddenClass} ${drawn.far ? 'graph-far' : ''} ${moving ? 'graph-moving' : ''}`}
        defaultViewport={firstViewport}
        nodes={drawnNodes}
        edges={drawn.mounted}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        onMoveStart={gesture.onMoveStart}
        onMoveEnd={gesture.onMoveEnd}
        onNodeDragStop={onNodeDragStop}
        // Every drawn node stays mounted, on screen or not (the view is kept to about 500 by collapsing
        // hosts; the edges mounted are chosen by useOverviewEdges). React Flow's own culling unmounted
        // the ~200 hosts off screen whenever a selection moved the view and mounted those now on it,
        // in the click's render: most of the time from a row selected to its edge drawn.
        colorMode="system"
        onReconnectStart={onReconnectStart}
        onReconnectEnd={onReconnectEnd}
        onReconnect={onReconnect as (old: FlowEdge, c: Connection) => void}
        isValidConnection={isValidConnection}
        edgesReconnectable={false}
        reconnectRadius={14}
        minZoom={minZoom}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable ariaLabel="Minimap" nodeColor={minimapColor} nodeStrokeWidth={2} style={{ width: 150, height: 100 }} />
        <LabelPlacer readable={labels.readable} />
        {drawn.overview && <EdgeOverviewLayer edges={drawn.overview} container={edgeLayer} moving={moving} />}
      </ReactFlow>
      </LabelsMountedProvider>
      </EdgeLabelLayerProvider>
      </LabelsContext.Provider>
      )}
    </div>
  );
}
