// `npm run lab -- up|down|status [--json]`: the seed topology as real namespaces (root only).
import { labDown } from './down';
import { LabError } from './lab-error';
import { labStatus, type LabStatus, type MachineStatus } from './status';
import { labUp } from './up';

const usage = 'usage: npm run lab -- up [--backend iptables|nft]|down|status [--json]';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const b = argv.indexOf('--backend');
  const backend = b >= 0 ? argv[b + 1] : undefined;
  if (backend !== undefined && backend !== 'iptables' && backend !== 'nft') return fail(usage, 2);
  const verbs = argv.filter((a, i) => a !== '--json' && (b < 0 || (i !== b && i !== b + 1)));
  if (verbs.length !== 1) return fail(usage, 2);
  switch (verbs[0]) {
    case 'up': {
      const r = await labUp({ backend });
      if (json) return print(r);
      console.log(`lab up: ${r.namespaces.length} namespaces (${r.namespaces.join(' ')})`);
      console.log(`services: ${r.services.map((s) => `${s.machine}:${s.port} (pid ${s.pid})`).join(', ')}`);
      console.log(`inventory: ${r.inventoryPath}`);
      return 0;
    }
    case 'down': {
      const r = await labDown();
      if (json) return print(r);
      console.log(`lab down: removed ${r.namespaces.length} namespaces${r.processes ? `, stopped ${r.processes} stray processes` : ''}`);
      return 0;
    }
    case 'status': {
      const s = await labStatus();
      if (json) print(s);
      else printStatus(s);
      return s.up ? 0 : 1;
    }
    default:
      return fail(usage, 2);
  }
}

function printStatus(s: LabStatus): void {
  const line = (m: MachineStatus) => {
    const ifaces = m.interfaces.map((i) => `${i.name} ${i.address}${i.present ? '' : ' (missing)'}`).join(', ');
    const services = m.services.map((x) => ` service ${x.port}/${x.proto} ${x.running ? 'running' : 'stopped'}`).join('');
    console.log(`  ${m.name.padEnd(6)} ${m.namespace.padEnd(9)} ${m.present ? '' : '(no namespace) '}${ifaces}${services}`);
  };
  console.log(`lab ${s.up ? 'up' : 'not up'}; overlay bridge in ${s.overlay.namespace}${s.overlay.present ? '' : ' (missing)'}${s.owner ? `; owned by pid ${s.owner}` : ''}`);
  for (const [title, list] of [['hosts', s.hosts], ['containers', s.containers], ['services', s.services], ['clients', s.clients]] as const) {
    console.log(`${title}:`);
    list.forEach(line);
  }
  if (s.inventoryPath) console.log(`inventory: ${s.inventoryPath}`);
  for (const p of s.problems) console.log(`problem: ${p}`);
}

function print(doc: unknown): number {
  console.log(JSON.stringify(doc, null, 2));
  return 0;
}

function fail(message: string, code: number): number {
  console.error(message);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof LabError ? `lab: ${err.message}` : err);
    process.exit(1);
  },
);
