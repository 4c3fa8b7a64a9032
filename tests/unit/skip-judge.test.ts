import { describe, expect, it } from 'vitest';
import { judgeSkips, skippedTests, type VitestReport } from '../../scripts/test-report/skip-judge';
import { skippedTitle, skipReasons } from '../support/skip-when';

const allowList = {
  allowed: [{ reason: skipReasons.electronBinary, why: 'no binary can be downloaded here' }],
};

const report = (tests: Array<{ fullName: string; status: string }>): VitestReport => ({
  numPassedTests: tests.filter((t) => t.status === 'passed').length,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  testResults: [{ name: '/repo/tests/x.test.ts', assertionResults: tests }],
});

const electronSkip = {
  fullName: `${skippedTitle('the Electron app', skipReasons.electronBinary)} starts`,
  status: 'skipped',
};
const sharedSkip = {
  fullName: `${skippedTitle('contract', skipReasons.shared)} keeps the swagger`,
  status: 'skipped',
};

describe('the skip allow-list check', () => {
  it('reads each skipped test with the reason its title carries', () => {
    const skipped = skippedTests(
      report([
        electronSkip,
        { fullName: 'a plain it.skip', status: 'skipped' },
        { fullName: 'ran', status: 'passed' },
      ]),
      '/repo',
    );
    expect(skipped).toEqual([
      { file: 'tests/x.test.ts', name: electronSkip.fullName, reason: skipReasons.electronBinary },
      { file: 'tests/x.test.ts', name: 'a plain it.skip', reason: undefined },
    ]);
  });

  it('passes in CI a skip whose reason is on the allow-list, and prints it with its reason', () => {
    const verdict = judgeSkips(skippedTests(report([electronSkip])), allowList, true);
    expect(verdict.ok).toBe(true);
    expect(verdict.lines.join('\n')).toContain(`reason: ${skipReasons.electronBinary}`);
  });

  it('fails in CI on a skip whose reason is not on the allow-list, naming the test', () => {
    const verdict = judgeSkips(skippedTests(report([electronSkip, sharedSkip])), allowList, true);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines.join('\n')).toContain(
      `not allowed: /repo/tests/x.test.ts > ${sharedSkip.fullName}`,
    );
  });

  it('fails in CI on a skip that gives no reason, and on a todo', () => {
    for (const status of ['skipped', 'todo']) {
      const verdict = judgeSkips(
        skippedTests(report([{ fullName: 'no reason', status }])),
        allowList,
        true,
      );
      expect(verdict.ok).toBe(false);
      expect(verdict.lines[0]).toContain('reason: none given');
    }
  });

  it('outside CI prints every skip but does not fail the run', () => {
    const verdict = judgeSkips(skippedTests(report([sharedSkip])), allowList, false);
    expect(verdict.ok).toBe(true);
    expect(verdict.lines).toHaveLength(1);
  });
});
