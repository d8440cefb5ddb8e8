import type { Topology } from '@/lib/console/topology';

/** Targets an operator is likely to want: container services, outside services, other hosts' import fronts. */
export function targetSuggestions(t: Topology, host: string): string[] {
  const out: string[] = [];
  for (const c of t.containers) for (const s of c.services) out.push(`${c.name}:${s.port}`);
  for (const s of t.services) if (s.reachableFrom.includes(host)) out.push(`${s.address}:${s.port}`);
  for (const h of t.hosts) {
    if (!h.reachable) continue;
    for (const b of h.status.bindings) if (b.kind === 'import' && h.name !== host) out.push(`${b.front.address}:${b.front.port}`);
  }
  return [...new Set(out)];
}
