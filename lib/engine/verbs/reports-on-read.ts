import type { Observed } from '../backend';
import type { BindingReport } from '../model/report';

const index = /^(?:0|[1-9][0-9]*)$/;

/**
 * The reports of `seen`, each completed with its lines (`seen.detail`) only when read: still an
 * array to every reader (`Array.isArray`, `JSON.stringify`, `map`, `for…of`), but item i is built
 * afresh on each read and not kept, so writing 10,000 reports out holds one at a time. Reports
 * that came complete are returned as they are.
 */
export function reportsOnRead(reports: BindingReport[], detail: Observed['detail']): BindingReport[] {
  if (!detail) return reports;
  const item = (target: BindingReport[], prop: string | symbol) =>
    typeof prop === 'string' && index.test(prop) && Number(prop) < target.length ? { ...target[Number(prop)], ...detail(Number(prop)) } : undefined;
  return new Proxy(reports, {
    get: (target, prop, receiver) => item(target, prop) ?? Reflect.get(target, prop, receiver),
    getOwnPropertyDescriptor: (target, prop) => {
      const d = Reflect.getOwnPropertyDescriptor(target, prop);
      const built = item(target, prop);
      return d && built ? { ...d, value: built } : d;
    },
  });
}
