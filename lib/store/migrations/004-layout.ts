import type { Migration } from '../migration';

/** Where each user put each node of the graph, so the picture is the same after a reload. */
export const layout: Migration = {
  version: 4,
  name: 'layout',
  sql: `
    CREATE TABLE layout_position (
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      node_id TEXT NOT NULL,             -- the graph's stable node id (host:host1, container:a1, …)
      x REAL NOT NULL,                   -- relative to the node's host group when it is inside one
      y REAL NOT NULL,
      PRIMARY KEY (user_id, node_id)
    ) WITHOUT ROWID;
  `,
};
