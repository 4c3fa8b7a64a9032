/**
 * `npm run package:check`: builds and packages the app against a stand-in Electron (no
 * Electron binary needed) and checks the result; see tests/packaging/support/package-check.ts.
 * `--keep` leaves the temporary working copy for a look. Exit code 1 on any failed check.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  missingSources,
  runPackageCheck,
  type PackageCheckReport,
} from '../tests/packaging/support/package-check';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function printReport(report: PackageCheckReport): void {
  const groups = [...new Set(report.checks.map((c) => c.group))];
  for (const group of groups) {
    console.log(`\n${group}`);
    for (const { name, ok, detail } of report.checks.filter((c) => c.group === group)) {
      console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n${indent(detail)}` : ''}`);
    }
  }
  console.log('\nsizes');
  for (const [what, bytes] of Object.entries(report.sizes)) {
    console.log(`  ${what.padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(9)} KiB`);
  }
  console.log(`\nfuses: ${report.fuseVerification}`);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `         ${line}`)
    .join('\n');
}

const missing = missingSources(repoRoot);
if (missing.length > 0) {
  console.error(`package:check needs the app's sources; missing: ${missing.join(', ')}`);
  process.exit(2);
}
const keep = process.argv.includes('--keep');
const started = Date.now();
const report = await runPackageCheck({ repoRoot, keep, log: (line) => console.log(line) });
printReport(report);
const failed = report.checks.filter((c) => !c.ok);
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  failed.length === 0
    ? `\npackage:check passed: ${report.checks.length} checks in ${seconds} s`
    : `\npackage:check FAILED: ${failed.length} of ${report.checks.length} checks (${seconds} s)`,
);
if (keep) console.log(`working copy kept: ${report.workDir}`);
process.exitCode = failed.length === 0 ? 0 : 1;
