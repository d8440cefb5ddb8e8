import { describe, expect, it } from 'vitest';
import { commandNotFound } from './command-runner';
import { ProcessRunner } from './process-runner';

const node = process.execPath;

describe('ProcessRunner (real tiny programs)', () => {
  const runner = new ProcessRunner();

  it('returns exit code, stdout and stderr as values, and passes input on stdin', async () => {
    const r = await runner.run(node, ['-e', 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{process.stdout.write(s.toUpperCase());process.stderr.write("e");process.exit(3)})'], { input: 'abc' });
    expect(r).toEqual({ exitCode: 3, stdout: 'ABC', stderr: 'e' });
  });

  it('runs with LC_ALL=C and keeps the rest of the environment', async () => {
    const r = await runner.run(node, ['-e', 'process.stdout.write(process.env.LC_ALL + " " + typeof process.env.PATH)']);
    expect(r.stdout).toBe('C string');
  });

  it('reports a missing program as command not found', async () => {
    const r = await runner.run('switchyard-no-such-program', []);
    expect(r.exitCode).toBe(commandNotFound);
    expect(r.stderr).toMatch(/command not found/);
  });

  it('ends a program that runs past its timeout with exit code 124', async () => {
    const r = await runner.run(node, ['-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 200 });
    expect(r.exitCode).toBe(124);
  });

  it('survives a program that exits without reading a large input', async () => {
    const r = await runner.run(node, ['-e', 'process.exit(0)'], { input: 'x'.repeat(4 << 20) });
    expect(r.exitCode).toBe(0);
  });

  it('hands standard output over piece by piece when asked, a character cut between pieces included', async () => {
    const pieces: string[] = [];
    const script = 'process.stdout.write(Buffer.from([0xc3])); setTimeout(() => process.stdout.write(Buffer.concat([Buffer.from([0xa9]), Buffer.from("x".repeat(200000))])), 50)';
    const r = await runner.run(node, ['-e', script], { onStdout: (t) => pieces.push(t) });
    expect(r.stdout).toBe('');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('é' + 'x'.repeat(200000));
  });

  it('runs every command under its prefix', async () => {
    const r = await new ProcessRunner([node, '-e', 'process.stdout.write(process.argv.slice(1).join(","))', '--']).run('a', ['b']);
    expect(r.stdout).toBe('a,b');
  });
});
