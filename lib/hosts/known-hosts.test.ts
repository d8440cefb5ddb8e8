import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint, knownHostsName, pinHostKey, pinnedKeys, unpinHostKey } from './known-hosts';

const dir = mkdtempSync(path.join(tmpdir(), 'sy-known-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A real ed25519 public key and the fingerprint `ssh-keygen -lf` prints for it.
const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINYnx5p6ucl38GN+7Acf3DstCg966t9uCO/8hwvI25o3 x';
const other = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHX4tqGgGIF1GgFvjO0jJ6IY4Wq9s9ZU7xsItRz0ohWy';

describe('known hosts', () => {
  it('names hosts as ssh looks them up', () => {
    expect(knownHostsName({ ssh: 'root@10.2.1.132' })).toBe('10.2.1.132');
    expect(knownHostsName({ ssh: 'far', port: 2222 })).toBe('[far]:2222');
    expect(knownHostsName({ ssh: 'far', port: 22 })).toBe('far');
  });

  it('fingerprints a key as ssh-keygen does', () => {
    expect(fingerprint(key)).toBe('SHA256:T6HRi4Z6/t8cWBZ/iyPCXBOfZr+6RankruziztsrtMo');
    expect(fingerprint(key)).not.toBe(fingerprint(other));
    expect(() => fingerprint('garbage')).toThrow(/not an ssh public key/);
  });

  it('pins a key once, and never replaces a different pin', () => {
    const file = path.join(dir, 'ssh', 'known_hosts');
    const host = { ssh: 'root@10.2.1.132' };
    expect(pinHostKey(file, host, key)).toBe('pinned');
    expect(pinHostKey(file, host, key)).toBe('already pinned');
    expect(pinHostKey(file, host, other)).toBe('pinned differently');
    expect(pinnedKeys(file, '10.2.1.132')).toEqual([key.split(' ').slice(0, 2).join(' ')]);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    pinHostKey(file, { ssh: 'other' }, other);
    expect(unpinHostKey(file, host)).toBe(1);
    expect(pinnedKeys(file, '10.2.1.132')).toEqual([]);
    expect(pinnedKeys(file, 'other')).toHaveLength(1);
    expect(pinHostKey(file, host, other)).toBe('pinned');
  });
});
