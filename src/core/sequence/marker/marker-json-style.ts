/** How a JSON file was laid out, so that a rewrite changes only what it means to. */
export interface JsonStyle {
  bom: boolean;
  /** The indent unit (`'  '`, `'    '`, `'\t'`), or undefined for minified JSON. */
  indent?: string;
  newline: '\n' | '\r\n';
  /** Whatever followed the JSON value (a final newline, stray spaces). */
  trailer: string;
  /** Whatever preceded it (after any BOM). */
  leader: string;
}

/** Reads the layout of a JSON text: BOM, indent unit, line ending and what surrounds the value. */
export function detectJsonStyle(text: string): JsonStyle {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const leader = /^\s*/.exec(body)?.[0] ?? '';
  const trailer = /\s*$/.exec(body)?.[0] ?? '';
  const value = body.slice(leader.length, body.length - trailer.length);
  const newline = value.includes('\r\n') ? '\r\n' : '\n';
  // The first indented line of a pretty file is a member of the outer value: one unit deep.
  const indent = /\n([ \t]+)\S/.exec(value)?.[1];
  return { bom, newline, trailer, leader, ...(indent === undefined ? {} : { indent }) };
}

/**
 * Serialises `value` in `style`. Numbers come out in JavaScript's shortest form, which
 * is how the MTP Desktop Uploader (JavaScript) wrote them, so its files round-trip
 * byte for byte; a number written with extra digits elsewhere would be normalised.
 */
export function formatJson(value: unknown, style: JsonStyle): string {
  let body = JSON.stringify(value, null, style.indent);
  if (style.newline === '\r\n') body = body.replace(/\n/g, '\r\n');
  return `${style.bom ? '\uFEFF' : ''}${style.leader}${body}${style.trailer}`;
}
