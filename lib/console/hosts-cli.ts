// `npm run hosts -- trust HOST [--yes | --expect SHA256:…]` and `npm run hosts -- install HOST [--path P]`:
// the operator's side of the ssh transport (pin a host's key; copy the engine bundle to it).
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { defaultCli } from '@/lib/hosts/engine-command';
import { knownHostsName, pinnedKeys } from '@/lib/hosts/known-hosts';
import { ensureConsoleKey } from '@/lib/hosts/console-key';
import { sshSettings } from '@/lib/hosts/ssh-settings';
import { installEngine, scanHostKey, trustHostKey } from '@/lib/hosts/ssh-tools';
import { fingerprint } from '@/lib/hosts/known-hosts';
import { loadInventory } from './load-inventory';

const usage = 'usage: npm run hosts -- trust HOST [--yes | --expect SHA256:…]  |  install HOST [--path /usr/local/bin/switchyard]';
const defaultInstallPath = '/usr/local/bin/switchyard';

function flag(argv: string[], name: string): string | true | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  return v && !v.startsWith('--') ? v : true;
}

async function sshHost(name: string) {
  const inventory = await loadInventory();
  const host = inventory.hosts.find((h) => h.name === name);
  if (!host) throw new Error(`there is no host "${name}" in the inventory (${process.env.SWITCHYARD_INVENTORY || 'the embedded simulated network'})`);
  if (host.transport !== 'ssh') throw new Error(`${name} is reached through ${host.transport}, not ssh`);
  return host;
}

async function trust(name: string, argv: string[]): Promise<number> {
  const host = await sshHost(name);
  const s = sshSettings();
  ensureConsoleKey(s);
  const seen = await scanHostKey(host, s);
  const known = pinnedKeys(s.knownHostsFile, knownHostsName(host));
  console.log(`${name} (${knownHostsName(host)}) presents ${seen.key.split(' ')[0]} key ${seen.fingerprint}`);
  if (known.includes(seen.key)) {
    console.log('already trusted');
    return 0;
  }
  if (known.length) {
    console.error(`REFUSED: ${s.knownHostsFile} pins another key for it (${known.map(fingerprint).join(', ')}). If the host was really reinstalled, remove that line first.`);
    return 1;
  }
  const expect = flag(argv, '--expect');
  if (typeof expect === 'string' && expect !== seen.fingerprint) {
    console.error(`REFUSED: expected ${expect}`);
    return 1;
  }
  if (expect === undefined && flag(argv, '--yes') === undefined) {
    if (!process.stdin.isTTY) {
      console.error('not recorded: compare the fingerprint with the host (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then run again with --expect FINGERPRINT or --yes');
      return 1;
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question('Trust this key? [y/N] ');
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim())) return 1;
  }
  const r = trustHostKey(host, s, seen.key);
  console.log(`${r.outcome} in ${s.knownHostsFile}`);
  return 0;
}

async function install(name: string, argv: string[]): Promise<number> {
  const host = await sshHost(name);
  const path = flag(argv, '--path');
  const destination = typeof path === 'string' ? path : (host.cli ?? defaultInstallPath);
  const bundle = defaultCli();
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build:cli\` first`);
  await installEngine(host, sshSettings(), bundle, destination);
  console.log(`installed ${bundle} on ${name} as ${destination}${host.cli || typeof path === 'string' ? '' : ' (on its PATH)'}`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [verb, name] = argv;
  if (!name || name.startsWith('--')) return (console.error(usage), 2);
  if (verb === 'trust') return trust(name, argv.slice(2));
  if (verb === 'install') return install(name, argv.slice(2));
  console.error(usage);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`hosts: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
