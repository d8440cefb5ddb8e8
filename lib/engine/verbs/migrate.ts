import { createBackend, recordedBackend, type BackendName } from '../backend';
import { EngineError } from '../errors';
import type { HostState } from '../model/binding';
import type { ChangeReport } from '../model/report';
import type { EngineContext } from './context';

/** `migrate --json`: the change report, and which backend the bindings moved from and to. */
export interface MigrateReport extends ChangeReport {
  from: BackendName;
  to: BackendName;
}

/**
 * `migrate --to nft|iptables`: move this host's bindings to the other backend with no moment in
 * which a binding is missing. The new backend's rules are added beside the old ones first: both
 * DNAT the same flows to the same targets with the same marks, and the kernel's NAT core lets only
 * the first nat hook that maps a new connection decide, so either serves it. Then the state file
 * names the new backend, then the old rules go (keeping the shared SWITCHYARD-FWD accept).
 * Interrupted, it is simply run again: a host already on `to` only sheds the other's leftovers.
 */
export async function migrate(ctx: EngineContext, to: BackendName): Promise<MigrateReport> {
  return ctx.store.withLock(async () => {
    const state = await ctx.store.read();
    const from = recordedBackend(state) ?? state.backend ?? 'iptables';
    const other: BackendName = to === 'nft' ? 'iptables' : 'nft';
    const target = createBackend(to, ctx.runner, ctx.iptables);
    const next: HostState = { ...state, backend: to };
    const added = await target.apply({ before: state, next, changes: [], sync: 'full' });
    if (from !== to) {
      try {
        await ctx.store.write(next);
      } catch (e) {
        const undo = await added.undo();
        throw new EngineError('host-failure', `could not save the state file, ${to} rules removed again${undo ? ` (that failed too: ${undo})` : ''}: ${(e as Error).message}`, { cause: e });
      }
    }
    const removed = await createBackend(other, ctx.runner, ctx.iptables).flush({ keepForward: true });
    return {
      from,
      to,
      changes: [],
      script: [added.script, removed.script].filter(Boolean).join(''),
      warnings: [],
    };
  });
}
