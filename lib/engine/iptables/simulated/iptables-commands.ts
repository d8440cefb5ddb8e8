import type { RunResult } from '../../runner/command-runner';
import type { SimulatedIptables } from './simulated-iptables';

const saveNames = new Set(['iptables-save', 'iptables-legacy-save', 'iptables-nft-save']);
const restoreNames = new Set(['iptables-restore', 'iptables-legacy-restore', 'iptables-nft-restore']);

const ok = (stdout = ''): RunResult => ({ exitCode: 0, stdout, stderr: '' });
const usage = (program: string, message: string): RunResult => ({
  exitCode: 2,
  stdout: '',
  stderr: `${program} v1.8.9: ${message}\nTry \`${program} -h' or '${program} --help' for more information.\n`,
});

/**
 * Answer `iptables-save` and `iptables-restore` (any flavour's name, with or without a directory)
 * from the simulated tables; null for any other command, so a composed runner can try another.
 */
export function handleIptablesCommand(ipt: SimulatedIptables, file: string, args: readonly string[], input?: string): RunResult | null {
  const program = file.slice(file.lastIndexOf('/') + 1);
  if (saveNames.has(program)) return save(ipt, program, args);
  if (restoreNames.has(program)) return restore(ipt, program, args, input ?? '');
  return null;
}

function save(ipt: SimulatedIptables, program: string, args: readonly string[]): RunResult {
  let counters = false;
  let table: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-c' || a === '--counters') counters = true;
    else if (a === '-t' || a === '--table') {
      table = args[++i];
      if (table === undefined) return usage(program, `option "${a}" requires an argument`);
    } else if (a.startsWith('--table=')) table = a.slice('--table='.length);
    else return usage(program, `unknown option "${a}"`);
  }
  if (table !== undefined && !ipt.hasTable(table)) {
    return { exitCode: 1, stdout: '', stderr: `${program}: Table \`${table}' does not exist\n` };
  }
  return ok(ipt.save({ counters, table }));
}

function restore(ipt: SimulatedIptables, program: string, args: readonly string[], script: string): RunResult {
  let noflush = false;
  let counters = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--noflush') noflush = true;
    else if (a === '-c' || a === '--counters') counters = true;
    else if (a === '-w' || a === '--wait') {
      // The lock wait is meaningless in process; its optional seconds argument is taken if present.
      if (/^\d+$/.test(args[i + 1] ?? '')) i++;
    } else if (/^--wait=\d+$/.test(a)) continue;
    else if (a === '-W' || a === '--wait-interval') i++;
    else return usage(program, `unknown option "${a}"`);
  }
  const result = ipt.restore(script, { noflush, counters });
  if (result.ok) return ok();
  return { exitCode: 1, stdout: '', stderr: `iptables-restore: line ${result.line} failed: ${result.message}\n` };
}
