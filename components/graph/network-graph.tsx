'use client';

import { useCallback, useEffect, useMemo, useRef } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useConsole, useConsoleStoreApi } from '@/components/console/console-provider';
import { flowEdges, unplacedNodes } from '@/components/console/console-reducers';
import { rebindAction } from '@/components/inspector/actions';
import { BindingEdge } from './binding-edge';
import { EndpointNode } from './endpoint-node';
import type { BindingEdge as BindingEdgeType, GraphNode } from './graph-model';
import { HostNode } from './host-node';
import { layoutGraph } from './layout-graph';
import { rebindTarget } from './rebind-target';
import { selectAccess, selectDragError, selectGraph, selectNodes, selectPending, selectSelectedEdgeId } from '@/components/console/console-selectors';
import { mayChange } from '@/components/console/access';

const nodeTypes = { host: HostNode, endpoint: EndpointNode };
const edgeTypes = { binding: BindingEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 10, height: 10 } };

/** The network as a graph: nodes laid out once and kept; binding edges selectable and rebindable by dragging their target end. */
export function NetworkGraph() {
  const store = useConsoleStoreApi();
  const nodes = useConsole(selectNodes);
  const graph = useConsole(selectGraph);
  const pending = useConsole(selectPending);
  const selectedEdgeId = useConsole(selectSelectedEdgeId);
  const dragError = useConsole(selectDragError);
  const access = useConsole(selectAccess);
  // Only bindings on hosts the user may change get a draggable end; the rest are drawn read-only.
  const edges = useMemo(
    () => flowEdges({ graph, pending, selectedEdgeId }).map((e) => (e.data && mayChange(access, e.data.host) ? e : { ...e, reconnectable: false })),
    [graph, pending, selectedEdgeId, access],
  );
  const reconnecting = useRef<BindingEdgeType | null>(null);

  // Lay out whatever has no place yet; nodes already placed never move.
  const waiting = nodes.some((n) => n.hidden);
  useEffect(() => {
    if (!waiting) return;
    let cancelled = false;
    void layoutGraph(store.getState().graph).then((placements) => {
      if (!cancelled && unplacedNodes(store.getState()).length) store.getState().placeNodes(placements);
    });
    return () => {
      cancelled = true;
    };
  }, [waiting, graph, store]);

  // Fit the whole network into view once, when the laid-out nodes have been measured.
  const { fitView } = useReactFlow();
  const measured = useNodesInitialized();
  const fitted = useRef(false);
  useEffect(() => {
    if (!measured || fitted.current) return;
    fitted.current = true;
    void fitView({ padding: 0.08, maxZoom: 1 });
  }, [measured, fitView]);

  const onNodesChange = useCallback(
    (changes: NodeChange<GraphNode>[]) => store.getState().setNodes(applyNodeChanges(changes, store.getState().nodes)),
    [store],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<BindingEdgeType>[]) => {
      for (const c of changes) if (c.type === 'select') store.getState().selectEdge(c.selected ? c.id : store.getState().selectedEdgeId === c.id ? null : store.getState().selectedEdgeId);
    },
    [store],
  );

  const isValidConnection = useCallback(
    (c: Connection | BindingEdgeType) => {
      const edge = reconnecting.current;
      if (!edge) return false;
      const connection: Connection = { source: c.source, target: c.target, sourceHandle: c.sourceHandle ?? null, targetHandle: c.targetHandle ?? null };
      return rebindTarget(store.getState().nodes, edge, connection).ok;
    },
    [store],
  );

  const onReconnect = useCallback(
    async (old: BindingEdgeType, connection: Connection) => {
      const s = store.getState();
      const verdict = rebindTarget(s.nodes, old, connection);
      const b = old.data!.binding;
      if (!verdict.ok) {
        s.settleRebind(old.id, `Could not rebind ${b.id}: ${verdict.reason}.`);
        return;
      }
      s.beginRebind(old.id, { target: verdict.nodeId, port: verdict.port });
      s.announce(`Rebinding ${b.id} on ${old.data!.host} to ${verdict.to}…`);
      const result = await rebindAction({ host: old.data!.host, id: b.id, revision: b.revision, target: verdict.to });
      const after = store.getState();
      if (result.hosts) after.applyHosts(result.hosts);
      after.settleRebind(old.id, result.ok ? null : `Could not rebind ${b.id}: ${result.message}`);
      after.announce(result.ok ? result.message : `Rebind of ${b.id} refused; it is back where it was.`);
    },
    [store],
  );

  return (
    <div className="relative h-full w-full">
      {dragError && (
        <div role="alert" className="absolute left-4 top-4 z-10 max-w-lg rounded-lg border border-rose-300 bg-rose-50 px-4 py-2 text-sm text-rose-900 shadow">
          {dragError}
        </div>
      )}
      {nodes.every((n) => n.hidden) ? (
        <p className="absolute inset-0 grid place-items-center text-sm text-slate-500">Laying out the network…</p>
      ) : (
      <ReactFlow<GraphNode, BindingEdgeType>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onEdgeClick={(_, e) => store.getState().selectEdge(e.id)}
        onPaneClick={() => store.getState().selectEdge(null)}
        onReconnectStart={(_, edge) => {
          reconnecting.current = edge;
        }}
        onReconnectEnd={() => {
          reconnecting.current = null;
        }}
        onReconnect={onReconnect}
        isValidConnection={isValidConnection}
        edgesReconnectable={false}
        reconnectRadius={14}
        minZoom={0.2}
      >
        <Background gap={24} color="#e2e8f0" />
        <Controls showInteractive={false} />
      </ReactFlow>
      )}
    </div>
  );
}
