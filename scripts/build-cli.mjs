// Bundles the CLI into dist/switchyard.mjs: one self-contained file that runs with plain `node`.
import { build } from 'esbuild';

await build({
  entryPoints: ['lib/engine/cli/main.ts'],
  outfile: 'dist/switchyard.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
