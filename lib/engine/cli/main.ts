import { EngineError } from '../errors';
import { iptablesCommands } from '../iptables/kernel';
import { ProcessRunner } from '../runner/process-runner';
import { defaultWatchIntervalMs, realHostProbe, rememberingHost, serveInvocation, serveStdio } from '../serve';
import { writeJson } from './json-stream';
import { runSwitchyardReport } from './run';

/** Entry point of `dist/switchyard.mjs`: the real host, the real state file. */
async function main(): Promise<void> {
  // A reader that went away (`switchyard status | head`) ends the run quietly, not with a trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const argv = process.argv.slice(2);
  if (await serveIfAsked(argv)) return;
  const stdin = argv.includes('-') ? await readStdin() : undefined;
  const out = await runSwitchyardReport(argv, { runner: new ProcessRunner(), stdin });
  // A report of 10,000 bindings goes out binding by binding, never as one string of megabytes.
  if (out.json !== undefined) await writeJson(process.stdout, out.json);
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  process.exitCode = out.exitCode;
}

/** `serve --stdio`: a long-lived session over stdin/stdout; false when argv asks for another verb. */
async function serveIfAsked(argv: readonly string[]): Promise<boolean> {
  try {
    const serve = serveInvocation(argv, process.env);
    if (!serve) return false;
    const runner = new ProcessRunner();
    // A session stopped by a signal (the console's grace period over, ssh hanging up) takes its monitors with it.
    let stopMonitors = () => undefined as void;
    const signals = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
    for (const [sig, code] of Object.entries(signals)) {
      process.on(sig, () => {
        stopMonitors();
        process.exit(code);
      });
    }
    const session = await rememberingHost(runner, iptablesCommands(process.env.SWITCHYARD_IPTABLES ?? 'iptables'));
    stopMonitors = session.stop;
    try {
      await serveStdio({
        input: process.stdin,
        output: process.stdout,
        globals: serve.globals,
        io: { runner },
        memory: session.memory,
        probe: realHostProbe({ stateDir: serve.stateDir, runner, iptables: session.iptables, factStamp: session.factStamp, announced: session.announced, intervalMs: defaultWatchIntervalMs }),
      });
    } finally {
      session.stop();
    }
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    process.stderr.write(argv.includes('--json') ? JSON.stringify({ code: e.code, message: e.message, field: e.field }) + '\n' : `switchyard: ${e.message}\n`);
    process.exitCode = e.exitCode;
  }
  return true;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

main().catch((e: unknown) => {
  // runSwitchyard turns every failure into a message; this is the last guard, still without a trace.
  process.stderr.write(`switchyard: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
