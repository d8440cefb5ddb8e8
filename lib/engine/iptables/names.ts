import { createSha256 } from '../sha256';
import { isBindingId } from '../model/validate';

/** Every chain Switchyard owns starts with this. */
export const chainPrefix = 'SWITCHYARD-';

/** Owned chains entered from the built-in chains, one jump each. */
export const hookChains = {
  pre: { table: 'nat', builtin: 'PREROUTING', chain: 'SWITCHYARD-PRE' },
  out: { table: 'nat', builtin: 'OUTPUT', chain: 'SWITCHYARD-OUT' },
  post: { table: 'nat', builtin: 'POSTROUTING', chain: 'SWITCHYARD-POST' },
  fwd: { table: 'filter', builtin: 'FORWARD', chain: 'SWITCHYARD-FWD' },
} as const;

/** Packet mark bit that asks SWITCHYARD-POST to masquerade a DNATed packet. */
export const masqueradeMark = '0x100000/0x100000';
/** Connection mark bit on every flow a binding DNATed; SWITCHYARD-FWD accepts these flows. */
export const flowMark = '0x200000/0x200000';

/** Comment tags: `switchyard:<binding id>` on binding rules, fixed tags on shared rules. */
export const tag = {
  binding: (id: string) => `switchyard:${id}`,
  hook: 'switchyard:hook',
  masquerade: 'switchyard:masquerade',
  forward: 'switchyard:forward',
  expose: (cidr: string) => `switchyard:expose:${cidr}`,
} as const;

/** The binding id a comment names, or null for shared tags and foreign comments. */
export function bindingIdOfTag(comment: string | undefined): string | null {
  if (!comment?.startsWith('switchyard:')) return null;
  const rest = comment.slice('switchyard:'.length);
  return isBindingId(rest) ? rest : null;
}

/** The nat chain that holds one binding's DNAT: `SWITCHYARD-B-` + 12 chars of a hash of its id (kube-proxy style). */
export function bindingChain(id: string): string {
  const h = createSha256().update(id).digest('base64url').replace(/[-_]/g, 'X').slice(0, 12).toUpperCase();
  return `${chainPrefix}B-${h}`;
}

/** True for a chain Switchyard owns. */
export const isOwnedChain = (name: string): boolean => name.startsWith(chainPrefix);
