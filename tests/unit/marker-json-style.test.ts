import { describe, expect, it } from 'vitest';
import { detectJsonStyle, formatJson } from '../../src/core/sequence/marker/marker-json-style';

const value = { sequence: { name: 'Walk', tags: ['a'], destination: {} }, photo: {} };

describe('detectJsonStyle and formatJson', () => {
  it.each([
    ['minified', JSON.stringify(value)],
    ['two spaces', JSON.stringify(value, null, 2)],
    ['four spaces and a final newline', `${JSON.stringify(value, null, 4)}\n`],
    ['tabs', JSON.stringify(value, null, '\t')],
    ['CRLF line endings', JSON.stringify(value, null, 2).replace(/\n/g, '\r\n')],
    ['a byte order mark and stray spaces', `\uFEFF ${JSON.stringify(value, null, 2)}   \r\n`],
  ])('writes %s back exactly as read', (_label, text) => {
    expect(formatJson(JSON.parse(text.replace(/^\uFEFF/, '')), detectJsonStyle(text))).toBe(text);
  });

  it('keeps newlines inside strings escaped when the file uses CRLF', () => {
    const text = JSON.stringify({ a: 'line one\nline two' }, null, 2).replace(/\n/g, '\r\n');
    const out = formatJson({ a: 'line one\nline two', b: true }, detectJsonStyle(text));
    expect(out).toBe('{\r\n  "a": "line one\\nline two",\r\n  "b": true\r\n}');
  });
});
