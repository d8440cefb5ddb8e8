'use client';

import { useCallback, useState } from 'react';
import type { Connection } from '@xyflow/react';
import { useConsoleStoreApi } from '@/components/console/console-provider';
import type { ActionResult } from '@/components/console/action-result';
import { useOfferUndo } from '@/components/console/use-offer-undo';
import { rebindAction } from '@/components/inspector/actions';
import { targetText } from './binding-label';
import type { BindingEdge } from './graph-model';
import { rebindTarget } from './rebind-target';

/** A dropped edge end waiting for the operator to apply or cancel it. */
export interface DropProposal {
  edgeId: string;
  host: string;
  id: string;
  revision: number;
  from: string;
  to: string;
}

/**
 * Drag-rebind in two steps: a drop only proposes (the edge is drawn at its new end, pending);
 * Apply asks the host, Cancel puts the edge back and asks no one.
 */
export function useDropRebind() {
  const store = useConsoleStoreApi();
  const offerUndo = useOfferUndo();
  const [proposal, setProposal] = useState<DropProposal | null>(null);
  const [applying, setApplying] = useState(false);

  const propose = useCallback(
    (old: BindingEdge, connection: Connection) => {
      const s = store.getState();
      const verdict = rebindTarget(s.nodes, old, connection);
      const b = old.data!.binding;
      if (!verdict.ok) {
        s.settleRebind(old.id, `Could not rebind ${b.id}: ${verdict.reason}.`);
        return;
      }
      // A drop while another waits for confirmation replaces it: the other edge goes back.
      if (proposal && proposal.edgeId !== old.id) s.settleRebind(proposal.edgeId, null);
      setProposal({ edgeId: old.id, host: old.data!.host, id: b.id, revision: b.revision, from: targetText(b), to: verdict.to });
      s.beginRebind(old.id, { target: verdict.nodeId, port: verdict.port });
      s.announce(`Rebind ${b.id} on ${old.data!.host} to ${verdict.to}? Apply or cancel.`);
    },
    [store, proposal],
  );

  const cancel = useCallback(() => {
    if (!proposal) return;
    const s = store.getState();
    s.settleRebind(proposal.edgeId, null);
    s.announce(`Rebind of ${proposal.id} cancelled; nothing changed.`);
    setProposal(null);
  }, [proposal, store]);

  const apply = useCallback(async () => {
    if (!proposal) return;
    const p = proposal;
    setApplying(true);
    store.getState().announce(`Rebinding ${p.id} on ${p.host} to ${p.to}…`);
    // A call that never reached the console (network gone) is a refusal too: the edge goes back.
    const result: ActionResult = await rebindAction({ host: p.host, id: p.id, revision: p.revision, target: p.to }).catch((e: unknown) => ({
      ok: false as const,
      message: `the console did not answer (${e instanceof Error ? e.message : String(e)})`,
      errors: {},
    }));
    const after = store.getState();
    if (result.hosts) after.applyHosts(result.hosts);
    after.settleRebind(p.edgeId, result.ok ? null : `Could not rebind ${p.id}: ${result.message}`);
    after.announce(result.ok ? result.message : `Rebind of ${p.id} refused; it is back where it was.`);
    offerUndo({ kind: 'rebind', host: p.host, id: p.id, from: p.from, to: p.to }, result);
    setApplying(false);
    setProposal(null);
  }, [proposal, store, offerUndo]);

  return { proposal, applying, propose, apply, cancel };
}
