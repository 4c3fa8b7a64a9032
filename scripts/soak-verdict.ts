/** What the chaos soak measured; the verdict judges these and nothing else. */
export interface SoakFigures {
  /** Sequence folders given to the CLI. */
  items: number;
  done: number;
  failed: number;
  /** Items the journal no longer knows, or that never settled. */
  lost: number;
  /** Different tracks among the folders (a duplicate folder holds the same track as another). */
  distinctTracks: number;
  /** Tracks that have at least one activity on Strava. */
  tracksWithActivity: number;
  /** Strava activities beyond one per track. */
  activitiesExtra: number;
  /** Done items without an activity id. */
  doneWithoutActivity: number;
  /** Items whose MTPW sequence should carry their activity id (every item). */
  mtpwExpected: number;
  /** Items whose own MTPW sequence carries their activity id. */
  mtpwMarked: number;
  /** MTPW sequences beyond one per item (orphans of creates cut off before their answer). */
  mtpwOrphans: number;
  /** Interrupted creates the items reported to the user (each may have left an orphan). */
  interruptedCreatesReported: number;
  /** Orphans no item reported: sequences created twice behind the user's back. */
  mtpwDuplicates: number;
  killsRequested: number;
  /** SIGKILLs that really ended a CLI process. */
  kills: number;
  /** Whether the last Strava and MTPW tokens were read back from the keychain to be searched for. */
  tokensReadBack: boolean;
  /** Occurrences of a token or the client secret in any file or output. */
  secretsFound: number;
  /** 429s the simulator's own limiter gave: the scheduler could have foreseen them. */
  foreseeable429s: number;
}

/** One figure that is off, with the figures it was judged against. */
export interface SoakProblem {
  figures: (keyof SoakFigures)[];
  says: string;
}

/** Pass only when no figure is off. */
export interface SoakVerdict {
  pass: boolean;
  problems: SoakProblem[];
}

/**
 * The soak's verdict, as docs/reliability.md states it: every item done, none failed
 * or lost, exactly one activity per distinct track, every MTPW sequence marked with
 * its activity, no unreported duplicate on MTPW, every requested SIGKILL done, the
 * final tokens read back and no secret found anywhere, no foreseeable 429.
 */
export function soakVerdict(f: SoakFigures): SoakVerdict {
  const problems: SoakProblem[] = [];
  const off = (figures: (keyof SoakFigures)[], bad: boolean, says: string) => {
    if (bad) problems.push({ figures, says });
  };
  off(['done', 'items'], f.done !== f.items, `done ${f.done} of ${f.items} items`);
  off(['failed'], f.failed !== 0, `${f.failed} failed`);
  off(['lost'], f.lost !== 0, `${f.lost} lost`);
  off(
    ['tracksWithActivity', 'distinctTracks'],
    f.tracksWithActivity !== f.distinctTracks,
    `${f.tracksWithActivity} of ${f.distinctTracks} distinct tracks have an activity`,
  );
  off(['activitiesExtra'], f.activitiesExtra !== 0, `${f.activitiesExtra} extra activities`);
  off(
    ['doneWithoutActivity'],
    f.doneWithoutActivity !== 0,
    `${f.doneWithoutActivity} done items without an activity`,
  );
  off(
    ['mtpwMarked', 'mtpwExpected'],
    f.mtpwMarked !== f.mtpwExpected,
    `MTPW sequences marked with their activity ${f.mtpwMarked} of ${f.mtpwExpected}`,
  );
  off(
    ['mtpwDuplicates'],
    f.mtpwDuplicates !== 0,
    `${f.mtpwDuplicates} MTPW sequences created twice without telling the user`,
  );
  off(
    ['mtpwOrphans', 'interruptedCreatesReported'],
    f.mtpwOrphans > f.interruptedCreatesReported,
    `${f.mtpwOrphans} extra MTPW sequences but ${f.interruptedCreatesReported} interrupted creates reported`,
  );
  off(
    ['kills', 'killsRequested'],
    f.kills !== f.killsRequested,
    `${f.kills} of ${f.killsRequested} requested SIGKILLs happened`,
  );
  off(
    ['tokensReadBack'],
    !f.tokensReadBack,
    'the last tokens could not be read back from the keychain, so they were not searched for',
  );
  off(['secretsFound'], f.secretsFound !== 0, `${f.secretsFound} secrets found`);
  off(['foreseeable429s'], f.foreseeable429s !== 0, `${f.foreseeable429s} foreseeable 429s`);
  return { pass: problems.length === 0, problems };
}
