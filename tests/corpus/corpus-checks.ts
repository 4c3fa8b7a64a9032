import { expect } from 'vitest';
import type { UploadErrorData } from '../../src/core/errors/upload-error';
import type { RefusedExpect } from './corpus-case';
import { neverSaid } from './corpus-case';

/** A message longer than this is a wall of text, not an explanation. */
const maxMessageChars = 400;

/** A stack frame line, as Node prints them. */
const stackFrame = /\n\s+at /;

/**
 * Checks that `problem` refuses a case the way a person can act on: the kind of a
 * folder or track fault (never retried), the file named, the fault in words, no stack
 * trace, nothing read from outside the folder or expanded from an entity.
 */
export function expectClearRefusal(
  problem: UploadErrorData | undefined,
  want: RefusedExpect,
): void {
  expect(problem, 'the case must be refused').toBeDefined();
  if (problem === undefined) return;
  expect(['invalid-folder', 'invalid-gpx']).toContain(problem.kind);
  expect(problem.retryable).toBe(false);
  expect(problem.message).toMatch(want.says);
  if (want.file !== undefined) expect(problem.message).toContain(want.file);
  expect(problem.message.length).toBeLessThanOrEqual(maxMessageChars);
  for (const said of [problem.message, problem.detail ?? '']) {
    expect(said).not.toMatch(stackFrame);
  }
  const whole = JSON.stringify(problem);
  for (const text of neverSaid) expect(whole).not.toContain(text);
}
