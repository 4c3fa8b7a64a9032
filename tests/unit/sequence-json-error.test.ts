import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorLine, jsonErrorOffset } from '../../src/core/sequence/folder/folder-json-error';

const v8Accepts = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorOffset', () => {
  it('points at the first fault', () => {
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('{"a":1}}')).toBe(7);
    expect(jsonErrorOffset('"a\nb"')).toBe(2);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonErrorOffset('TRUE')).toBe(0);
  });

  it('gives the line of the fault', () => {
    expect(jsonErrorLine('{\r\n  "a": 1,\r\n  "b": 2,\r\n}')).toBe(4);
    expect(jsonErrorLine('{"a": [1, 2]}')).toBeUndefined();
  });

  it('agrees with JSON.parse on every valid document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        expect(jsonErrorOffset(JSON.stringify(value, null, indent))).toBeUndefined();
      }),
    );
  });

  it('agrees with JSON.parse on damaged documents', () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', '\\', '0', '{', '['),
        fc.nat(3),
        (text, at, insert, remove) => {
          const cut = at % (text.length + 1);
          const damaged = text.slice(0, cut) + insert + text.slice(cut + remove);
          expect(jsonErrorOffset(damaged) === undefined).toBe(v8Accepts(damaged));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
