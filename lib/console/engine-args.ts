import { specOf } from '@/lib/engine';
import type { Binding, BindingSpec } from '@/lib/engine/model/binding';

/** The engine verb that creates a binding: `export …` or `import …`, with the caller's id. */
export function addArgs(spec: BindingSpec): string[] {
  const front = spec.kind === 'export' ? [...(spec.in ? ['--in', spec.in] : [])] : ['--on', spec.on ?? ''];
  return [
    spec.kind,
    ...front,
    '--port',
    String(spec.port),
    '--proto',
    spec.proto,
    '--to',
    spec.to,
    '--id',
    spec.id,
    ...(spec.masquerade ? [] : ['--no-masquerade']),
  ];
}

/** `rebind ID --to T:P --revision N`: refused by the host if the binding moved on since revision N. */
export const rebindArgs = (id: string, to: string, revision: number): string[] => ['rebind', id, '--to', to, '--revision', String(revision)];

/** `remove ID --revision N`. */
export const removeArgs = (id: string, revision: number): string[] => ['remove', id, '--revision', String(revision)];

/** `repair ID`: re-apply that binding's rules alone. */
export const repairArgs = (id: string): string[] => ['repair', id];

/** `adopt REF --id ID`: a foreign DNAT rule becomes a binding with the operator's id. */
export const adoptArgs = (ref: string, id: string): string[] => ['adopt', ref, '--id', id];

/** `expose CIDR [--bridge B] [--name FQDN]`. */
export const exposeArgs = (cidr: string, bridge?: string, name?: string): string[] => [
  'expose',
  cidr,
  ...(bridge ? ['--bridge', bridge] : []),
  ...(name ? ['--name', name] : []),
];

/** `hide CIDR`: take an exposed address away again. */
export const hideArgs = (cidr: string): string[] => ['hide', cidr];

/** The `plan --file -` document for a host: its current bindings plus the new one. */
export function planDocument(current: readonly Binding[], added: BindingSpec): string {
  return JSON.stringify({ bindings: [...current.map(specOf), added] });
}
