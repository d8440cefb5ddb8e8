import { emptyState } from '../model/binding';
import type { ChangeReport } from '../model/report';
import { backendOf, type EngineContext } from './context';

/** `flush`: remove every chain and rule Switchyard owns; with `forget`, empty the state file too. */
export async function flush(ctx: EngineContext, forget: boolean): Promise<ChangeReport> {
  return ctx.store.withLock(async () => {
    const state = await ctx.store.read();
    const applied = await backendOf(ctx, state).flush();
    if (forget) await ctx.store.write(emptyState());
    return {
      changes: forget ? state.bindings.map((b) => ({ op: 'remove' as const, id: b.id, before: b })) : [],
      script: applied.script,
      warnings: forget || state.bindings.length === 0 ? [] : [`the state file still holds ${state.bindings.length} binding(s): \`switchyard restore\` brings them back`],
    };
  });
}
