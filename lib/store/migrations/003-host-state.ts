import type { Migration } from '../migration';

/** The hub's last-known status of each host, so a restarted console draws the network at once. */
export const hostState: Migration = {
  version: 3,
  name: 'host-state',
  sql: `
    CREATE TABLE host_state (
      name TEXT PRIMARY KEY,             -- the host's name in the inventory
      status TEXT NOT NULL,              -- JSON: the StatusReport it last reported
      seen_at TEXT NOT NULL              -- ISO time it was last known to answer
    );
  `,
};
