import { describe, expect, it } from 'vitest';
import { parseSave } from '../save-parser';
import { withoutSaveComments } from '../save-format';
import { handleIptablesCommand } from './iptables-commands';
import { SimulatedIptables } from './simulated-iptables';

const script = '*nat\n:SWITCHYARD-PRE - [0:0]\n-A PREROUTING -j SWITCHYARD-PRE\nCOMMIT\n';

describe('handleIptablesCommand', () => {
  it('restores from standard input and saves back, under every flavour name', () => {
    for (const [restore, save] of [
      ['iptables-restore', 'iptables-save'],
      ['/usr/sbin/iptables-legacy-restore', 'iptables-legacy-save'],
      ['iptables-nft-restore', '/usr/sbin/iptables-nft-save'],
    ]) {
      const ipt = new SimulatedIptables();
      expect(handleIptablesCommand(ipt, restore, ['--noflush', '-w', '5'], script)).toEqual({ exitCode: 0, stdout: '', stderr: '' });
      const saved = handleIptablesCommand(ipt, save, ['-t', 'nat'])!;
      expect(saved.exitCode).toBe(0);
      expect(parseSave(saved.stdout).tables.map((t) => t.name)).toEqual(['nat']);
      expect(saved.stdout).toContain('-A PREROUTING -j SWITCHYARD-PRE\n');
    }
  });

  it('prints counters with -c and takes them with restore -c', () => {
    const ipt = new SimulatedIptables();
    handleIptablesCommand(ipt, 'iptables-restore', ['-n', '-c'], '*filter\n[3:120] -A FORWARD -j ACCEPT\nCOMMIT\n');
    expect(handleIptablesCommand(ipt, 'iptables-save', ['-c'])!.stdout).toContain('[3:120] -A FORWARD -j ACCEPT');
    expect(handleIptablesCommand(ipt, 'iptables-save', [])!.stdout).toContain('\n-A FORWARD -j ACCEPT');
  });

  it('flushes the named tables when restoring without --noflush', () => {
    const ipt = new SimulatedIptables();
    handleIptablesCommand(ipt, 'iptables-restore', ['-n'], script);
    handleIptablesCommand(ipt, 'iptables-restore', ['--wait'], '*nat\nCOMMIT\n');
    expect(handleIptablesCommand(ipt, 'iptables-save', [])!.stdout).not.toContain('SWITCHYARD-PRE');
  });

  it('fails a refused script with exit 1, naming the line, and changes nothing', () => {
    const ipt = new SimulatedIptables();
    handleIptablesCommand(ipt, 'iptables-restore', ['-n'], script);
    const before = ipt.save();
    const result = handleIptablesCommand(ipt, 'iptables-restore', ['--noflush', '-w'], '*nat\n-F SWITCHYARD-PRE\n-A SWITCHYARD-PRE -j SWITCHYARD-NOPE\nCOMMIT\n')!;
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe("iptables-restore: line 3 failed: Chain 'SWITCHYARD-NOPE' does not exist\n");
    expect(withoutSaveComments(ipt.save())).toBe(withoutSaveComments(before));
  });

  it('fails save of a table that does not exist, and unknown options', () => {
    const ipt = new SimulatedIptables();
    expect(handleIptablesCommand(ipt, 'iptables-save', ['-t', 'mangle'])).toMatchObject({ exitCode: 1, stdout: '' });
    expect(handleIptablesCommand(ipt, 'iptables-restore', ['--bogus'], '')).toMatchObject({ exitCode: 2 });
  });

  it('returns null for any other command', () => {
    const ipt = new SimulatedIptables();
    expect(handleIptablesCommand(ipt, 'iptables', ['-t', 'nat', '-L'])).toBeNull();
    expect(handleIptablesCommand(ipt, 'nft', ['list', 'ruleset'])).toBeNull();
    expect(handleIptablesCommand(ipt, 'ip6tables-save', [])).toBeNull();
  });
});
