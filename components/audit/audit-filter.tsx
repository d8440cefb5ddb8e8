import { buttonClass, inputClass } from '@/components/console/field';
import type { AuditFilter } from '@/lib/audit';

/** Filters as a plain GET form: the filter is in the URL, so a filtered view can be shared. */
export function AuditFilterForm({ filter }: { filter: AuditFilter }) {
  const input = (name: 'user' | 'host' | 'binding', label: string) => (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
      {label}
      <input name={name} defaultValue={filter[name] ?? ''} className={inputClass} />
    </label>
  );
  return (
    <form method="get" role="search" aria-label="Filter the audit trail" className="flex flex-wrap items-end gap-3">
      {input('user', 'User')}
      {input('host', 'Host')}
      {input('binding', 'Binding')}
      <button type="submit" className={buttonClass.secondary}>
        Filter
      </button>
    </form>
  );
}
