import { badInput } from '../errors';

/** `switchyard [GLOBALS] serve --stdio [GLOBALS]`, read apart: the globals every request inherits. */
export interface ServeInvocation {
  globals: string[];
  /** The state dir the session watches (as each request will resolve it). */
  stateDir: string;
}

const valueGlobals = new Set(['--state-dir', '--backend']);

/**
 * Recognise a serve command line; null when argv is some other verb. Throws bad-input for
 * `serve` without `--stdio` or with arguments serve does not take.
 */
export function serveInvocation(argv: readonly string[], env: Record<string, string | undefined>): ServeInvocation | null {
  const globals: string[] = [];
  let verb: string | undefined;
  let stdio = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.split('=')[0];
    if (valueGlobals.has(name)) {
      globals.push(a);
      if (!a.includes('=') && i + 1 < argv.length) globals.push(argv[++i]);
    } else if (a === '--json') continue;
    else if (a === '--stdio') stdio = true;
    else if (verb === undefined && !a.startsWith('-')) {
      verb = a;
      if (verb !== 'serve') return null;
    } else if (verb === 'serve') throw badInput(a.startsWith('--') ? a.slice(2) : 'arguments', `serve takes only --stdio and global options, got "${a}"`);
    else return null;
  }
  if (verb !== 'serve') return null;
  if (!stdio) throw badInput('stdio', 'serve needs --stdio (requests on stdin, answers and status events on stdout)');
  const at = globals.findIndex((g) => g === '--state-dir' || g.startsWith('--state-dir='));
  const stateDir = at < 0 ? (env.SWITCHYARD_STATE_DIR ?? '/var/lib/switchyard') : globals[at].includes('=') ? globals[at].slice('--state-dir='.length) : globals[at + 1];
  if (!stateDir || !stateDir.startsWith('/')) throw badInput('state-dir', `must be an absolute path, got "${stateDir ?? ''}"`);
  return { globals, stateDir };
}
