'use client';

import type { BindingReport } from '@/lib/console/topology';
import { useBindingRules } from './use-binding-rules';

/** The exact rules the host holds for a binding, `iptables-save` style. */
export function BindingRules({ host, binding }: { host: string; binding: BindingReport }) {
  const rules = useBindingRules(host, binding);
  const text = rules === null ? 'Loading…' : typeof rules === 'string' ? rules : rules.join('\n') || '(none)';
  return (
    <pre aria-busy={rules === null} className="max-h-56 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-2 font-mono text-[11px] leading-relaxed text-slate-100">
      {text}
    </pre>
  );
}
