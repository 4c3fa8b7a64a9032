/**
 * Reads a linux-unpacked app made by electron-builder: the entries of `app.asar`
 * (with @electron/asar, electron-builder's own dependency), which of them are stored
 * outside the archive in `app.asar.unpacked`, and the text of an archived file.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile, listPackage, statFile, uncacheAll } from '@electron/asar';

export interface PackagedApp {
  appOutDir: string;
  asarPath: string;
  unpackedDir: string;
  /** Every entry of app.asar, as a posix path without a leading slash. */
  entries: Set<string>;
  /** True if the archive header marks the entry as stored in app.asar.unpacked. */
  isUnpacked(entry: string): boolean;
  /** A file's bytes on disk in app.asar.unpacked, or null if it is not there. */
  unpackedSize(entry: string): number | null;
  readText(entry: string): string;
}

export function openPackagedApp(appOutDir: string): PackagedApp {
  const asarPath = join(appOutDir, 'resources', 'app.asar');
  const unpackedDir = `${asarPath}.unpacked`;
  uncacheAll();
  const entries = new Set(
    listPackage(asarPath, { isPack: false }).map((entry) =>
      entry.replace(/\\/g, '/').replace(/^\//, ''),
    ),
  );
  return {
    appOutDir,
    asarPath,
    unpackedDir,
    entries,
    isUnpacked: (entry) => {
      const stat = statFile(asarPath, entry);
      return 'unpacked' in stat && stat.unpacked === true;
    },
    unpackedSize: (entry) => {
      const onDisk = join(unpackedDir, entry);
      return existsSync(onDisk) ? statSync(onDisk).size : null;
    },
    readText: (entry) => extractFile(asarPath, entry).toString('utf8'),
  };
}
