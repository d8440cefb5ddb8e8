import { describe, expect, it } from 'vitest';
import { resolveRole } from './role';

describe('resolveRole', () => {
  it('lets callers operate by default', () => expect(resolveRole(undefined, null)).toBe('operator'));
  it('keeps a viewer ceiling whatever the header says', () => expect(resolveRole('viewer', 'operator')).toBe('viewer'));
  it('lets the header lower an operator to a viewer', () => expect(resolveRole('operator', 'viewer')).toBe('viewer'));
  it('treats an unknown configured role as a viewer, never as an operator', () => expect(resolveRole('admin', null)).toBe('viewer'));
});
