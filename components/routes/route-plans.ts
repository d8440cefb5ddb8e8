import type { ChangeReport } from '@/lib/console/topology';

/** What a route would change on each of its hosts, import host first. */
export type RoutePlans = { host: string; plan: ChangeReport }[];
