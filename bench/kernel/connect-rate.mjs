// New TCP connections per second, for `npm run bench -- --kernel`.
//   node connect-rate.mjs serve PORT            accept and close at once (prints "ready")
//   node connect-rate.mjs measure HOST PORT SECONDS CONCURRENCY   prints {"perSecond":…,"failed":…}
// Each connection is closed with a reset as soon as it is up.
import net from 'node:net';

const [mode, ...args] = process.argv.slice(2);
if (mode === 'serve') {
  const server = net.createServer((s) => s.destroy());
  server.listen(Number(args[0]), '0.0.0.0', () => console.log('ready'));
} else if (mode === 'measure') {
  const [host, port, seconds, concurrency] = [args[0], Number(args[1]), Number(args[2]), Number(args[3])];
  const end = Date.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  const one = () =>
    new Promise((resolve) => {
      const s = net.connect({ host, port });
      s.setTimeout(3000, () => s.destroy(new Error('timeout')));
      s.on('connect', () => {
        done++;
        // A reset, not a FIN: no TIME_WAIT is left behind, so the ephemeral ports a measurement used
        // are free for the next one (with FIN, ~18,000 TIME_WAIT sockets from the 10-binding run
        // could slow the 10,000-binding run that follows seconds later).
        s.resetAndDestroy();
        resolve();
      });
      s.on('error', () => {
        failed++;
        resolve();
      });
    });
  const worker = async () => {
    while (Date.now() < end) await one();
  };
  const start = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  console.log(JSON.stringify({ perSecond: done / ((Date.now() - start) / 1000), failed }));
} else {
  console.error('usage: connect-rate.mjs serve PORT | measure HOST PORT SECONDS CONCURRENCY');
  process.exit(2);
}
