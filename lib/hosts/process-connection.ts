import { spawn } from 'node:child_process';
import type { ProcessCommand } from './engine-command';
import { SessionChannel, type Connector } from './session-channel';

const stderrKept = 2_000;
const graceMs = 2_000;

// The last lines a dying process printed are usually why it died ("Host key verification failed.").
const lastWords = (stderr: string): string =>
  stderr
    .trim()
    .split('\n')
    .filter((l) => l.trim())
    .slice(-2)
    .join(' ')
    .trim();

/**
 * A connection that runs `command` (which starts `switchyard serve --stdio` somewhere) and speaks
 * the protocol over its stdin and stdout. It ends when the process exits, with its last words.
 */
export function processConnector(host: string, command: ProcessCommand): Connector {
  return (events) => {
    const child = spawn(command.file, command.args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    const channel = new SessionChannel(host, (line) => child.stdin.write(line), events);
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => channel.receive(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-stderrKept);
    });
    child.stdin.on('error', () => undefined); // EPIPE when it died: the exit handler says why
    child.on('error', (e) => channel.end(`cannot start ${command.file}: ${e.message}`));
    child.on('close', (code, signal) => {
      const why = lastWords(stderr);
      channel.end(`${signal ? `its engine was stopped (${signal})` : `its engine exited with code ${code}`}${why ? `: ${why}` : ''}`);
    });
    return {
      ready: channel.ready,
      ended: channel.ended,
      request: (args, input, timeoutMs) => channel.request(args, input, timeoutMs),
      close() {
        child.stdin.end(); // serve leaves at end of input
        const term = setTimeout(() => child.kill('SIGTERM'), graceMs);
        const kill = setTimeout(() => child.kill('SIGKILL'), graceMs * 2);
        void channel.ended.then(() => {
          clearTimeout(term);
          clearTimeout(kill);
        });
      },
    };
  };
}
