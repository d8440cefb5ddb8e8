import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from './after-paint';

describe('afterPaint', () => {
  // Node has no frames: one every 16 ms of the fake clock stands in for the browser's.
  let frames: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    vi.useFakeTimers();
    frames = vi.fn((draw: (t: number) => void) => setTimeout(() => draw(Date.now()), 16));
    vi.stubGlobal('requestAnimationFrame', frames);
    vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('runs the work in a task after the next frame, not before, and once', () => {
    const work = vi.fn();
    afterPaint(work);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(15);
    expect(work).not.toHaveBeenCalled();
    // The frame comes at 16 ms; the work runs in a task right after it.
    vi.advanceTimersByTime(2);
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs the work after latestMs when no frame comes (a hidden page)', () => {
    const work = vi.fn();
    frames.mockImplementation(() => 0);
    afterPaint(work, 250);
    vi.advanceTimersByTime(249);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs nothing once cancelled', () => {
    const work = vi.fn();
    const cancel = afterPaint(work);
    cancel();
    vi.advanceTimersByTime(1_000);
    expect(work).not.toHaveBeenCalled();
  });
});
