/** Stable node and edge ids: the same thing keeps the same id across refreshes, so it keeps its place. */
export const nodeId = {
  host: (host: string) => `host:${host}`,
  iface: (host: string, iface: string) => `iface:${host}:${iface}`,
  exposed: (host: string, address: string) => `exposed:${host}:${address}`,
  container: (name: string) => `container:${name}`,
  service: (name: string) => `service:${name}`,
  client: (name: string) => `client:${name}`,
  address: (address: string) => `address:${address}`,
};

/** A binding edge's id: binding ids are unique per host, not across hosts. */
export const bindingEdgeId = (host: string, id: string): string => `binding:${host}/${id}`;

/** A foreign DNAT rule's edge id (and selection key text): refs are unique per host. */
export const foreignEdgeId = (host: string, ref: string): string => `foreign:${host}/${ref}`;
