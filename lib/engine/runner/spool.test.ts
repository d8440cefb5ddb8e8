import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessRunner } from './process-runner';
import { Spool } from './spool';

const node = process.execPath;

describe('Spool', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('takes what a program writes to it while nothing reads, and hands it back in pieces after, a character cut between pieces kept whole', async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchyard-spool-test-'));
    const spool = await Spool.open(dir);
    expect(await readdir(dir)).toEqual([]);
    const script = 'process.stdout.write("a".repeat(99) + "é" + "x".repeat(300))';
    const r = await new ProcessRunner().run(node, ['-e', script], { stdoutFd: spool.fd });
    expect(r).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const pieces: string[] = [];
    await spool.read((t) => pieces.push(t), 100);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces[0]).toBe('a'.repeat(99));
    expect(pieces.join('')).toBe('a'.repeat(99) + 'é' + 'x'.repeat(300));
    await spool.close();
    await spool.close();
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads nothing from a program that wrote nothing', async () => {
    const spool = await Spool.open();
    const pieces: string[] = [];
    await spool.read((t) => pieces.push(t));
    await spool.close();
    expect(pieces).toEqual([]);
  });
});
