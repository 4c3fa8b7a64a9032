import { describe, expect, it } from 'vitest';
import { soakVerdict, type SoakFigures } from '../../scripts/soak-verdict';

/** A run that met every claim: one orphan on MTPW, reported (with one false alarm). */
const good: SoakFigures = {
  items: 30,
  done: 30,
  failed: 0,
  lost: 0,
  distinctTracks: 28,
  tracksWithActivity: 28,
  activitiesExtra: 0,
  doneWithoutActivity: 0,
  mtpwExpected: 30,
  mtpwMarked: 30,
  mtpwOrphans: 1,
  interruptedCreatesReported: 2,
  mtpwDuplicates: 0,
  killsRequested: 3,
  kills: 3,
  tokensReadBack: true,
  secretsFound: 0,
  foreseeable429s: 0,
};

/** One bad value per figure; a new figure without one here fails the typecheck. */
const bad: { [K in keyof SoakFigures]: SoakFigures[K] } = {
  items: 31,
  done: 29,
  failed: 1,
  lost: 1,
  distinctTracks: 29,
  tracksWithActivity: 27,
  activitiesExtra: 1,
  doneWithoutActivity: 1,
  mtpwExpected: 31,
  mtpwMarked: 29,
  mtpwOrphans: 3,
  interruptedCreatesReported: 0,
  mtpwDuplicates: 1,
  killsRequested: 4,
  kills: 2,
  tokensReadBack: false,
  secretsFound: 1,
  foreseeable429s: 1,
};

describe('the soak verdict', () => {
  it('passes a run where every figure is as claimed', () => {
    expect(soakVerdict(good)).toEqual({ pass: true, problems: [] });
  });

  it.each(Object.keys(bad) as (keyof SoakFigures)[])(
    'fails when %s is off, naming it',
    (figure) => {
      const verdict = soakVerdict({ ...good, [figure]: bad[figure] });
      expect(verdict.pass).toBe(false);
      expect(verdict.problems).toHaveLength(1);
      expect(verdict.problems[0]?.figures).toContain(figure);
    },
  );

  it('fails the fresh-clone run: an orphan on MTPW that no item reported', () => {
    const verdict = soakVerdict({
      ...good,
      mtpwOrphans: 1,
      interruptedCreatesReported: 0,
      mtpwDuplicates: 1,
    });
    expect(verdict.pass).toBe(false);
    expect(verdict.problems.map((p) => p.says)).toEqual([
      '1 MTPW sequences created twice without telling the user',
      '1 extra MTPW sequences but 0 interrupted creates reported',
    ]);
  });
});
