import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Where the lab keeps everything it makes at run time; `down` removes the whole directory. */
export const labDir = '/run/switchyard-lab';

/** Who owns the lab now: the pid of the process that brought it up (outside labDir, which `down` empties). */
export const ownerPath = '/run/switchyard-lab.owner';

/** The console inventory `up` writes. */
export const inventoryPath = path.join(labDir, 'inventory.json');

/** How many extra engine hosts `up --hosts N` built. */
export const labSizePath = path.join(labDir, 'extra-hosts');

/** One pid file per running lab service. */
export const pidDir = path.join(labDir, 'pids');

/** The engine state dir of one lab host (the hosts share a filesystem, so each needs its own). */
export const stateDirOf = (host: string): string => path.join(labDir, host);

/** The bundled engine CLI of the repository the lab runs from. */
export const cliPath = fileURLToPath(new URL('../../dist/switchyard.mjs', import.meta.url));

/** The program each lab service runs. */
export const nameServicePath = fileURLToPath(new URL('./name-service.mjs', import.meta.url));

/** Where `ip netns exec` looks for per-namespace files to mount over `/etc`. */
export const netnsEtcRoot = '/etc/netns';

/** Per-namespace files that `ip netns exec` mounts over `/etc` (for `/etc/hosts`). */
export const netnsEtcDir = (namespace: string): string => path.join(netnsEtcRoot, namespace);
