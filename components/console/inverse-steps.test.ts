import { describe, expect, it } from 'vitest';
import { seedTopology } from '@/components/graph/topology.fixture';
import type { ActionResult } from './action-result';
import type { InverseChange } from './change-inverse';
import { runSteps } from './inverse-steps';

const [host1, host2] = seedTopology().hosts;
const removeExport: InverseChange = { action: 'remove', host: 'host2', id: 'route-h3', revision: 1 };
const removeImport: InverseChange = { action: 'remove', host: 'host1', id: 'h3', revision: 1 };

describe('running the steps of an inverse', () => {
  it('runs every step in order and gathers their messages and host views', async () => {
    const ran: string[] = [];
    const out = await runSteps([removeExport, removeImport], async (s) => {
      ran.push(s.id);
      return { ok: true, message: `Removed ${s.id} from ${s.host}.`, hosts: [s.host === 'host1' ? host1 : host2] };
    });
    expect(ran).toEqual(['route-h3', 'h3']);
    expect(out).toEqual({ result: { ok: true, message: 'Removed route-h3 from host2. Removed h3 from host1.', hosts: [host2, host1] }, refused: null, done: ['Removed route-h3 from host2.', 'Removed h3 from host1.'] });
  });

  it('stops at the first refusal and says which step it was', async () => {
    const ran: string[] = [];
    const stale: ActionResult = { ok: false, message: 'This binding changed since you loaded it on host2', errors: { Revision: ['x'] }, hosts: [host2] };
    const out = await runSteps([removeExport, removeImport], async (s) => {
      ran.push(s.id);
      return stale;
    });
    expect(ran).toEqual(['route-h3']);
    expect(out).toEqual({ result: stale, refused: removeExport, done: [] });
  });

  it('says which steps were done before a later one was refused', async () => {
    const stale: ActionResult = { ok: false, message: 'This binding changed since you loaded it on host1', errors: { Revision: ['x'] }, hosts: [host1] };
    const out = await runSteps([removeExport, removeImport], async (s) => (s === removeExport ? { ok: true, message: 'Removed route-h3 from host2.', hosts: [host2] } : stale));
    expect(out).toEqual({ result: { ...stale, hosts: [host2, host1] }, refused: removeImport, done: ['Removed route-h3 from host2.'] });
  });
});
