import { z } from 'zod';

/** The part of vitest's JSON report (`--reporter=json`) the summary reads. */
export const vitestReportSchema = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number(),
  testResults: z.array(
    z.object({
      name: z.string(),
      assertionResults: z.array(z.object({ fullName: z.string(), status: z.string() })),
    }),
  ),
});
export type VitestReport = z.infer<typeof vitestReportSchema>;

/** tests/skip-allow-list.json: the only reasons a test may skip in CI, each with why. */
export const allowListSchema = z.object({
  allowed: z.array(z.object({ reason: z.string().min(1), why: z.string().min(1) })).max(5),
});
export type AllowList = z.infer<typeof allowListSchema>;

/** One test that did not run, and the reason its title gives (tests/support/skip-when.ts). */
export interface SkippedTest {
  file: string;
  name: string;
  reason: string | undefined;
}

const reasonInTitle = /\[skipped: ([^\]]+)\]/;

/** Every skipped or todo test of the report, with the reason its title carries. */
export function skippedTests(report: VitestReport, root = ''): SkippedTest[] {
  return report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((t) => t.status === 'skipped' || t.status === 'pending' || t.status === 'todo')
      .map((t) => ({
        file: root && file.name.startsWith(root) ? file.name.slice(root.length + 1) : file.name,
        name: t.fullName,
        reason: reasonInTitle.exec(t.fullName)?.[1],
      })),
  );
}

/** What the summary prints about skips, and whether the run may pass with them. */
export interface SkipVerdict {
  lines: string[];
  ok: boolean;
}

/**
 * Judges the skips: each is printed with its reason; in CI a skip passes only when
 * its reason is on the allow-list (a skip with no reason never does).
 */
export function judgeSkips(skipped: SkippedTest[], allowList: AllowList, ci: boolean): SkipVerdict {
  const allowed = new Set(allowList.allowed.map((a) => a.reason));
  const refused = skipped.filter((s) => s.reason === undefined || !allowed.has(s.reason));
  const lines = skipped.map(
    (s) =>
      `skipped: ${s.file} > ${s.name.replace(reasonInTitle, '').replace(/ {2,}/g, ' ').trim()} (reason: ${s.reason ?? 'none given'})`,
  );
  if (ci && refused.length > 0) {
    lines.push(
      `skips: ${refused.length} skipped test(s) have a reason not on tests/skip-allow-list.json; CI fails:`,
      ...refused.map((s) => `  not allowed: ${s.file} > ${s.name}`),
    );
  }
  return { lines, ok: !ci || refused.length === 0 };
}
