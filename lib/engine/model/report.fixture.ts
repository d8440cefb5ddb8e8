// Reports as a host's engine prints them, for tests: an export `a1:4422` behind eth0's port 2211,
// active, and the status of a host holding such bindings. Tests change what they look at with `over`.
import type { BindingReport, StatusReport } from './report';

/** One active export binding `id`, with what `over` changes. */
export function exportReport(id: string, over: Partial<BindingReport> = {}): BindingReport {
  return {
    id,
    kind: 'export',
    proto: 'tcp',
    front: { port: 2211, iface: 'eth0' },
    target: { name: 'a1', address: '10.2.1.1', port: 4422 },
    masquerade: true,
    revision: 1,
    state: 'active',
    counters: { packets: 0, bytes: 0 },
    rules: [],
    ...over,
  };
}

/** `status --json` of `host` holding these bindings (ids become plain exports), with what `over` changes. */
export function statusReport(host: string, bindings: readonly (string | BindingReport)[], over: Partial<StatusReport> = {}): StatusReport {
  return {
    host,
    backend: 'iptables',
    facts: { hostname: host, ipForward: true, weave: false, interfaces: [] },
    exposed: [],
    bindings: bindings.map((b) => (typeof b === 'string' ? exportReport(b) : b)),
    foreign: [],
    warnings: [],
    ...over,
  };
}
