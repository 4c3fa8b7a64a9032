import type { SaxesTagNS } from 'saxes';
import { fileLabel, invalidGpx } from './gpx-errors';

const gpxNamespaces: Record<string, '1.0' | '1.1'> = {
  'http://www.topografix.com/GPX/1/0': '1.0',
  'http://www.topografix.com/GPX/1/1': '1.1',
};

/** What the root element says about a GPX file. */
export interface GpxRoot {
  /** The namespace its GPX elements are in: a GPX 1.0 or 1.1 one, or none. */
  uri: string;
  version: '1.0' | '1.1' | 'unknown';
  creator?: string;
}

/**
 * Reads the root element, refusing anything but `<gpx>` in the GPX 1.0 or 1.1
 * namespace, or in none (then the `version` attribute tells which).
 */
export function readGpxRoot(path: string, tag: SaxesTagNS): GpxRoot {
  const fail = (problem: string) => invalidGpx(path, `${fileLabel(path)} ${problem}`);
  if (tag.local !== 'gpx') {
    throw fail(`is not a GPX file: its root element is <${tag.name}>, not <gpx>.`);
  }
  const known = gpxNamespaces[tag.uri];
  if (tag.uri !== '' && known === undefined) {
    throw fail(`is not GPX 1.0 or 1.1: its namespace is ${tag.uri}.`);
  }
  const declared = tag.attributes.version?.value.trim();
  const version = known ?? (declared === '1.0' || declared === '1.1' ? declared : 'unknown');
  const creator = tag.attributes.creator?.value;
  return creator === undefined ? { uri: tag.uri, version } : { uri: tag.uri, version, creator };
}
