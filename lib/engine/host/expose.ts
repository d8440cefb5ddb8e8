import { EngineError } from '../errors';
import type { Exposure } from '../model/binding';
import type { CommandRunner } from '../runner/command-runner';

// iproute2 words the same outcomes differently across versions; classify them once, here.
const alreadyThere = /File exists|Address already assigned/;
const notThere = /Cannot assign requested address|Address not found|Cannot find device/;
const noDevice = /Cannot find device/;

/**
 * Give the host its address on the overlay: `weave expose` where Weave runs, else the address on
 * the bridge and forwarding on (the masquerade is part of the compiled rule set).
 * Returns whether the address is new (false when it was already there).
 */
export async function addExposure(runner: CommandRunner, e: Exposure, weave: boolean): Promise<boolean> {
  if (weave) {
    const r = await runner.run('weave', ['expose', e.cidr, ...(e.name ? ['-h', e.name] : [])]);
    if (r.exitCode !== 0) throw new EngineError('host-failure', `weave expose failed: ${r.stderr.trim()}`);
    return true;
  }
  const r = await runner.run('ip', ['addr', 'add', e.cidr, 'dev', e.bridge]);
  if (r.exitCode !== 0 && !alreadyThere.test(r.stderr)) {
    const missing = noDevice.test(r.stderr);
    const why = missing ? `there is no interface "${e.bridge}" on this host` : r.stderr.trim();
    throw new EngineError(missing ? 'bad-input' : 'host-failure', `bridge: ${why}`, { field: 'bridge' });
  }
  const f = await runner.run('sysctl', ['-w', 'net.ipv4.ip_forward=1']);
  if (f.exitCode !== 0) throw new EngineError('host-failure', `could not turn ip_forward on: ${f.stderr.trim()}`);
  return r.exitCode === 0;
}

/** Take the host's overlay address away again (`weave hide`, or the address off the bridge). */
export async function removeExposure(runner: CommandRunner, e: Exposure, weave: boolean): Promise<void> {
  const r = weave ? await runner.run('weave', ['hide', e.cidr]) : await runner.run('ip', ['addr', 'del', e.cidr, 'dev', e.bridge]);
  if (r.exitCode !== 0 && !notThere.test(r.stderr)) {
    throw new EngineError('host-failure', `could not remove ${e.cidr} from ${e.bridge}: ${r.stderr.trim()}`);
  }
}
