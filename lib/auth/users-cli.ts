import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import { dataDir, openStore, type Database } from '@/lib/store';
import { generatePassword, passwordProblem } from './password';
import { parseRole } from './roles';
import { createToken } from './tokens';
import { createUser, listUsers, removeUser, UserError } from './users';

const usage = `Usage: npm run users -- VERB …
  add NAME --role viewer|operator|admin [--hosts h1,h2] [--password-stdin]
                     create a user; without --password-stdin a password is generated and printed once
  list               every user with role and hosts
  remove NAME        remove a user, their sessions and tokens
  token NAME [--label TEXT]
                     create an API token for NAME, printed once (only its hash is kept)
The store is SWITCHYARD_DATA_DIR (default .switchyard/ under the working directory).`;

/** A mistake in how the command was called: shown with the usage, exit code 2. */
class UsageError extends Error {}

/** Run one users command against a store; returns what to print. */
export async function runUsersCommand(argv: readonly string[], db: Database, readStdin: () => Promise<string>): Promise<string> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { role: { type: 'string' }, hosts: { type: 'string' }, 'password-stdin': { type: 'boolean' }, label: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [verb, name, ...extra] = positionals;
  if (values.help || !verb) return usage;
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  switch (verb) {
    case 'add': {
      if (!name) throw new UsageError('add needs a NAME');
      const role = parseRole(values.role);
      if (!role) throw new UsageError('add needs --role viewer, operator or admin');
      const hosts = values.hosts ? values.hosts.split(',').map((h) => h.trim()).filter(Boolean) : null;
      const given = values['password-stdin'] ? (await readStdin()).replace(/\r?\n$/, '') : null;
      const problem = given !== null ? passwordProblem(given) : undefined;
      if (problem) throw new UsageError(`the password ${problem}`);
      const password = given ?? generatePassword();
      // A password someone chose is theirs to keep; a generated one is printed here and changed at first sign-in.
      const user = await createUser({ username: name, role, hosts, password, mustChangePassword: given === null }, db);
      const limits = user.hosts ? ` on ${user.hosts.join(', ')}` : '';
      return given === null
        ? `Created ${user.username} (${user.role}${limits}).\nPassword (shown once; to be changed at first sign-in): ${password}`
        : `Created ${user.username} (${user.role}${limits}).`;
    }
    case 'list':
      return listUsers(db)
        .map((u) => `${u.username}\t${u.role}\t${u.hosts ? u.hosts.join(',') : 'all hosts'}${u.mustChangePassword ? '\t(must change password)' : ''}`)
        .join('\n') || '(no users)';
    case 'remove':
      if (!name) throw new UsageError('remove needs a NAME');
      removeUser(name, db);
      return `Removed ${name}.`;
    case 'token': {
      if (!name) throw new UsageError('token needs a NAME');
      const token = createToken(name, values.label, db);
      return `API token for ${name} (shown once; send it as "Authorization: Bearer <token>"):\n${token}`;
    }
    default:
      throw new UsageError(`unknown verb "${verb}"`);
  }
}

async function main(): Promise<number> {
  let db: Database | undefined;
  try {
    db = openStore(dataDir());
    process.stdout.write((await runUsersCommand(process.argv.slice(2), db, () => text(process.stdin))) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`users: ${e.message}\n\n${usage}\n`);
      return 2;
    }
    if (e instanceof UserError) {
      process.stderr.write(`users: ${e.message}\n`);
      return e.code === 'bad-input' ? 2 : 1;
    }
    process.stderr.write(`users: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    db?.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) process.exitCode = await main();
