'use client';

import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { OverviewGroup } from './edge-overview';
import { snapshotFrame, snapshotOutdated, type SnapshotFrame } from './overview-snapshot';

/** Said on the overview's wrapper once its bitmap shows what its SVG shows (the CSS swaps them while the view moves). */
const readyAttribute = 'data-snapshot-ready';

/**
 * Keeps `canvas` a bitmap of the overview's lines (`groups`, drawn by `svg`), made when the view has
 * settled and the browser is idle, to be shown instead of the SVG while the operator zooms or pans:
 * a bitmap the viewport's transform scales is cheap to raster at each step, where a thousand paths
 * were drawn again in software (about two thirds of a gesture's raster time). Taken again only when
 * the lines change or the view settled at a zoom twice or half the one it was taken at.
 */
export function useOverviewSnapshot(groups: readonly OverviewGroup[], moving: boolean, wrapper: RefObject<HTMLElement | null>, svg: RefObject<SVGSVGElement | null>, canvas: RefObject<HTMLCanvasElement | null>): void {
  const store = useStoreApi();
  const taken = useRef<{ groups: readonly OverviewGroup[]; frame: SnapshotFrame } | null>(null);

  // Other lines: the bitmap is stale from now on, so a gesture shows the SVG until it is redrawn.
  useLayoutEffect(() => {
    if (taken.current?.groups !== groups) wrapper.current?.removeAttribute(readyAttribute);
  }, [groups, wrapper]);

  useEffect(() => {
    if (moving) return;
    const draw = () => {
      const at = wrapper.current, lines = svg.current, bitmap = canvas.current;
      if (!at || !lines || !bitmap) return;
      const widest = Math.max(0, ...groups.map((g) => g.look.strokeWidth));
      const frame = snapshotFrame(lines.getBBox(), store.getState().transform[2], widest);
      if (!frame) return;
      if (taken.current?.groups === groups && at.hasAttribute(readyAttribute) && !snapshotOutdated(taken.current.frame, frame)) return;
      const ctx = bitmap.getContext('2d');
      if (!ctx) return;
      bitmap.width = frame.pixelWidth;
      bitmap.height = frame.pixelHeight;
      Object.assign(bitmap.style, { left: `${frame.x}px`, top: `${frame.y}px`, width: `${frame.width}px`, height: `${frame.height}px` });
      ctx.setTransform(frame.scale, 0, 0, frame.scale, -frame.x * frame.scale, -frame.y * frame.scale);
      for (const { look, paths } of groups) {
        ctx.strokeStyle = look.stroke;
        ctx.lineWidth = look.strokeWidth;
        ctx.globalAlpha = look.strokeOpacity ?? 1;
        for (const d of paths) ctx.stroke(new Path2D(d));
      }
      taken.current = { groups, frame };
      at.setAttribute(readyAttribute, '');
    };
    const idle = requestIdleCallback(draw, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [groups, moving, store, wrapper, svg, canvas]);
}
