'use client';

import { useEffect } from 'react';
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { endpointSize } from './layout-graph';
import { frontHandle, portHandle, type EndpointKind, type EndpointNode as EndpointNodeType } from './graph-model';

const kindStyle: Record<EndpointKind, { tag: string; box: string }> = {
  interface: { tag: 'interface', box: 'border-sky-300 bg-white' },
  exposed: { tag: 'exposed on overlay', box: 'border-violet-300 bg-violet-50' },
  container: { tag: 'container', box: 'border-emerald-300 bg-emerald-50' },
  service: { tag: 'outside service', box: 'border-amber-300 bg-amber-50' },
  client: { tag: 'client', box: 'border-slate-300 bg-white' },
  address: { tag: 'address', box: 'border-slate-300 border-dashed bg-white' },
};

/** Where bindings start (interfaces, exposed addresses) and end (a port of a container, service or exposed address). */
export function EndpointNode({ id, data }: NodeProps<EndpointNodeType>) {
  // A binding may add a port (a handle) to a node already drawn; React Flow must measure it anew.
  const updateNodeInternals = useUpdateNodeInternals();
  const portKey = data.ports.join(',');
  useEffect(() => updateNodeInternals(id), [id, portKey, updateNodeInternals]);
  const style = kindStyle[data.kind];
  const isFront = data.kind === 'interface' || data.kind === 'exposed';
  return (
    <div style={endpointSize} className={`relative flex flex-col justify-center rounded-lg border pr-3 shadow-sm ${data.ports.length ? 'pl-11' : 'pl-3'} ${data.dimmed ? 'border-slate-300 bg-slate-100 opacity-60 grayscale' : style.box}`}>
      <span className="text-[10px] font-medium uppercase tracking-wide text-slate-500">{style.tag}</span>
      <span className="truncate text-sm font-semibold text-slate-900">{data.label}</span>
      {data.detail && <span className="truncate text-[11px] text-slate-600">{data.detail}</span>}
      {data.ports.map((port, i) => {
        const top = `${((i + 1) / (data.ports.length + 1)) * 100}%`;
        return (
          <Handle key={port} id={portHandle(port)} type="target" position={Position.Left} isConnectableStart={false} style={{ top }} aria-label={`${data.label} port ${port}`}>
            <span className="pointer-events-none absolute left-2.5 -translate-y-1/2 font-mono text-[10px] leading-none text-slate-500">{port}</span>
          </Handle>
        );
      })}
      {isFront && <Handle id={frontHandle} type="source" position={Position.Right} isConnectableStart={false} />}
    </div>
  );
}
