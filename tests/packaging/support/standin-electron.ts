/**
 * A stand-in Electron distribution for electron-builder, for machines without Electron's
 * binary. electron-builder copies `electronDist` as the unpacked app and renames the
 * `electron` executable; it never runs it for a `--dir` build.
 *
 * The stand-in carries Electron's fuse wire (the sentinel that @electron/fuses searches
 * for, wire version 1, then one byte per fuse, set to Electron's defaults), so the
 * `electronFuses` step of electron-builder really flips bytes and the result can be read
 * back from the packaged executable. It proves the configuration reaches the binary; it
 * cannot prove what a real Electron does with the fuses.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

/** @electron/fuses' SENTINEL: the marker in front of the fuse wire in every Electron >= 12. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DISABLE = 0x30; // '0'
const ENABLE = 0x31; // '1'

/** What an unmodified Electron ships with (electron/build/fuses/fuses.json5). */
const ELECTRON_DEFAULTS: Record<FuseV1Options, boolean> = {
  [FuseV1Options.RunAsNode]: true,
  [FuseV1Options.EnableCookieEncryption]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: true,
  [FuseV1Options.EnableNodeCliInspectArguments]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

const FUSE_COUNT = Object.keys(ELECTRON_DEFAULTS).length;

/** Writes `<dir>/electron`: a shell script that refuses to run, followed by a fuse wire. */
export async function makeStandInElectronDist(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const wire = Buffer.alloc(FUSE_COUNT);
  for (let i = 0; i < FUSE_COUNT; i++) {
    wire[i] = ELECTRON_DEFAULTS[i as FuseV1Options] ? ENABLE : DISABLE;
  }
  const body = Buffer.concat([
    Buffer.from(
      '#!/bin/sh\necho "stand-in for the Electron binary (packaging check)" >&2\nexit 1\n',
    ),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, FUSE_COUNT]),
    wire,
    Buffer.from('\n'),
  ]);
  const executable = join(dir, 'electron');
  await writeFile(executable, body);
  await chmod(executable, 0o755);
  return executable;
}

/** The fuse states in a (packaged) executable, by fuse name; `undefined` if not a 0/1 byte. */
export async function readFuses(executable: string): Promise<Record<string, boolean | undefined>> {
  const wire = await getCurrentFuseWire(executable);
  const fuses: Record<string, boolean | undefined> = {};
  for (let i = 0; i < FUSE_COUNT; i++) {
    const state = wire[i as FuseV1Options] as number | undefined;
    fuses[FuseV1Options[i]!] = state === ENABLE ? true : state === DISABLE ? false : undefined;
  }
  return fuses;
}
