import path from 'node:path';

/** Where the console keeps its own data: `SWITCHYARD_DATA_DIR`, else `.switchyard/` under the working directory. */
export const dataDir = (env: Record<string, string | undefined> = process.env): string =>
  path.resolve(/*turbopackIgnore: true*/ env.SWITCHYARD_DATA_DIR || path.join(process.cwd(), '.switchyard'));
