import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSequenceFolder } from '../../tests/support/make-sequence-folder';
import type { Simulator } from '../../src/sim/index';

const fixtures = fileURLToPath(new URL('../../../shared/fixtures/mtp', import.meta.url));

/**
 * Sample sequence folders for the demo: MTP Desktop Uploader folders (some with an
 * MTPW id the simulator knows), the real fixture tracks where ../shared is present,
 * and one broken folder, so every state shows up.
 */
export async function writeSampleFolders(dir: string, sim?: Simulator): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const samples = [
    { name: 'Harbour walk', transportType: 'Earth', transportMethod: 'Walk', points: 900 },
    { name: 'Coast ride', transportType: 'Earth', transportMethod: 'Bicycle', points: 2400 },
    { name: 'Bay paddle', transportType: 'Water', transportMethod: 'Paddleboard', points: 1500 },
  ];
  for (const [i, s] of samples.entries()) {
    await makeSequenceFolder(dir, {
      name: s.name,
      transportType: s.transportType,
      transportMethod: s.transportMethod,
      description: `${s.name} along the shore`,
      ...(sim && i < 2 ? { mtpwId: sim.seedMtpwSequence({ name: s.name }) } : {}),
      track: { points: s.points, start: Date.UTC(2021, 5, i + 1, 9), lat: 28.29 + i * 0.01 },
    });
  }
  if (existsSync(fixtures)) {
    for (const file of (await readdir(fixtures)).filter((f) => f.endsWith('.gpx'))) {
      const folder = join(dir, file.replace(/\.gpx$/, ''));
      await mkdir(folder, { recursive: true });
      await copyFile(join(fixtures, file), join(folder, file));
    }
  }
  const broken = join(dir, 'Broken track');
  await mkdir(broken, { recursive: true });
  await writeFile(
    join(broken, 'Broken track.gpx'),
    '<?xml version="1.0"?><gpx version="1.1"><trk><trkseg><trkpt lat="1" lon="2"></trkpt></trkseg></trk></gpx>',
  );
  return (await readdir(dir)).sort();
}
