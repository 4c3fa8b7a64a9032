type State = 'value' | 'first-value' | 'key' | 'first-key' | 'after';

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const literals = ['true', 'false', 'null'];

/** The end of the string opening at `start`, or `-(offset of its fault) - 1`. */
function scanString(s: string, start: number): number {
  let i = start + 1;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -i - 1;
    if (c === 0x5c) {
      const next = s[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) return -i - 1;
        i += 6;
      } else if (next !== undefined && escapes.has(next)) i += 2;
      else return -i - 1;
    } else i++;
  }
  return -s.length - 1;
}

/** The offset just past a scalar value at `i`, or undefined when none starts there. */
function scanScalar(s: string, i: number): number | undefined {
  if (s[i] === '"') {
    const end = scanString(s, i);
    return end >= 0 ? end : undefined;
  }
  numberPattern.lastIndex = i;
  if (numberPattern.exec(s)) return numberPattern.lastIndex;
  const literal = literals.find((l) => s.startsWith(l, i));
  return literal === undefined ? undefined : i + literal.length;
}

/**
 * Where a JSON text first breaks (an offset), or undefined if it does not. JSON.parse
 * says where only for some faults and in wording that changes between Node versions,
 * so this small scanner finds the place itself; it runs only after JSON.parse failed.
 */
export function jsonErrorOffset(s: string): number | undefined {
  const stack: string[] = [];
  let state: State = 'value';
  let i = 0;
  for (;;) {
    while (i < s.length && ' \t\n\r'.includes(s.charAt(i))) i++;
    const c = s[i];
    if (state === 'after') {
      const top = stack.at(-1);
      if (top === undefined) return i < s.length ? i : undefined;
      if (c === ',') {
        state = top === '{' ? 'key' : 'value';
        i++;
      } else if (c === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else return i;
      continue;
    }
    if (c === undefined) return i;
    if (state === 'first-key' && c === '}') {
      stack.pop();
      state = 'after';
      i++;
    } else if (state === 'key' || state === 'first-key') {
      if (c !== '"') return i;
      const end = scanString(s, i);
      if (end < 0) return -end - 1;
      i = end;
      while (i < s.length && ' \t\n\r'.includes(s.charAt(i))) i++;
      if (s[i] !== ':') return i;
      state = 'value';
      i++;
    } else if (state === 'first-value' && c === ']') {
      stack.pop();
      state = 'after';
      i++;
    } else if (c === '{' || c === '[') {
      stack.push(c);
      state = c === '{' ? 'first-key' : 'first-value';
      i++;
    } else {
      const end = scanScalar(s, i);
      if (end === undefined) return c === '"' ? -scanString(s, i) - 1 : i;
      state = 'after';
      i = end;
    }
  }
}

/** The line (from 1) on which a JSON text first breaks, or undefined if it does not. */
export function jsonErrorLine(source: string): number | undefined {
  const offset = jsonErrorOffset(source);
  if (offset === undefined) return undefined;
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}
