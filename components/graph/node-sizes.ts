// The sizes nodes are drawn at: the layout and the node components use the same numbers.

/** Every endpoint node (interface, exposed address, container, service, client, address). */
export const endpointSize = { width: 176, height: 58 } as const;
/** A host drawn collapsed: its name and what it holds, no insides. */
export const collapsedHostSize = { width: 230, height: 84 } as const;
/** Room inside a host group: the header on top, padding around, gaps between its things. */
export const hostFrame = { header: 44, pad: 14, gap: 14 } as const;
/** The overlay band under the hosts: its height and its distance from the lowest host. */
export const overlayBand = { height: 40, gap: 44 } as const;
