import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gpxText, type GpxSpec } from './generate-gpx';

/** What a generated MTP Desktop Uploader sequence folder holds. */
export interface SequenceSpec {
  name: string;
  description?: string;
  transportType?: string;
  transportMethod?: string;
  tags?: string[];
  /** destination.mtp: the MTPW unique_id. */
  mtpwId?: string;
  track?: GpxSpec;
  /** A plain folder: only the GPX, no sequence JSON. */
  plain?: boolean;
}

/** Writes `<parent>/<name>/` as the MTP Desktop Uploader would, and returns its path. */
export async function makeSequenceFolder(parent: string, spec: SequenceSpec): Promise<string> {
  const folder = join(parent, spec.name);
  await mkdir(folder, { recursive: true });
  await writeFile(
    join(folder, `${spec.name}.gpx`),
    gpxText({ points: 60, name: spec.name, ...spec.track }),
  );
  if (spec.plain) return folder;
  const sequence = {
    id: '6a6a0c88-b114-44a3-845e-816d64093ca2',
    uploader_sequence_name: spec.name,
    uploader_sequence_description: spec.description ?? `${spec.name}, generated for a test`,
    uploader_transport_type: spec.transportType ?? 'Water',
    uploader_transport_method: spec.transportMethod ?? 'Paddleboard',
    uploader_tags: spec.tags ?? ['test'],
    earliest_time: '2021-05-01T08:00:00',
    latest_time: '2021-05-01T08:01:00',
    ...(spec.mtpwId ? { destination: { mtp: spec.mtpwId } } : {}),
  };
  await writeFile(
    join(folder, `${spec.name}.json`),
    JSON.stringify({ sequence, photo: {} }, null, 2),
  );
  return folder;
}
