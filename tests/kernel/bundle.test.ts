import { execa } from 'execa';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath } from '@/lib/lab/paths';
import { backends, scratchNetwork, type ScratchNetwork } from './scratch-network';

// `dist/switchyard.mjs` is copied to hosts and run there: alone, with plain node, no node_modules.
describe.each(backends)('the CLI bundle (%s backend)', (backend) => {
  let dir: string;
  let net: ScratchNetwork;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchyard-bundle-'));
    await copyFile(cliPath, join(dir, 'switchyard.mjs'));
    net = await scratchNetwork(backend);
  });
  afterAll(async () => {
    await net?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs from a directory holding nothing else', async () => {
    const help = await execa(process.execPath, [join(dir, 'switchyard.mjs'), '--help'], { cwd: dir, reject: false });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('export  --port P');
    const r = await execa('ip', ['netns', 'exec', net.ns.host, process.execPath, join(dir, 'switchyard.mjs'), '--state-dir', join(dir, 'state'), '--json', 'export', '--port', '2211', '--to', '10.77.0.11:4422', '--id', 'web'], { cwd: dir, reject: false, env: net.env });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).binding.id).toBe('web');
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'bundle')).toBe('c1: bundle');
  });

  it('answers an unknown verb with the usage and exit 2', async () => {
    const r = await execa(process.execPath, [join(dir, 'switchyard.mjs'), 'frobnicate'], { reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/unknown verb "frobnicate"/);
  });
});
