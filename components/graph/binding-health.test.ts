import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '@/lib/console/topology';
import { bindingHealth, healthText } from './binding-health';

const probe = (p: Partial<ProbeResult>): ProbeResult => ({ id: 'web', proto: 'tcp', target: '10.2.1.1:4422', outcome: 'ok', at: '2026-01-01T00:00:00.000Z', ...p });

describe('binding health', () => {
  it('is failing for refused, timeout, unreachable and error; ok when the target answered; unprobed otherwise', () => {
    expect(bindingHealth(probe({ outcome: 'ok', latencyMs: 0.4 }))).toBe('ok');
    for (const outcome of ['refused', 'timeout', 'unreachable', 'error'] as const) expect(bindingHealth(probe({ outcome }))).toBe('failing');
    expect(bindingHealth(probe({ proto: 'udp', outcome: 'unprobed' }))).toBe('unprobed');
    expect(bindingHealth(undefined)).toBe('unprobed');
  });

  it('says it in words, with the latency', () => {
    expect(healthText(probe({ latencyMs: 0.4 }))).toBe('ok in 0.4 ms');
    expect(healthText(probe({ outcome: 'refused', latencyMs: 0.2, error: 'ECONNREFUSED' }))).toBe('refused after 0.2 ms (ECONNREFUSED)');
    expect(healthText(probe({ outcome: 'timeout', error: 'no answer within the timeout' }))).toBe('timeout: no answer within 2 s');
    expect(healthText(undefined)).toBe('not probed yet');
  });
});
