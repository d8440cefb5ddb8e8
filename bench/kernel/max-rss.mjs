// Runs the CLI bundle given as the first argument and prints its peak resident memory (KiB) on stderr:
//   node max-rss.mjs dist/switchyard.mjs list …
process.on('exit', () => process.stderr.write(`\nmax-rss-kib ${process.resourceUsage().maxRSS}\n`));
const cli = process.argv[2];
process.argv.splice(1, 1); // the CLI reads its arguments from argv[2] on
await import(cli);
