import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { jsonDepth, parseUntrustedJson, showValue } from './untrusted-json';
import { parseBindingFile, parsePort } from './validate';

describe('untrusted JSON', () => {
  it('measures depth from the text without recursion, stopping early past the limit', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth(JSON.stringify({ bindings: [{ to: 'a' }] }))).toBe(3);
    expect(jsonDepth(JSON.stringify({ bindings: [{ to: 'a', b: [] }], c: {} }, null, 2))).toBe(4);
    // Brackets inside strings, escaped quotes included, are text, not nesting.
    expect(jsonDepth(JSON.stringify({ id: 'a"[[[{{{', x: ['\\', '}]'] }))).toBe(2);
    expect(jsonDepth('{"a":"\\"[[[["}')).toBe(1);
    expect(jsonDepth('['.repeat(20000) + ']'.repeat(20000))).toBe(33);
  });

  it('refuses a 20,000-deep document as bad input instead of overflowing the stack', () => {
    const text = '{"bindings":[{"id":"web","kind":"export","port":' + '['.repeat(20000) + ']'.repeat(20000) + '}]}';
    expect(() => parseUntrustedJson(text, 'file')).toThrow(EngineError);
    expect(() => parseBindingFile(text)).toThrow(/nests deeper than 32 levels/);
  });

  it('quotes values shortly and never walks a structure', () => {
    expect(showValue(undefined)).toBe('nothing');
    expect(showValue({ a: 1 })).toBe('an object');
    expect(showValue([1])).toBe('a list');
    expect(showValue('x'.repeat(500)).length).toBeLessThan(70);
    const nested = JSON.parse('['.repeat(30) + ']'.repeat(30));
    expect(() => parsePort('port', nested)).toThrow(/got a list/);
  });
});
