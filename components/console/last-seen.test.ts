import { describe, expect, it } from 'vitest';
import { ago } from './last-seen';

describe('ago', () => {
  const now = Date.parse('2026-01-01T12:00:00.000Z');
  it('says how long ago, in the largest unit that fits', () => {
    expect(ago('2026-01-01T11:59:58.000Z', now)).toBe('just now');
    expect(ago('2026-01-01T11:59:15.000Z', now)).toBe('45 s ago');
    expect(ago('2026-01-01T11:58:00.000Z', now)).toBe('2 min ago');
    expect(ago('2026-01-01T09:00:00.000Z', now)).toBe('3 h ago');
    expect(ago('2025-12-29T12:00:00.000Z', now)).toBe('3 days ago');
  });
  it('treats a clock slightly ahead of ours as now', () => {
    expect(ago('2026-01-01T12:00:03.000Z', now)).toBe('just now');
  });
});
