/** Runs once when the server starts, before it takes requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startConsoleServer } = await import('./lib/auth/server-start');
  await startConsoleServer();
  // The hub opens every host's session now, so the first page already has something to draw.
  const { networkHub } = await import('./lib/hub');
  await networkHub();
  const metricsListen = process.env.SWITCHYARD_METRICS_LISTEN?.trim();
  if (metricsListen) {
    const { serveMetricsOnLoopback } = await import('./lib/console/metrics/scrape');
    await serveMetricsOnLoopback(metricsListen);
  }
}
