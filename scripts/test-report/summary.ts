/**
 * `node --import tsx scripts/test-report/summary.ts .tmp/vitest.json`: prints each
 * skipped test with its reason and the plain closing line CI reads
 * ("tests: N passed, N failed, N skipped"). Exits 1 when a test failed or, with
 * CI=true, when a test skipped for a reason not on tests/skip-allow-list.json.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allowListSchema, judgeSkips, skippedTests, vitestReportSchema } from './skip-judge';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const report = vitestReportSchema.parse(JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')));
const allowList = allowListSchema.parse(
  JSON.parse(readFileSync(join(root, 'tests', 'skip-allow-list.json'), 'utf8')),
);
const skipped = skippedTests(report, root);
const verdict = judgeSkips(skipped, allowList, process.env.CI === 'true');
for (const line of verdict.lines) console.log(line);
console.log(
  `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped.length} skipped`,
);
process.exitCode = report.numFailedTests === 0 && verdict.ok ? 0 : 1;
