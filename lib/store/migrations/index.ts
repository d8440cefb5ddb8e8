import type { Migration } from '../migration';
import { identity } from './001-identity';
import { audit } from './002-audit';
import { hostState } from './003-host-state';
import { layout } from './004-layout';

/** Every migration, in order. A new one gets the next free number, its own file, and a line here. */
export const migrations: readonly Migration[] = [identity, audit, hostState, layout];
