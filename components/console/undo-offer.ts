import type { InverseChange } from './change-inverse';

/** How long an applied change can be taken back from the undo bar. */
export const undoWindowMs = 30_000;

/** What the undo bar offers: the change in words and its inverse (one step, or several run in order), from the moment it was offered. */
export interface UndoOffer {
  label: string;
  inverse: readonly InverseChange[];
  offeredAt: number;
}

/** The offer while it lasts, null once its 30 s are over. */
export const liveUndo = (offer: UndoOffer | null, now: number): UndoOffer | null => (offer && now < offer.offeredAt + undoWindowMs ? offer : null);

/** Whole seconds left to undo (0 when over). */
export const undoSecondsLeft = (offer: UndoOffer, now: number): number => Math.max(0, Math.ceil((offer.offeredAt + undoWindowMs - now) / 1000));
