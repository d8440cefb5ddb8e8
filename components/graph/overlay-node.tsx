'use client';

import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { overlayHandle, type OverlayNode as OverlayNodeType } from './graph-model';

/** The overlay network as a band under the hosts: the exposed addresses and containers above it are on it. */
export const OverlayNode = memo(function OverlayNode({ data, width }: NodeProps<OverlayNodeType>) {
  return (
    <div style={{ width }} className="flex h-full items-center gap-3 rounded-full border-2 border-violet-300 bg-violet-100/90 px-5 text-violet-900 dark:border-violet-700 dark:bg-violet-950/90 dark:text-violet-100">
      <Handle id={overlayHandle} type="target" position={Position.Top} isConnectable={false} className="!invisible" />
      <span className="text-[15px] font-semibold">overlay</span>
      <span className="font-mono text-[13px]">{data.networks.join(', ')}</span>
      {data.bridges.length > 0 && <span className="text-[13px] text-violet-700 dark:text-violet-300">on {data.bridges.join(', ')}</span>}
    </div>
  );
});
