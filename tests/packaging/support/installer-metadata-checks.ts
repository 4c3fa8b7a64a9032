/**
 * Checks of what the installers show a person: the app's icon (the committed PNGs,
 * the icon set electron-builder resolved for the Linux packages, the Windows and
 * macOS icon fields) and the Linux metadata (the .desktop entry's Icon, Comment and
 * Categories, the deb's maintainer and descriptions).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Configuration } from 'electron-builder';
import type { Check } from './check-result';
import { parseDesktopEntry } from './desktop-entry-probe';

/** The width and height a PNG's IHDR chunk gives, or undefined for anything else. */
export async function pngSize(
  path: string,
): Promise<{ width: number; height: number } | undefined> {
  if (!existsSync(path)) return undefined;
  const bytes = await readFile(path);
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return undefined;
  if (bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The icons the Linux targets install, as the packaging probe recorded them. */
async function linuxIconSet(iconsOut: string): Promise<Array<{ file: string; size: number }>> {
  if (!existsSync(iconsOut)) return [];
  return JSON.parse(await readFile(iconsOut, 'utf8')) as Array<{ file: string; size: number }>;
}

export async function checkInstallerMetadata(
  projectDir: string,
  config: Configuration,
  desktopOut: string,
  iconsOut: string,
  check: Check,
): Promise<void> {
  for (const [file, px] of [
    ['build/icon.png', 512],
    ['build/icons/256x256.png', 256],
  ] as const) {
    const size = await pngSize(join(projectDir, file));
    check(
      'installer',
      `${file} is a ${px}×${px} PNG`,
      size?.width === px && size.height === px,
      size ? `${size.width}×${size.height}` : 'missing or not a PNG',
    );
  }
  check(
    'installer',
    'build/icon.svg, the source of the PNGs, is there',
    existsSync(join(projectDir, 'build/icon.svg')),
  );
  check(
    'installer',
    'win.icon is build/icon.png (NSIS)',
    config.win?.icon === 'build/icon.png',
    String(config.win?.icon),
  );
  check(
    'installer',
    'mac.icon is build/icon.png (dmg)',
    config.mac?.icon === 'build/icon.png',
    String(config.mac?.icon),
  );
  const icons = await linuxIconSet(iconsOut);
  const set = icons.map((i) => `${relative(projectDir, i.file)} (${i.size} px)`);
  check(
    'installer',
    'the Linux packages install build/icons/256x256.png as the 256 px icon',
    icons.some(
      (i) =>
        i.size === 256 && relative(projectDir, i.file) === join('build', 'icons', '256x256.png'),
    ),
    set.join(', ') || '(no icon set recorded)',
  );

  const entry = existsSync(desktopOut) ? parseDesktopEntry(await readFile(desktopOut, 'utf8')) : {};
  const executable = config.linux?.executableName ?? '';
  check(
    'installer',
    `.desktop entry: Icon=${executable} (the installed icon's name)`,
    executable !== '' && entry.Icon === executable,
    `Icon=${entry.Icon ?? '(no entry)'}`,
  );
  const description = config.linux?.description ?? '';
  check(
    'installer',
    '.desktop entry: Comment is linux.description',
    description !== '' && entry.Comment === description,
    `Comment=${entry.Comment ?? '(no entry)'}`,
  );
  check(
    'installer',
    'deb: maintainer and synopsis are set',
    Boolean(config.deb?.maintainer ?? config.linux?.maintainer) && Boolean(config.linux?.synopsis),
    `maintainer: ${String(config.deb?.maintainer ?? config.linux?.maintainer)}, synopsis: ${String(config.linux?.synopsis)}`,
  );
}
