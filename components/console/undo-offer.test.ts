import { describe, expect, it } from 'vitest';
import { liveUndo, undoSecondsLeft, type UndoOffer } from './undo-offer';
import { undoRefusal } from './undo-refusal';

const offer: UndoOffer = { label: 'Rebound h3', inverse: [{ action: 'rebind', host: 'host1', id: 'h3', target: '192.168.1.3:2211', revision: 2 }], offeredAt: 1_000_000 };

describe('the undo offer', () => {
  it('stands for 30 s and is gone after', () => {
    expect(liveUndo(offer, offer.offeredAt)).toBe(offer);
    expect(liveUndo(offer, offer.offeredAt + 29_999)).toBe(offer);
    expect(liveUndo(offer, offer.offeredAt + 30_000)).toBeNull();
    expect(liveUndo(null, offer.offeredAt)).toBeNull();
  });

  it('counts whole seconds down to 0', () => {
    expect(undoSecondsLeft(offer, offer.offeredAt)).toBe(30);
    expect(undoSecondsLeft(offer, offer.offeredAt + 29_001)).toBe(1);
    expect(undoSecondsLeft(offer, offer.offeredAt + 45_000)).toBe(0);
  });

  it('says plainly why a stale undo was refused', () => {
    const stale = { ok: false as const, message: 'This binding changed since you loaded it on host1; the graph now shows its current state.', errors: { Revision: ['x'] } };
    expect(undoRefusal(offer.inverse[0], stale)).toBe('Not undone: h3 on host1 changed again after your change, so it keeps its newer state.');
    expect(undoRefusal(offer.inverse[0], { ok: false, message: 'host1 did not answer', errors: {} })).toBe('Not undone: host1 did not answer');
    // A route's undo whose export went before its import was refused says both.
    const removeImport = { action: 'remove' as const, host: 'host1', id: 'h3-route-in', revision: 1 };
    expect(undoRefusal(removeImport, stale, ['Removed h3-route from host2.'])).toBe(
      'Undone only in part: Removed h3-route from host2. But h3-route-in on host1 changed again after your change, so it keeps its newer state.',
    );
  });
});
