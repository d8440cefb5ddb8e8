// The console's Prometheus metrics (`GET /metrics`): the hub's state mapped to samples at each
// scrape, and the histogram of how long changes take to go live.
export { consoleMetrics, createConsoleMetrics, type ConsoleMetrics } from './console-metrics';
export { networkFamilies, type MetricFamily, type NetworkFamily } from './metric-families';
export { networkSamples, type NetworkSamples, type ProbedHostView, type Sample } from './network-samples';
