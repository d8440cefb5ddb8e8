import type { BindingReport } from '@/lib/console/topology';

/** A binding's front as people read it: `eth0:2211` (export), `10.2.1.3:3322` (import). */
export function frontText(b: Pick<BindingReport, 'kind' | 'front'>): string {
  return b.kind === 'import' ? `${b.front.address}:${b.front.port}` : `${b.front.iface ?? '*'}:${b.front.port}`;
}

/** A binding's target as the operator gave it: `a1:4422`. */
export const targetText = (b: Pick<BindingReport, 'target'>): string => `${b.target.name}:${b.target.port}`;

/** The accessible name of a binding edge: `binding web: host2 eth0:2211 → a1:4422`. */
export const bindingLabel = (host: string, b: BindingReport): string => `binding ${b.id}: ${host} ${frontText(b)} → ${targetText(b)}`;
