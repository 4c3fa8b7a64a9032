/**
 * The packaging check, without Electron's binary: build with electron-vite in a temporary
 * copy of the project, package it with electron-builder (`--linux dir`) against a
 * stand-in Electron, then look at what landed in app.asar, what stayed unpacked, which
 * fuses the executable carries, and whether a canary secret reached any bundle.
 * `npm run package:check` prints the result; tests/packaging/package.test.ts asserts it.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'electron-builder';
import { makeTempProject, CANARY_ENV } from './temp-project';
import { makeStandInElectronDist, readFuses } from './standin-electron';
import { openPackagedApp, type PackagedApp } from './packaged-app';
import type { Check, CheckGroup, CheckResult } from './check-result';
import {
  APP_ENTRIES,
  checkContents,
  checkKeytar,
  checkNoCanary,
  listFiles,
  treeSize,
} from './packaged-app-checks';
import { parseDesktopEntry, writeDesktopEntryProbe } from './desktop-entry-probe';
import { checkInstallerMetadata } from './installer-metadata-checks';
import { runCommand, tail } from './run-command';
import { checkViteEnvConfig } from './vite-env-config';
import { bundledDeps } from '../../../electron.vite.config';

export type { CheckGroup, CheckResult };

export interface PackageCheckReport {
  checks: CheckResult[];
  /** Bytes, by what was measured. */
  sizes: Record<string, number>;
  fuseVerification: string;
  workDir: string;
}

/** The sources others write; without them there is nothing to package. */
export const REQUIRED_SOURCES = [
  'src/main/main.ts',
  'src/preload/preload.ts',
  'src/renderer/index.html',
];

export function missingSources(repoRoot: string): string[] {
  return REQUIRED_SOURCES.filter((path) => !existsSync(join(repoRoot, path)));
}

/** ARCHITECTURE.md's security checklist, as electron-builder's `electronFuses` names them. */
export const EXPECTED_FUSES = {
  RunAsNode: { key: 'runAsNode', value: false },
  EnableCookieEncryption: { key: 'enableCookieEncryption', value: true },
  EnableNodeOptionsEnvironmentVariable: {
    key: 'enableNodeOptionsEnvironmentVariable',
    value: false,
  },
  EnableNodeCliInspectArguments: { key: 'enableNodeCliInspectArguments', value: false },
  EnableEmbeddedAsarIntegrityValidation: {
    key: 'enableEmbeddedAsarIntegrityValidation',
    value: true,
  },
  OnlyLoadAppFromAsar: { key: 'onlyLoadAppFromAsar', value: true },
  GrantFileProtocolExtraPrivileges: { key: 'grantFileProtocolExtraPrivileges', value: false },
} as const;

export async function runPackageCheck(options: {
  repoRoot: string;
  log?: (line: string) => void;
  keep?: boolean;
}): Promise<PackageCheckReport> {
  const log = options.log ?? (() => undefined);
  const project = await makeTempProject(options.repoRoot);
  const report: PackageCheckReport = {
    checks: [],
    sizes: {},
    fuseVerification: 'not reached',
    workDir: project.dir,
  };
  const check = (group: CheckGroup, name: string, ok: boolean, detail?: string): void => {
    report.checks.push({ group, name, ok, ...(detail === undefined ? {} : { detail }) });
  };
  try {
    log(`working copy: ${project.dir}`);
    const env = { ...process.env, ...CANARY_ENV, NODE_ENV: 'production' };

    log('npm run build (electron-vite), with a canary STRAVA_CLIENT_SECRET in env and .env');
    const build = await runCommand('npm', ['run', '-s', 'build'], { cwd: project.dir, env });
    check('build', 'npm run build succeeds', build.code === 0, tail(build.output));
    if (build.code !== 0) return report;
    log(`  built in ${build.seconds.toFixed(1)} s`);
    await checkBuildOutput(project.dir, check, report.sizes);
    for (const result of await checkViteEnvConfig(project.dir)) check('secrets', ...result);

    log('electron-builder --linux dir, electronDist = stand-in with a fuse wire');
    const config = await getConfig(project.dir, null, null);
    const standIn = join(project.dir, '.packaging-check', 'electron-dist');
    await makeStandInElectronDist(standIn);
    const outputDir = join(project.dir, '.packaging-check', 'release');
    const desktopOut = join(project.dir, '.packaging-check', 'app.desktop');
    const iconsOut = join(project.dir, '.packaging-check', 'linux-icons.json');
    const probe = await writeDesktopEntryProbe(project.dir);
    const configuredAfterPack =
      typeof config.afterPack === 'string' ? join(project.dir, config.afterPack) : '';
    const builder = await runCommand(
      process.execPath,
      [
        join(project.dir, 'node_modules', 'electron-builder', 'cli.js'),
        '--linux',
        'dir',
        '--publish',
        'never',
        `-c.electronDist=${standIn}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${outputDir}`,
        `-c.afterPack=${probe}`,
      ],
      {
        cwd: project.dir,
        env: {
          ...env,
          CSC_IDENTITY_AUTO_DISCOVERY: 'false',
          MTP_PACKAGE_CHECK_DESKTOP_OUT: desktopOut,
          MTP_PACKAGE_CHECK_ICONS_OUT: iconsOut,
          MTP_PACKAGE_CHECK_AFTER_PACK: configuredAfterPack,
        },
      },
    );
    check(
      'build',
      'electron-builder --linux dir succeeds',
      builder.code === 0,
      tail(builder.output),
    );
    if (builder.code !== 0) return report;
    log(`  packaged in ${builder.seconds.toFixed(1)} s`);

    const app = openPackagedApp(join(outputDir, 'linux-unpacked'));
    report.sizes['resources/app.asar'] = (await stat(app.asarPath)).size;
    report.sizes['resources/app.asar.unpacked'] = await treeSize(app.unpackedDir);
    checkContents(app, project.planted, check);
    await checkKeytar(app, options.repoRoot, check);
    await checkNoCanary(app.appOutDir, 'the packaged app (app.asar, unpacked files)', check);
    report.fuseVerification = await checkFuses(app, config, check);
    await checkPlatforms(config, desktopOut, check);
    await checkInstallerMetadata(project.dir, config, desktopOut, iconsOut, check);
    return report;
  } finally {
    if (!options.keep) await rm(project.dir, { recursive: true, force: true });
  }
}

async function checkBuildOutput(dir: string, check: Check, sizes: Record<string, number>) {
  for (const entry of APP_ENTRIES) {
    check('build', `${entry} built`, existsSync(join(dir, entry)));
  }
  for (const part of ['main', 'preload', 'renderer']) {
    sizes[`out/${part}`] = await treeSize(join(dir, 'out', part));
  }
  // Sandboxed preloads are not modules and can require only 'electron'.
  const preloadFiles = await listFiles(join(dir, 'out', 'preload'));
  check(
    'build',
    'preload is one file',
    preloadFiles.length === 1,
    preloadFiles.map((f) => relative(dir, f)).join(', '),
  );
  const preloadPath = join(dir, 'out', 'preload', 'preload.cjs');
  if (existsSync(preloadPath)) {
    const preload = await readFile(preloadPath, 'utf8');
    const required = [...preload.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    const esm = /^\s*(import\s[^(]|export\s)/m.test(preload);
    check(
      'build',
      'preload is CommonJS requiring only electron',
      !esm && required.every((id) => id === 'electron'),
      `requires: ${[...new Set(required)].join(', ') || 'nothing'}${esm ? '; has ESM syntax' : ''}`,
    );
  }
  await checkBuiltInDeps(dir, check);
  await checkNoCanary(join(dir, 'out'), 'out/ (main, preload, renderer bundles)', check);
}

/** The packages main builds in (electron.vite.config.ts) are not imported from node_modules. */
async function checkBuiltInDeps(dir: string, check: Check) {
  const imported = new Set<string>();
  for (const file of await listFiles(join(dir, 'out', 'main'))) {
    const code = await readFile(file, 'utf8');
    for (const m of code.matchAll(
      /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\()["']([^"'./][^"']*)["']/g,
    ))
      if (m[1] && bundledDeps.some((dep) => m[1] === dep || m[1]?.startsWith(`${dep}/`)))
        imported.add(m[1]);
  }
  check(
    'build',
    `${bundledDeps.join(' and ')} are built into out/main (worker threads start faster)`,
    imported.size === 0,
    imported.size === 0 ? undefined : `imported: ${[...imported].join(', ')}`,
  );
}

async function checkFuses(app: PackagedApp, config: Configuration, check: Check) {
  const configured = (config.electronFuses ?? {}) as Record<string, boolean | undefined>;
  const executable = join(app.appOutDir, config.linux?.executableName ?? 'electron');
  const actual = await readFuses(executable);
  for (const [fuse, { key, value }] of Object.entries(EXPECTED_FUSES)) {
    check('fuses', `electronFuses.${key} is ${value}`, configured[key] === value);
    check(
      'fuses',
      `packaged executable has ${fuse} ${value ? 'on' : 'off'}`,
      actual[fuse] === value,
      `read back: ${String(actual[fuse])}`,
    );
  }
  return (
    'verified on the packaged stand-in executable: electron-builder flipped a copy of ' +
    "Electron's fuse wire (sentinel + v1 wire, Electron's defaults) and the check read it " +
    'back with @electron/fuses; also checked in the configuration. A real Electron binary ' +
    'was not available, so what Electron does with the fuses is not exercised here.'
  );
}

async function checkPlatforms(config: Configuration, desktopOut: string, check: Check) {
  check(
    'platforms',
    'appId',
    config.appId === 'org.mapthepaths.strava-uploader',
    config.appId ?? '',
  );
  check('platforms', 'productName', config.productName === 'MTP Strava Uploader');
  check('platforms', 'npmRebuild is false', config.npmRebuild === false);
  const targets = (value: unknown): string[] =>
    (Array.isArray(value) ? value : [value]).map((t) =>
      typeof t === 'string' ? t : String((t as { target?: unknown })?.target),
    );
  const linux = targets(config.linux?.target);
  check(
    'platforms',
    'linux targets AppImage and deb',
    linux.includes('AppImage') && linux.includes('deb'),
  );
  check('platforms', 'windows target nsis', targets(config.win?.target).includes('nsis'));
  check('platforms', 'macOS target dmg', targets(config.mac?.target).includes('dmg'));
  const schemes = [config.protocols ?? []].flat().flatMap((p) => p.schemes);
  check('platforms', 'protocols register app.mtp.desktop', schemes.includes('app.mtp.desktop'));

  const entry = existsSync(desktopOut) ? parseDesktopEntry(await readFile(desktopOut, 'utf8')) : {};
  const mime = (entry.MimeType ?? '').split(';');
  check(
    'platforms',
    '.desktop entry: MimeType has x-scheme-handler/app.mtp.desktop',
    mime.includes('x-scheme-handler/app.mtp.desktop'),
    `MimeType=${entry.MimeType ?? '(no entry)'}`,
  );
  check(
    'platforms',
    '.desktop entry: Categories=Utility;',
    entry.Categories === 'Utility;',
    `Categories=${entry.Categories ?? '(no entry)'}`,
  );
}
