import { createSha256 } from '../sha256';

/**
 * Other systems that write DNAT rules and re-create them on their own schedule: adopting one of
 * their rules would only start a fight with them, so such rules are listed but never adoptable.
 */
const owners: { test: (place: string) => boolean; reason: (place: string) => string }[] = [
  {
    test: (p) => p === 'DOCKER' || p.startsWith('DOCKER-') || /^ip6? docker/.test(p),
    reason: (p) => `belongs to Docker (${p}), which rewrites it as containers start and stop: publish the port with Docker instead`,
  },
  {
    test: (p) => p.startsWith('KUBE-') || /^ip6? kube-proxy$/.test(p),
    reason: (p) => `belongs to kube-proxy (${p}), which re-creates it on every sync: change the Kubernetes Service instead`,
  },
  {
    test: (p) => p.startsWith('CNI-'),
    reason: (p) => `belongs to the CNI portmap plugin (${p}), which removes it with its container: change the container's port mapping instead`,
  },
  {
    test: (p) => p.startsWith('WEAVE'),
    reason: (p) => `belongs to Weave Net (${p}), which maintains it itself`,
  },
];

/**
 * Why a DNAT rule in this chain (iptables) or table (nft: `ip kube-proxy`) belongs to another
 * system and must not be adopted, or null when no known system owns that place.
 */
export function foreignOwnerReason(place: string): string | null {
  const o = owners.find((x) => x.test(place));
  return o ? o.reason(place) : null;
}

/**
 * A foreign rule's reference, as `status` lists it and `adopt REF` takes it: `f-` and 8 hex
 * digits of a hash of where the rule sits and what it says, so it stays the same between
 * listings and names that rule and no other.
 */
export function foreignRef(table: string, chain: string, rule: string): string {
  return `f-${createSha256().update(`${table}\n${chain}\n${rule}`).digest('hex').slice(0, 8)}`;
}
