import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// Three layers: unit (anywhere), kernel (root, fresh namespaces), lab (root, the seed topology).
// Kernel and lab tests touch shared kernel state (namespaces, modules), so they run one file at a time.
export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'tests/unit/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'kernel', include: ['tests/kernel/**/*.test.ts'], fileParallelism: false, testTimeout: 60_000, hookTimeout: 60_000 } },
      { extends: true, test: { name: 'lab', include: ['tests/lab/**/*.test.ts'], fileParallelism: false, testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
