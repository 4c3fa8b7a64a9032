/**
 * Checks on the packaged app: what app.asar holds and must not hold, keytar's native
 * module left unpacked, and no canary secret in any file of a tree.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Check } from './check-result';
import type { PackagedApp } from './packaged-app';
import { SECRET_CANARY } from './temp-project';

export const APP_ENTRIES = [
  'out/main/main.js',
  'out/preload/preload.cjs',
  'out/renderer/index.html',
];
export const KEYTAR_NODE = 'node_modules/keytar/build/Release/keytar.node';
/** Build tools that must never ship inside the app. */
export const DEV_TOOLS = [
  'electron',
  'electron-builder',
  'electron-vite',
  'vite',
  'vitest',
  'typescript',
];

export function checkContents(app: PackagedApp, planted: string[], check: Check) {
  for (const entry of [...APP_ENTRIES, 'package.json']) {
    check('contents', `app.asar holds ${entry}`, app.entries.has(entry));
  }
  const topLevel = [...app.entries].filter((entry) => !entry.includes('/'));
  const strays = topLevel.filter(
    (entry) => !['out', 'package.json', 'node_modules'].includes(entry),
  );
  check(
    'contents',
    'app.asar top level is only out/, package.json, node_modules/',
    strays.length === 0,
    strays.join(', '),
  );
  const envFiles = [...app.entries].filter((entry) => /(^|\/)\.env($|\.)/.test(entry));
  check(
    'contents',
    'no .env file anywhere in app.asar',
    envFiles.length === 0,
    envFiles.join(', '),
  );
  for (const dir of ['src', 'tests', 'bench', 'scripts']) {
    const found = [...app.entries].filter((entry) => entry === dir || entry.startsWith(`${dir}/`));
    check('contents', `no ${dir}/ in app.asar`, found.length === 0, found.slice(0, 5).join(', '));
  }
  const leaked = planted.filter((path) => app.entries.has(path));
  check(
    'contents',
    'planted .env and test files not packaged',
    leaked.length === 0,
    leaked.join(', '),
  );
  const tools = DEV_TOOLS.filter((name) => app.entries.has(`node_modules/${name}`));
  check('contents', 'no build tools in node_modules', tools.length === 0, tools.join(', '));

  if (app.entries.has('package.json')) {
    const pkg = JSON.parse(app.readText('package.json')) as { main?: string; type?: string };
    const main = (pkg.main ?? 'index.js').replace(/^\.\//, '');
    check('contents', `package.json main (${main}) is in app.asar`, app.entries.has(main));
    check(
      'contents',
      'package.json keeps "type": "module" for the ES main bundle',
      pkg.type === 'module' || main.endsWith('.mjs'),
      `type: ${pkg.type ?? '(none)'}`,
    );
  }
  if (app.entries.has('out/renderer/index.html')) {
    const html = app.readText('out/renderer/index.html');
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)]
      .map((m) => m[1] ?? '')
      .filter((ref) => !/^(https?:|data:|#)/.test(ref));
    const broken = refs.filter(
      (ref) => !ref.startsWith('./') || !app.entries.has(`out/renderer/${ref.slice(2)}`),
    );
    check(
      'contents',
      'renderer assets are relative (./) and packaged',
      refs.length > 0 && broken.length === 0,
      broken.join(', '),
    );
  }
}

export async function checkKeytar(app: PackagedApp, repoRoot: string, check: Check) {
  check('native', `app.asar lists ${KEYTAR_NODE}`, app.entries.has(KEYTAR_NODE));
  if (!app.entries.has(KEYTAR_NODE)) return;
  check('native', 'keytar.node is marked unpacked in the asar header', app.isUnpacked(KEYTAR_NODE));
  const expected = (await stat(join(repoRoot, KEYTAR_NODE))).size;
  const onDisk = app.unpackedSize(KEYTAR_NODE);
  check(
    'native',
    `keytar.node is in app.asar.unpacked/${KEYTAR_NODE}`,
    onDisk === expected,
    `on disk: ${onDisk ?? 'missing'} bytes, source: ${expected} bytes`,
  );
}

export async function checkNoCanary(dir: string, what: string, check: Check) {
  const hits: string[] = [];
  for (const file of await listFiles(dir)) {
    if ((await readFile(file)).includes(SECRET_CANARY)) hits.push(relative(dir, file));
  }
  check('secrets', `no STRAVA_CLIENT_SECRET canary in ${what}`, hits.length === 0, hits.join(', '));
}

export async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export async function treeSize(dir: string): Promise<number> {
  let total = 0;
  for (const file of await listFiles(dir)) total += (await stat(file)).size;
  return total;
}
