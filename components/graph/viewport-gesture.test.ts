import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gestureTracker, settleMs } from './viewport-gesture';

describe('gestureTracker', () => {
  let said: boolean[];
  beforeEach(() => {
    vi.useFakeTimers();
    said = [];
  });
  afterEach(() => vi.useRealTimers());
  const track = () => gestureTracker((moving) => said.push(moving));

  it('says moving when the operator starts a gesture, and settled only settleMs after it ends', () => {
    const g = track();
    g.start(true);
    expect(said).toEqual([true]);
    g.end();
    vi.advanceTimersByTime(settleMs - 1);
    expect(said).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(said).toEqual([true, false]);
  });

  it('keeps a gesture whose next step starts before it settled as one move', () => {
    const g = track();
    g.start(true);
    g.end();
    vi.advanceTimersByTime(settleMs / 2);
    g.start(true);
    vi.advanceTimersByTime(settleMs * 2);
    expect(said).toEqual([true]);
    g.end();
    vi.advanceTimersByTime(settleMs);
    expect(said).toEqual([true, false]);
  });

  it('ignores moves the console makes itself, and their ends', () => {
    const g = track();
    g.start(false);
    g.end();
    vi.advanceTimersByTime(settleMs * 2);
    expect(said).toEqual([]);
  });

  it('says nothing once disposed while settling', () => {
    const g = track();
    g.start(true);
    g.end();
    g.dispose();
    vi.advanceTimersByTime(settleMs * 2);
    expect(said).toEqual([true]);
  });
});
