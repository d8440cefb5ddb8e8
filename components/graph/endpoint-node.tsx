'use client';

import { memo, useEffect, useRef } from 'react';
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { endpointSize } from './node-sizes';
import { frontHandle, overlayHandle, portHandle, reachHandle, type EndpointKind, type EndpointNode as EndpointNodeType } from './graph-model';

const kindStyle: Record<EndpointKind, { tag: string; box: string }> = {
  interface: { tag: 'interface', box: 'border-sky-300 bg-white dark:border-sky-700 dark:bg-slate-800' },
  exposed: { tag: 'exposed', box: 'border-violet-300 bg-violet-50 dark:border-violet-700 dark:bg-violet-950' },
  container: { tag: 'container', box: 'border-emerald-300 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950' },
  service: { tag: 'service', box: 'border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950' },
  client: { tag: 'client', box: 'border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-800' },
  address: { tag: 'address', box: 'border-slate-300 border-dashed bg-white dark:border-slate-600 dark:bg-slate-800' },
};

/** Where bindings start (interfaces, exposed addresses) and end (a port of a container, service or exposed address). */
export const EndpointNode = memo(function EndpointNode({ id, data }: NodeProps<EndpointNodeType>) {
  // A binding may add a port (a handle) to a node already drawn; React Flow must measure it anew.
  // Not on mount: React Flow measures a new node itself, and one update per node mounted costs a store update each.
  const updateNodeInternals = useUpdateNodeInternals();
  const portKey = data.ports.join(',');
  const measuredPorts = useRef(portKey);
  useEffect(() => {
    if (measuredPorts.current === portKey) return;
    measuredPorts.current = portKey;
    updateNodeInternals(id);
  }, [id, portKey, updateNodeInternals]);
  const style = kindStyle[data.kind];
  const isFront = data.kind === 'interface' || data.kind === 'exposed';
  const onOverlay = data.kind === 'exposed' || data.kind === 'container';
  return (
    <div
      style={endpointSize}
      title={data.detail}
      className={`relative flex flex-col justify-center rounded-lg border pr-2.5 shadow-sm ${data.ports.length ? 'pl-10' : 'pl-2.5'} ${data.dimmed ? 'border-slate-300 bg-slate-100 opacity-60 grayscale dark:bg-slate-800' : style.box}`}
    >
      <span className="flex items-baseline gap-1.5">
        <span className="truncate text-[15px] font-semibold leading-5 text-slate-900 dark:text-slate-50">{data.label}</span>
        <span className="ml-auto shrink-0 text-[13px] leading-4 text-slate-500 dark:text-slate-400">{style.tag}</span>
      </span>
      {data.detail && <span className="truncate text-[13px] leading-5 text-slate-600 dark:text-slate-300">{data.detail}</span>}
      {data.ports.map((port, i) => {
        const top = `${((i + 1) / (data.ports.length + 1)) * 100}%`;
        return (
          <Handle key={port} id={portHandle(port)} type="target" position={Position.Left} isConnectableStart={false} style={{ top }} aria-label={`${data.label} port ${port}`}>
            <span className="pointer-events-none absolute left-2.5 -translate-y-1/2 font-mono text-[13px] leading-none text-slate-600 dark:text-slate-300">{port}</span>
          </Handle>
        );
      })}
      {isFront && <Handle id={frontHandle} type="source" position={Position.Right} isConnectableStart={false} />}
      {onOverlay && <Handle id={overlayHandle} type="source" position={Position.Bottom} isConnectable={false} className="!invisible" />}
      {(data.kind === 'client' || data.kind === 'service') && <Handle id={reachHandle} type="source" position={Position.Bottom} isConnectable={false} className="!invisible" />}
    </div>
  );
});
