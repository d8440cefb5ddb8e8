import { resolveName } from '../host/resolve';
import type { Binding } from '../model/binding';
import type { Change, ChangeReport } from '../model/report';
import { isIPv4 } from '../model/validate';
import type { EngineContext } from './context';
import { transact } from './transact';

/**
 * `restore`: re-resolve target names, then make the kernel hold the state file again (after a
 * reboot or another tool's flush). Only what differs is written, so a second run changes nothing.
 */
export async function restore(ctx: EngineContext): Promise<ChangeReport> {
  const r = await transact(ctx, async (state) => {
    const warnings: string[] = [];
    const changes: Change[] = [];
    const bindings: Binding[] = [];
    for (const b of state.bindings) {
      if (isIPv4(b.target.name)) {
        bindings.push(b);
        continue;
      }
      const address = await resolveName(ctx.runner, b.target.name).catch((e: Error) => {
        warnings.push(`${b.id}: ${e.message}; keeping ${b.target.address}`);
        return b.target.address;
      });
      if (address === b.target.address) bindings.push(b);
      else {
        const after = { ...b, target: { ...b.target, address }, revision: b.revision + 1 };
        bindings.push(after);
        changes.push({ op: 'rebind', id: b.id, before: b, after });
      }
    }
    return { next: { ...state, bindings }, changes, warnings };
  }, { sync: 'full' });
  return { changes: r.changes, script: r.script, warnings: r.warnings };
}
