/**
 * `npm run bench -- --kernel` (root): the engine on the real kernel, in namespaces this bench makes
 * and removes. Rows per backend; each says which tool measured it. Minimal entry for the nft rows.
 */
import { nftKernelRows, type BenchRow } from './nft';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
};

/** Print rows as an aligned table. */
export function printRows(backend: string, rows: BenchRow[]): void {
  for (const r of rows) {
    console.log(`${backend.padEnd(9)} ${r.what.padEnd(52)} ${r.a.padStart(10)} ${r.b.padStart(10)}   ratio ${r.ratio.toFixed(2)}x  (goal ${r.goal}; ${r.tools})`);
  }
}

export async function runKernelBench(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('the kernel bench needs root (network namespaces)');
  const large = arg('--bindings') ?? Number(process.env.BENCH_BINDINGS ?? 10_000);
  console.log(`Switchyard kernel bench: 10 vs ${large} bindings, real kernel (nft ${(await import('execa')).execaSync('nft', ['--version']).stdout})\n`);
  printRows('nft', await nftKernelRows({ large, log: (s) => console.error(`… ${s}`) }));
}
