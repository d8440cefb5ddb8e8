'use client';

import { useEffect, useState } from 'react';
import type { BindingReport } from '@/lib/console/topology';
import { afterPaint } from '@/components/console/after-paint';
import { bindingRulesAction } from './rules-action';

/** A binding's rules, fetched when it is inspected and again whenever it changes; null while loading. */
export function useBindingRules(host: string, b: BindingReport): string[] | string | null {
  const [rules, setRules] = useState<string[] | string | null>(null);
  const key = `${host}/${b.id}@${b.revision}:${b.state}`;
  useEffect(() => {
    let current = true;
    setRules(null);
    // Asked once the inspector is painted: the binding's own facts first, its rules as soon as they come.
    const cancel = afterPaint(() => {
      void bindingRulesAction({ host, id: b.id }).then((r) => {
        if (current) setRules(r.ok ? r.rules : r.message);
      });
    });
    return () => {
      current = false;
      cancel();
    };
    // `key` names everything that changes the rules: host, binding, revision, kernel state.
  }, [key]);
  return rules;
}
