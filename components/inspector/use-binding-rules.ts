'use client';

import { useEffect, useState } from 'react';
import type { BindingReport } from '@/lib/console/topology';
import { bindingRulesAction } from './rules-action';

/** A binding's rules, fetched when it is inspected and again whenever it changes; null while loading. */
export function useBindingRules(host: string, b: BindingReport): string[] | string | null {
  const [rules, setRules] = useState<string[] | string | null>(null);
  const key = `${host}/${b.id}@${b.revision}:${b.state}`;
  useEffect(() => {
    let current = true;
    setRules(null);
    void bindingRulesAction({ host, id: b.id }).then((r) => {
      if (current) setRules(r.ok ? r.rules : r.message);
    });
    return () => {
      current = false;
    };
    // `key` names everything that changes the rules: host, binding, revision, kernel state.
  }, [key]);
  return rules;
}
