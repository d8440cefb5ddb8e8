import { describe, expect, it } from 'vitest';
import { consoleAddress, hostNameOf, isConsoleHost, isConsoleOrigin } from './console-address';

const machine = () => new Set(['console-1', '192.0.2.10', 'fe80::1']);
const local = consoleAddress({}, machine);
const proxied = consoleAddress({ SWITCHYARD_URL: 'https://switchyard.example.net' }, machine);

describe('Host check', () => {
  it('always accepts loopback names, with any port', () => {
    for (const h of ['localhost:3000', 'localhost', '127.0.0.1:3000', '127.9.9.9', '[::1]:3000', 'app.localhost:3000']) {
      expect(isConsoleHost(h, local), h).toBe(true);
      expect(isConsoleHost(h, proxied), h).toBe(true);
    }
  });

  it("without SWITCHYARD_URL accepts the machine's own hostname and addresses, and nothing else", () => {
    expect(isConsoleHost('console-1:3000', local)).toBe(true);
    expect(isConsoleHost('192.0.2.10:3000', local)).toBe(true);
    expect(isConsoleHost('[fe80::1]:3000', local)).toBe(true);
    expect(isConsoleHost('evil.example:3000', local)).toBe(false);
    expect(isConsoleHost('switchyard.example.net', local)).toBe(false);
  });

  it('with SWITCHYARD_URL accepts its name (and loopback) only', () => {
    expect(isConsoleHost('switchyard.example.net', proxied)).toBe(true);
    expect(isConsoleHost('SWITCHYARD.example.net', proxied)).toBe(true);
    expect(isConsoleHost('console-1:3000', proxied)).toBe(false);
    expect(isConsoleHost('evil.example', proxied)).toBe(false);
  });

  it('refuses a missing or malformed Host', () => {
    for (const h of [null, '', 'a b', 'user@localhost', 'localhost/x', 'localhost:3000:1']) expect(isConsoleHost(h, local), String(h)).toBe(false);
    expect(hostNameOf('Localhost:3000')).toBe('localhost');
    expect(hostNameOf('localhost:3000')).toBe('localhost');
  });

  it('says what SWITCHYARD_URL should look like when it is not a URL', () => {
    expect(() => consoleAddress({ SWITCHYARD_URL: 'switchyard' })).toThrow(/not a URL/);
  });
});

describe('Origin check', () => {
  it('accepts exactly the origin of the host the request was sent to', () => {
    expect(isConsoleOrigin('http://localhost:3000', 'localhost:3000', local)).toBe(true);
    expect(isConsoleOrigin('http://localhost:3001', 'localhost:3000', local)).toBe(false);
    expect(isConsoleOrigin('http://127.0.0.1:3000', 'localhost:3000', local)).toBe(false);
    expect(isConsoleOrigin('http://evil.example:3000', 'evil.example:3000', local)).toBe(false);
  });

  it('accepts the public origin behind a proxy that rewrites Host', () => {
    expect(isConsoleOrigin('https://switchyard.example.net', '127.0.0.1:3000', proxied)).toBe(true);
    expect(isConsoleOrigin('http://switchyard.example.net', '127.0.0.1:3000', proxied)).toBe(false);
  });

  it('refuses a missing, opaque or non-web Origin', () => {
    for (const o of [null, '', 'null', 'file://', 'chrome-extension://abc']) expect(isConsoleOrigin(o, 'localhost:3000', local), String(o)).toBe(false);
  });
});
