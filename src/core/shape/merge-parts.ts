import { basename, dirname } from 'node:path';
import { invalidGpx } from '../sequence/gpx/gpx-errors';
import type { SequenceInfo } from '../sequence/folder/sequence-info';
import { partName } from '../sequence/folder/sequence-parts';
import { TrackPointsBuilder } from './track-points';
import type { TrackPoints } from './track-points';

/** The parts of one split capture, in part order, or a folder that is not a part. */
export interface PartGroup {
  /** The folder name without `_part_N` (a single folder: its own name). */
  base: string;
  /** The sequences, part 1 first. */
  parts: SequenceInfo[];
  /** Part numbers below the highest one found that no folder given has. */
  missing: number[];
}

/**
 * Groups sequences the MTP Desktop Uploader split into `<base>_part_<N>` folders: the
 * parts of one base under one parent become one group, in part order. Every other
 * folder is a group of its own. Groups come in the order their first folder came.
 */
export function groupParts(infos: readonly SequenceInfo[]): PartGroup[] {
  const groups = new Map<
    string,
    { base: string; parts: { index: number; info: SequenceInfo }[] }
  >();
  for (const info of infos) {
    const part = partName(basename(info.folder));
    const key =
      part === undefined
        ? `folder:${info.folder}`
        : `part:${dirname(info.folder)}\0${part.base.toLowerCase()}`;
    const group = groups.get(key) ?? { base: part?.base ?? basename(info.folder), parts: [] };
    group.parts.push({ index: part?.index ?? 0, info });
    groups.set(key, group);
  }
  return [...groups.values()].map(({ base, parts }) => {
    parts.sort((a, b) => a.index - b.index);
    const have = new Set(parts.map((p) => p.index));
    const highest = parts[parts.length - 1]?.index ?? 0;
    const missing: number[] = [];
    if (parts[0]?.index !== 0) for (let n = 1; n < highest; n++) if (!have.has(n)) missing.push(n);
    return { base, parts: parts.map((p) => p.info), missing };
  });
}

/** What the one activity made of several parts is called and linked to. */
export interface MergedIdentity {
  /** The base sequence's name: part 1's name without its `_part_N`. */
  name: string;
  /** The first part's MTPW id: the activity's `external_id`. */
  externalId?: string;
  /** Every part's MTPW id, in part order: each is linked to the one activity. */
  mtpwIds: string[];
  /** Every part's folder, in part order: each gets its marker. */
  folders: string[];
}

/** The name, external id and links of a group's one activity. */
export function mergedIdentity(group: PartGroup): MergedIdentity {
  const first = group.parts[0];
  const firstName = first?.name ?? group.base;
  const name = partName(firstName)?.base ?? firstName;
  const mtpwIds = group.parts.flatMap((p) => (p.mtpwId === undefined ? [] : [p.mtpwId]));
  return {
    name,
    ...(first?.mtpwId === undefined ? {} : { externalId: first.mtpwId }),
    mtpwIds,
    folders: group.parts.map((p) => p.folder),
  };
}

/** One part's track, with how a message names it. */
export interface PartTrack {
  label: string;
  /** The part's GPX, named in the error's detail. */
  path: string;
  track: TrackPoints;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * Concatenates the parts' points in the order given, each part keeping its own
 * segments. Refuses, with the reason, a join where the next part does not start after
 * the previous part ends: the parts are then not one capture, or not in order.
 */
export function mergeTracks(parts: readonly PartTrack[]): TrackPoints {
  const builder = new TrackPointsBuilder();
  let segmentBase = 0;
  let previous: { label: string; lastMs: number } | undefined;
  for (const { label, path, track } of parts) {
    if (track.length === 0) continue;
    const firstMs = track.timeMs[0] ?? 0;
    if (previous !== undefined && !(firstMs > previous.lastMs)) {
      throw invalidGpx(
        path,
        `The parts cannot be merged: ${label} starts at ${iso(firstMs)}, not after ${previous.label} ends (${iso(previous.lastMs)}).`,
      );
    }
    let highest = 0;
    for (let i = 0; i < track.length; i++) {
      const segment = track.segment[i] ?? 0;
      if (segment > highest) highest = segment;
      builder.add(
        track.lat[i] ?? 0,
        track.lon[i] ?? 0,
        track.timeMs[i] ?? 0,
        track.ele[i] ?? Number.NaN,
        track.fix[i] ?? 0,
        segmentBase + segment,
      );
    }
    segmentBase += highest + 1;
    previous = { label, lastMs: track.timeMs[track.length - 1] ?? 0 };
  }
  return builder.finish();
}
