import { describe, expect, it } from 'vitest';
import { parseRoleMap, roleFromClaim } from './role-map';

describe('role map', () => {
  it('parses GROUP=ROLE pairs, ignoring spaces and empty entries', () => {
    expect([...parseRoleMap(' netops = operator, ,netadmins=admin,')]).toEqual([
      ['netops', 'operator'],
      ['netadmins', 'admin'],
    ]);
    expect(parseRoleMap(undefined).size).toBe(0);
    expect(parseRoleMap('').size).toBe(0);
  });

  it('keeps an = inside a group name and splits at the last one', () => {
    expect([...parseRoleMap('cn=netops=operator')]).toEqual([['cn=netops', 'operator']]);
  });

  it('refuses entries that are not GROUP=ROLE, unknown roles and contradicting entries, naming them', () => {
    expect(() => parseRoleMap('netops')).toThrow('SWITCHYARD_OIDC_ROLE_MAP: "netops" is not GROUP=ROLE');
    expect(() => parseRoleMap('=admin')).toThrow('"=admin" is not GROUP=ROLE');
    expect(() => parseRoleMap('netops=root')).toThrow('"root" in "netops=root" is not a role (viewer, operator or admin)');
    expect(() => parseRoleMap('netops=operator,netops=admin')).toThrow('"netops" is mapped twice');
  });

  it('grants the highest mapped role among the claim names', () => {
    const map = parseRoleMap('netops=operator,netadmins=admin,auditors=viewer');
    expect(roleFromClaim(['auditors', 'netops'], map)).toBe('operator');
    expect(roleFromClaim(['netops', 'netadmins'], map)).toBe('admin');
    expect(roleFromClaim('staff netadmins', map)).toBe('admin');
    expect(roleFromClaim('netops,staff', map)).toBe('operator');
  });

  it('grants viewer when no name is mapped, the claim is missing, or it is not names', () => {
    const map = parseRoleMap('netops=operator');
    expect(roleFromClaim(['staff'], map)).toBe('viewer');
    expect(roleFromClaim(undefined, map)).toBe('viewer');
    expect(roleFromClaim({ netops: true }, map)).toBe('viewer');
    expect(roleFromClaim([42, 'NetOps'], map)).toBe('viewer');
  });
});
