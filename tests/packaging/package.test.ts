/**
 * Packaging, without Electron's binary (ARCHITECTURE.md, "Tests without the Electron
 * binary"): electron-vite build + electron-builder `--linux dir` against a stand-in
 * Electron, in a temporary copy of the project; then what is in app.asar, what stays
 * unpacked, the fuses on the packaged executable, and no secret in any bundle.
 * The same check as `npm run package:check`. About 30 s on 2 cores.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPackageCheck, type CheckGroup, type PackageCheckReport } from './support/package-check';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('packaged app (electron-builder --linux dir)', () => {
  let report: PackageCheckReport;

  beforeAll(async () => {
    report = await runPackageCheck({ repoRoot });
  }, 300_000);

  /** Every check of a group passed; a failure lists the failed checks with their details. */
  const expectGroup = (group: CheckGroup) => {
    const checks = report.checks.filter((c) => c.group === group);
    const failed = checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail ?? ''}`);
    expect(failed).toEqual([]);
    return checks;
  };

  it('builds main, a one-file CommonJS preload and the renderer, then packages them', () => {
    expect(expectGroup('build').length).toBeGreaterThanOrEqual(7);
  });

  it('packs out/ and package.json, never sources, tests, scripts or .env', () => {
    expect(expectGroup('contents').length).toBeGreaterThanOrEqual(10);
  });

  it("leaves keytar's native module in app.asar.unpacked", () => {
    expect(expectGroup('native')).toHaveLength(3);
  });

  it('inlines no environment value (a canary STRAVA_CLIENT_SECRET) into any bundle', () => {
    expect(expectGroup('secrets').length).toBeGreaterThanOrEqual(8);
  });

  it('sets the fuses of the security checklist on the packaged executable', () => {
    expect(expectGroup('fuses')).toHaveLength(14);
    console.log(`fuses: ${report.fuseVerification}`);
  });

  it('targets AppImage, deb, NSIS and dmg and registers app.mtp.desktop://', () => {
    expect(expectGroup('platforms')).toHaveLength(9);
  });

  it('ships the icon (512 and 256 px PNGs from build/icon.svg) and the Linux metadata', () => {
    expect(expectGroup('installer')).toHaveLength(9);
  });
});
