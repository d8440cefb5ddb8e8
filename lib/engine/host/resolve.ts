import { badInput } from '../errors';
import { isIPv4 } from '../model/validate';
import type { CommandRunner } from '../runner/command-runner';
import { commandNotFound } from '../runner/command-runner';

/**
 * Resolve a target name on this host: an address stays itself; a name goes through Weave DNS
 * (`weave dns-lookup`) where Weave is installed, else the system resolver (`getent ahostsv4`).
 */
export async function resolveName(runner: CommandRunner, name: string, field = 'to'): Promise<string> {
  if (isIPv4(name)) return name;
  const weave = await runner.run('weave', ['dns-lookup', name]);
  if (weave.exitCode !== commandNotFound) {
    const addr = weave.stdout.split(/\s+/).find(isIPv4);
    if (weave.exitCode === 0 && addr) return addr;
  }
  const r = await runner.run('getent', ['ahostsv4', name]);
  const addr = r.exitCode === 0 ? r.stdout.split(/\s+/).find(isIPv4) : undefined;
  if (!addr) throw badInput(field, `cannot resolve "${name}" on this host`);
  return addr;
}
