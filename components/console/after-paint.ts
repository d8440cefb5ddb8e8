/**
 * Run `work` once the browser has painted what was just rendered (the next frame, then a task), or
 * after `latestMs` if no frame comes (a hidden page draws none). Returns a function that cancels it.
 * For work that need not delay a picture: a request started in the click's own task (a server
 * action is a fetch and a router update) kept the selected binding from being drawn.
 */
export function afterPaint(work: () => void, latestMs = 250): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
    work();
  };
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  const fallback = setTimeout(run, latestMs);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}
