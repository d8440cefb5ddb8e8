// `npm run -s sim -- generate --hosts N --bindings B > net.json`: an inventory of N simulated hosts
// holding B bindings between them, for trying the console on a large network without root.
// Only the inventory's JSON goes to stdout; usage and errors go to stderr.
import { parseArgs } from 'node:util';
import { generateSimInventory } from './generate-sim-inventory';

const usage = 'usage: npm run -s sim -- generate --hosts N [--bindings B] > net.json\n  then: SWITCHYARD_INVENTORY=net.json npm start';

function wholeNumber(flag: string, v: string): number {
  if (!/^\d+$/.test(v)) throw new RangeError(`${flag}: must be a whole number, got "${v}"`);
  return Number(v);
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { hosts: { type: 'string' }, bindings: { type: 'string', default: '0' } } });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${usage}\n`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1 || positionals[0] !== 'generate' || values.hosts === undefined) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  try {
    const inventory = generateSimInventory({ hosts: wholeNumber('hosts', values.hosts), bindings: wholeNumber('bindings', values.bindings) });
    process.stdout.write(`${JSON.stringify(inventory, null, 1)}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    process.stderr.write(`${e.message}\n${usage}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
