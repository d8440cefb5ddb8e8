import { rmSync } from 'node:fs';

/** Remove the run's console data directory and the signed-in browser states. */
export default function globalTeardown() {
  const dataDir = process.env.SWITCHYARD_E2E_DATA_DIR;
  if (!dataDir) return;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}-browser`, { recursive: true, force: true });
}
