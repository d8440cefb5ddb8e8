import { execa } from 'execa';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath } from '@/lib/lab/paths';
import { backends, scratchNetwork, type ScratchNetwork } from './scratch-network';

// The host failing under the engine: a full disk, a read-only file system, no permission, a path in
// the way, a reader that went away. Each is exit 1 with a plain message (one JSON object under
// --json), and leaves no lock, no temp file and no rules behind.
describe.each(backends)('host failures are typed, plain and leave nothing behind (%s backend)', (backend) => {
  let net: ScratchNetwork;
  let root: string;
  const mounts: string[] = [];
  const mountTmpfs = async (dir: string, opts: string) => {
    await mkdir(dir, { recursive: true });
    await execa('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir]);
    mounts.push(dir);
  };
  /** The engine on the scratch host, with its state in `stateDir`. */
  const sw = async (stateDir: string, args: string[]) => {
    const r = await execa('ip', ['netns', 'exec', net.ns.host, process.execPath, cliPath, '--state-dir', stateDir, ...args], {
      reject: false,
      env: { SWITCHYARD_IPTABLES: 'iptables-nft', SWITCHYARD_BACKEND: backend },
      timeout: 30_000,
    });
    return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
  const exportWeb = ['--json', 'export', '--in', 'eth0', '--port', '2211', '--to', '10.77.0.11:4422', '--id', 'web'];

  beforeAll(async () => {
    net = await scratchNetwork(backend, 'iptables-nft');
    // Let the nat table exist first, so "as before" can be compared byte for byte.
    await net.exec(net.ns.host, 'iptables-nft', ['-t', 'nat', '-N', 'WARM-UP']);
    await net.exec(net.ns.host, 'iptables-nft', ['-t', 'nat', '-X', 'WARM-UP']);
    root = await mkdtemp(join(tmpdir(), 'switchyard-failures-'));
  });
  afterAll(async () => {
    for (const m of mounts.reverse()) await execa('umount', ['-l', m], { reject: false });
    if (root) await rm(root, { recursive: true, force: true });
    await net?.dispose();
  });

  it('a full disk (ENOSPC) while writing the state: exit 1, rules rolled back, no lock and no temp file left', async () => {
    const dir = join(root, 'full');
    await mountTmpfs(dir, 'size=256k');
    // Fill the disk, then free exactly one page: the lock file fits, the state file does not.
    await execa('dd', ['if=/dev/zero', `of=${join(dir, 'filler')}`, 'bs=4k'], { reject: false });
    await execa('truncate', ['-s', '-4096', join(dir, 'filler')]);
    const before = await net.save();
    const r = await sw(dir, exportWeb);
    expect(r.exitCode, r.stderr).toBe(1);
    const err = JSON.parse(r.stderr);
    expect(err.code).toBe('host-failure');
    expect(err.message).toMatch(/the disk is full \(ENOSPC\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(dir)).toEqual(['filler']);
    expect(await net.save()).toBe(before);
    expect(before).not.toMatch(/SWITCHYARD|switchyard/);
    // The disk with no room even for the lock: still typed, still nothing left.
    await execa('truncate', ['-s', '+4096', join(dir, 'filler')]);
    await execa('dd', ['if=/dev/zero', `of=${join(dir, 'filler2')}`, 'bs=4k'], { reject: false });
    const again = await sw(dir, exportWeb);
    expect(again.exitCode).toBe(1);
    expect(JSON.parse(again.stderr).message).toMatch(/ENOSPC/);
    expect((await readdir(dir)).sort()).toEqual(['filler', 'filler2']);
  });

  it('a full disk when a rebind appends to the journal: exit 1, the old target back in the kernel, nothing left', async () => {
    const dir = join(root, 'full-journal');
    await mountTmpfs(dir, 'size=256k');
    expect((await sw(dir, exportWeb)).exitCode).toBe(0);
    const state = await readFile(join(dir, 'state.json'), 'utf8');
    const owned = await net.owned();
    // Fill the disk, then free exactly one page: the lock file fits, the journal record does not.
    await execa('dd', ['if=/dev/zero', `of=${join(dir, 'filler')}`, 'bs=4k'], { reject: false });
    await execa('truncate', ['-s', '-4096', join(dir, 'filler')]);
    const r = await sw(dir, ['--json', 'rebind', 'web', '--to', '10.77.0.12:4422']);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(JSON.parse(r.stderr).message).toMatch(/rules rolled back.*state\.journal.*ENOSPC/);
    expect(await net.targetsOf('web')).toEqual(['10.77.0.11:4422']);
    expect(await net.owned()).toBe(owned);
    expect((await readdir(dir)).sort()).toEqual(['filler', 'state.json']);
    expect(await readFile(join(dir, 'state.json'), 'utf8')).toBe(state);
    // With room again, the rebind goes through the journal.
    await rm(join(dir, 'filler'));
    expect((await sw(dir, ['--json', 'rebind', 'web', '--to', '10.77.0.12:4422'])).exitCode).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['state.journal', 'state.json']);
    expect(await net.targetsOf('web')).toEqual(['10.77.0.12:4422']);
    expect((await sw(dir, ['--json', 'flush', '--forget'])).exitCode).toBe(0);
  });

  it('a read-only file system (EROFS): exit 1 in plain words, rules untouched', async () => {
    const dir = join(root, 'ro');
    await mountTmpfs(dir, 'ro,size=64k');
    const before = await net.save();
    const r = await sw(join(dir, 'state'), exportWeb);
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stderr).message).toMatch(/read-only \(EROFS\)/);
    const text = await sw(join(dir, 'state'), ['list']);
    expect(text.exitCode).toBe(0); // nothing stored there yet: an empty host, readable
    expect(await net.save()).toBe(before);
  });

  it('no permission (EACCES) and a file in the way (EEXIST): exit 1 in plain words', async () => {
    const locked = join(root, 'locked');
    await mkdir(locked, { mode: 0o700 });
    await writeFile(join(locked, 'state.json'), '{"version":1,"bindings":[],"exposed":[]}');
    // An unprivileged user runs its own copy of the self-contained CLI against root's state.
    const cli = join(root, 'switchyard.mjs');
    await copyFile(cliPath, cli);
    await chmod(cli, 0o755);
    await chmod(root, 0o755);
    const asNobody = await execa('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, '--json', '--state-dir', locked, 'list'], { reject: false });
    expect(asNobody.exitCode).toBe(1);
    expect(JSON.parse(String(asNobody.stderr)).message).toMatch(/permission denied \(EACCES\)/);

    const inTheWay = join(root, 'a-file');
    await writeFile(inTheWay, 'not a directory');
    const r = await sw(inTheWay, exportWeb);
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stderr).message).toMatch(/could not create the state directory .*\(EEXIST\)/);
  });

  it('--json with no verb is one JSON object; a reader that goes away (EPIPE) ends quietly', async () => {
    const r = await sw(join(root, 'st'), ['--json']);
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stderr)).toMatchObject({ code: 'bad-input', field: 'verb' });
    // `switchyard plan … | head -c 1`: head exits after one byte; the rest of a megabyte of output hits a closed pipe.
    const file = join(root, 'many.json');
    const bindings = Array.from({ length: 2000 }, (_, i) => ({ id: `b${i}`, kind: 'export', in: 'eth0', port: 10000 + i, to: '10.77.0.11:4422' }));
    await writeFile(file, JSON.stringify({ bindings }));
    const cmd = `ip netns exec ${net.ns.host} "${process.execPath}" "${cliPath}" --state-dir "${join(root, 'st')}" plan --file "${file}" | head -c 1 >/dev/null; echo "exit \${PIPESTATUS[0]}"`;
    const piped = await execa('bash', ['-c', cmd], { reject: false, env: { SWITCHYARD_IPTABLES: 'iptables-nft', SWITCHYARD_BACKEND: backend } });
    expect(String(piped.stderr)).toBe('');
    expect(String(piped.stdout)).toMatch(/^exit 0$/m);
    // The same under --json, whose report is written out piece by piece.
    const pipedJson = await execa('bash', ['-c', cmd.replace('plan --file', '--json plan --file')], { reject: false, env: { SWITCHYARD_IPTABLES: 'iptables-nft', SWITCHYARD_BACKEND: backend } });
    expect(String(pipedJson.stderr)).toBe('');
    expect(String(pipedJson.stdout)).toMatch(/^exit 0$/m);
  });
});
