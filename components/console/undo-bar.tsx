'use client';

import { useEffect, useState, useTransition } from 'react';
import { useConsole, useConsoleStoreApi } from './console-provider';
import { selectUndo } from './console-selectors';
import { buttonClass } from './field';
import { runInverses } from './run-inverse';
import { undoRefusal } from './undo-refusal';
import { liveUndo, undoSecondsLeft, undoWindowMs } from './undo-offer';
import { useApplyResult } from './use-apply-result';

/** The last applied change with an "Undo" button, for 30 s; the undo goes through the same checked, audited actions. */
export function UndoBar() {
  const store = useConsoleStoreApi();
  const offer = useConsole(selectUndo);
  const applyResult = useApplyResult();
  const [now, setNow] = useState(() => Date.now());
  const [busy, startTransition] = useTransition();

  // Tick once a second while an offer stands; withdraw it when its time is over.
  useEffect(() => {
    if (!offer) return;
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const over = setTimeout(() => {
      if (store.getState().undo === offer) store.getState().dropUndo();
    }, offer.offeredAt + undoWindowMs - Date.now());
    return () => {
      clearInterval(tick);
      clearTimeout(over);
    };
  }, [offer, store]);

  const live = liveUndo(offer, now);
  if (!live) return null;
  const undo = () =>
    startTransition(async () => {
      const s = store.getState();
      if (!liveUndo(s.undo, Date.now())) return;
      s.dropUndo();
      const { result, refused, done } = await runInverses(live.inverse, 'undo');
      const said = result.ok ? { ...result, message: `Undone: ${result.message}` } : { ...result, message: refused ? undoRefusal(refused, result, done) : `Not undone: ${result.message}` };
      applyResult(said);
      // The bar left with its offer, so a refusal has no form to be shown in: the status line says it.
      if (!said.ok) store.getState().announce(said.message);
    });
  return (
    <div role="region" aria-label="Undo" className="fixed bottom-10 left-[calc((100vw-380px)/2)] z-30 flex max-w-[calc(100vw-420px)] -translate-x-1/2 items-center gap-3 rounded-md border border-violet-300 bg-violet-50 px-3 py-1.5 text-xs text-violet-950 shadow-lg dark:border-violet-800 dark:bg-violet-950 dark:text-violet-100">
      <span>{live.label}.</span>
      <button type="button" className={buttonClass.secondary} disabled={busy} onClick={undo}>
        Undo
      </button>
      <span className="text-violet-700 dark:text-violet-300" aria-hidden>
        {undoSecondsLeft(live, now)} s
      </span>
      <button type="button" className="text-violet-700 underline dark:text-violet-300" onClick={() => store.getState().dropUndo()}>
        Dismiss
      </button>
    </div>
  );
}
