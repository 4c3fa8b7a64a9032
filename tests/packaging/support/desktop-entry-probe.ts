/**
 * An afterPack hook, used by the packaging check only, that records the `.desktop`
 * entry electron-builder writes into the AppImage and the deb (both need tools the
 * `--dir` build does not download). That entry is what registers `app.mtp.desktop://`
 * with the desktop (MimeType=x-scheme-handler/…), so the check can see it without
 * building either package; and the icon set both install. A hook configured in electron-builder.yml still runs first.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const PROBE = `'use strict';
const { writeFileSync } = require('node:fs');
const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper');

exports.default = async function desktopEntryProbe(context) {
  const configured = process.env.MTP_PACKAGE_CHECK_AFTER_PACK;
  if (configured) {
    const hook = require(configured);
    await (hook.default || hook.afterPack || hook)(context);
  }
  if (context.electronPlatformName !== 'linux') return;
  const helper = new LinuxTargetHelper(context.packager);
  const entry = await helper.computeDesktopEntry(context.packager.platformSpecificBuildOptions);
  writeFileSync(process.env.MTP_PACKAGE_CHECK_DESKTOP_OUT, entry);
  // The icon set the AppImage and the deb install, as electron-builder resolved it.
  writeFileSync(process.env.MTP_PACKAGE_CHECK_ICONS_OUT, JSON.stringify(await helper.icons));
};
`;

/** Writes the hook into the (temporary) project and returns its path. */
export async function writeDesktopEntryProbe(projectDir: string): Promise<string> {
  const path = join(projectDir, 'packaging-check-after-pack.cjs');
  await writeFile(path, PROBE);
  return path;
}

/** The `key=value` lines of a .desktop entry's [Desktop Entry] group. */
export function parseDesktopEntry(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && !line.startsWith('#')) fields[line.slice(0, at)] = line.slice(at + 1);
  }
  return fields;
}
