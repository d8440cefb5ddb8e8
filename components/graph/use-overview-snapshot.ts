'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { OverviewGroup } from './edge-overview';
import { snapshotFrame, snapshotOutdated, type SnapshotFrame } from './overview-snapshot';

/** Said on the overview's wrapper once its image shows what its SVG shows (the CSS swaps them while the view moves). */
const readyAttribute = 'data-snapshot-ready';

/** How long the lines stay the same before their picture is drawn. */
const linesQuietMs = 1000;

/** The overview's lines drawn once into a bitmap of `frame`, as a PNG. */
function drawLines(groups: readonly OverviewGroup[], frame: SnapshotFrame): Promise<Blob> {
  const bitmap = new OffscreenCanvas(frame.pixelWidth, frame.pixelHeight);
  const ctx = bitmap.getContext('2d');
  if (!ctx) return Promise.reject(new Error('the browser gave no 2D canvas to draw the overview into'));
  ctx.setTransform(frame.scale, 0, 0, frame.scale, -frame.x * frame.scale, -frame.y * frame.scale);
  for (const { look, paths } of groups) {
    ctx.strokeStyle = look.stroke;
    ctx.lineWidth = look.strokeWidth;
    ctx.globalAlpha = look.strokeOpacity ?? 1;
    for (const d of paths) ctx.stroke(new Path2D(d));
  }
  return bitmap.convertToBlob();
}

/**
 * Keeps `image` a picture of the overview's lines (`groups`, drawn by `svg`), made when the view has
 * settled and the browser is idle, to be shown instead of the SVG while the operator zooms or pans.
 * An image the viewport's transform scales is cheap to raster at each step, where a thousand paths
 * were drawn again in software (most of a gesture's raster time). A <canvas> shown instead was a
 * layer of its own that the compositor scaled at each frame, as dear as what it saved. Taken again
 * only when the lines change or the view settled at a zoom twice or half the one it was taken at.
 */
export function useOverviewSnapshot(groups: readonly OverviewGroup[], moving: boolean, wrapper: RefObject<HTMLElement | null>, svg: RefObject<SVGSVGElement | null>, image: RefObject<HTMLImageElement | null>): void {
  const store = useStoreApi();
  const latest = useRef(groups);
  const taken = useRef<{ groups: readonly OverviewGroup[]; frame: SnapshotFrame } | null>(null);
  const shownUrl = useRef<string | null>(null);
  const busy = useRef(false);

  // Other lines: the image is stale from now on, so a gesture shows the SVG until it is drawn again.
  useLayoutEffect(() => {
    latest.current = groups;
    if (taken.current?.groups !== groups) wrapper.current?.removeAttribute(readyAttribute);
  }, [groups, wrapper]);

  const [take] = useState(() => async (): Promise<void> => {
    const at = wrapper.current, lines = svg.current, img = image.current;
    if (busy.current || !at || !lines || !img) return;
    const drawn = latest.current;
    const widest = Math.max(0, ...drawn.map((g) => g.look.strokeWidth));
    const frame = snapshotFrame(lines.getBBox(), store.getState().transform[2], widest);
    if (!frame) return;
    if (taken.current?.groups === drawn && at.hasAttribute(readyAttribute) && !snapshotOutdated(taken.current.frame, frame)) return;
    busy.current = true;
    try {
      const png = await drawLines(drawn, frame);
      if (latest.current !== drawn) return;
      const url = URL.createObjectURL(png);
      Object.assign(img.style, { left: `${frame.x}px`, top: `${frame.y}px`, width: `${frame.width}px`, height: `${frame.height}px` });
      img.src = url;
      if (shownUrl.current) URL.revokeObjectURL(shownUrl.current);
      shownUrl.current = url;
      // Decoded now, so the first frame it is shown in does not decode it.
      await img.decode();
      if (latest.current !== drawn) return;
      taken.current = { groups: drawn, frame };
      at.setAttribute(readyAttribute, '');
    } finally {
      busy.current = false;
    }
    // The lines changed while these were drawn: draw them again.
    if (latest.current !== drawn) await take();
  });

  // Drawn when the browser is next idle (or within 2 s); a failure leaves the SVG shown, with a word in the console.
  const takeWhenIdle = useCallback(() => requestIdleCallback(() => void take().catch((e: unknown) => console.warn('overview snapshot not taken:', e)), { timeout: 2000 }), [take]);

  // New lines are drawn once the browser is idle, moving or not (a gesture shows the SVG until the image is ready);
  // a settled view is drawn again if its zoom is now far from the image's, unless a gesture starts first.
  // A second after the last change: a search typed or a row selected changes the lines at each step, and
  // drawing them (about 40 ms for 1,400 paths) took turns with what the operator was waiting for.
  useEffect(() => {
    let idle: number | undefined;
    const wait = setTimeout(() => {
      idle = takeWhenIdle();
    }, linesQuietMs);
    return () => {
      clearTimeout(wait);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [groups, takeWhenIdle]);
  useEffect(() => {
    if (moving) return;
    const idle = takeWhenIdle();
    return () => cancelIdleCallback(idle);
  }, [moving, takeWhenIdle]);

  useEffect(() => () => {
    if (shownUrl.current) URL.revokeObjectURL(shownUrl.current);
  }, []);
}
