import { bindingEdgeId, foreignEdgeId } from '@/components/graph/node-ids';

/**
 * What the console selects: one binding on one host, or one foreign DNAT rule on one host (by the
 * ref `switchyard status` lists for it). The table, the graph and the inspector share it.
 */
export type BindingKey = { kind: 'binding'; host: string; id: string } | { kind: 'foreign'; host: string; ref: string };

/** A binding's key. */
export const bindingKey = (host: string, id: string): BindingKey => ({ kind: 'binding', host, id });
/** A foreign rule's key. */
export const foreignKey = (host: string, ref: string): BindingKey => ({ kind: 'foreign', host, ref });

/** The key as one string: the id of its edge in the graph (`binding:host2/web`, `foreign:host1/f-1a2b3c4d`). */
export const keyText = (key: BindingKey): string => (key.kind === 'binding' ? bindingEdgeId(key.host, key.id) : foreignEdgeId(key.host, key.ref));

/** Whether two keys name the same thing (null names nothing). */
export const sameKey = (a: BindingKey | null, b: BindingKey | null): boolean => (a === null || b === null ? a === b : keyText(a) === keyText(b));

/** The key an edge id stands for (`binding:HOST/ID` or `foreign:HOST/REF`), or null for any other edge. */
export function keyOfEdgeId(edgeId: string): BindingKey | null {
  const m = /^(binding|foreign):(.+)\/([^/]+)$/.exec(edgeId);
  if (!m) return null;
  return m[1] === 'binding' ? bindingKey(m[2], m[3]) : foreignKey(m[2], m[3]);
}
