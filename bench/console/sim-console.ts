/**
 * The console on a large simulated network, in Chromium: the console server runs in this process
 * (so the simulated hosts it serves are at hand to change behind its back, as the CLI would on a
 * real host), the browser is Debian's Chromium through Playwright.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSimInventory } from '@/lib/console/generate-sim-inventory';
import { embeddedSimNetwork, runOnSimHost } from '@/lib/hosts/sim/sim-network';
import { openConsole, percentile, timeToAppear } from './browser-timing';
import { cpuSeconds } from './process-cpu';
import { startInProcessConsole } from './in-process-console';
import { expandHosts } from './graph';

export interface SimConsoleFigures {
  hosts: number;
  bindings: number;
  firstPaintMs: number;
  graphMs: number;
  reachable: number;
  changeToBrowserMs: { p50: number; p95: number; runs: number };
  tabs: number;
  idleSeconds: number;
  cpuPercentOfOneCore: number;
  sessionsBefore: number;
  sessionsAfter: number;
  browserStreams: number;
}

/** Run the console bench on `hosts` simulated hosts (needs `npm run build` first). */
export async function simConsoleBench(opts: { hosts: number; bindings: number; changes: number; tabs: number; idleSeconds: number }): Promise<SimConsoleFigures> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sy-bench-console-'));
  const inventoryPath = path.join(dir, 'net.json');
  await writeFile(inventoryPath, JSON.stringify(generateSimInventory({ hosts: opts.hosts, bindings: opts.bindings })));
  const served = await startInProcessConsole(inventoryPath, path.join(dir, 'data'));
  const url = served.url;
  try {
    const page = await served.signedInPage();
    const context = page.context();
    const hostName = (i: number) => `sim${String(i).padStart(3, '0')}`;
    // Warm: the server has started every session; then time a fresh page as a person opening it would see it.
    await openConsole(page, url, opts.hosts, hostName(1));
    const first = await openConsole(await context.newPage(), url, opts.hosts, hostName(1));

    // A rebind made with the engine on one host, behind the console's back, until the page shows it.
    const network = await embeddedSimNetwork();
    const times: number[] = [];
    for (let i = 0; i < opts.changes; i++) {
      const host = hostName((i % opts.hosts) + 1);
      // A container no other binding of this front points at, so the moved binding is drawn as itself, not in a bundle.
      const target = `c${String(((i + 2) % opts.hosts) + 1).padStart(3, '0')}`;
      // A large network opens collapsed: open both ends' hosts so the binding is drawn.
      await expandHosts(page, [host, hostName(((i + 2) % opts.hosts) + 1)]);
      const label = `[aria-label="binding web-0: ${host} eth0:20000 → ${target}:8080"]`;
      times.push(
        await timeToAppear(page, label, async () => {
          const r = await runOnSimHost(network.get(host)!, ['rebind', 'web-0', '--to', `${target}:8080`]);
          if (r.exitCode !== 0) throw new Error(`rebind on ${host} failed: ${r.stderr}`);
        }),
      );
    }

    // Several tabs left open: no more sessions, and what the server spends meanwhile.
    for (let i = 1; i < opts.tabs; i++) await (await context.newPage()).goto(url);
    const sessionsBefore = served.sessions();
    const cpu0 = cpuSeconds('self');
    const wall0 = Date.now();
    await new Promise((r) => setTimeout(r, opts.idleSeconds * 1000));
    const cpu = cpuSeconds('self') - cpu0;
    const wall = (Date.now() - wall0) / 1000;
    return {
      hosts: opts.hosts,
      bindings: opts.bindings,
      ...first,
      changeToBrowserMs: { p50: percentile(times, 50), p95: percentile(times, 95), runs: times.length },
      tabs: opts.tabs,
      idleSeconds: opts.idleSeconds,
      cpuPercentOfOneCore: (100 * cpu) / wall,
      sessionsBefore,
      sessionsAfter: served.sessions(),
      browserStreams: await served.browserStreams(),
    };
  } finally {
    await served.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
