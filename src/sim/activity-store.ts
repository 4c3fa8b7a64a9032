import type { ActivityRecord, UploadRecord } from './activity-records';
import { defaultActivityName } from './activity-naming';
import { duplicateMessage, pickDuplicateForm } from './duplicate-message';
import type { DuplicateForm } from './sim-config';
import type { RandomSource } from './seeded-random';

const FIRST_UPLOAD_ID = 8_919_699_501;
const FIRST_ACTIVITY_ID = 18_106_372_042;

/** What a new upload carries, before the store gives it an id and a processing time. */
export type NewUpload = Omit<
  UploadRecord,
  | 'id'
  | 'externalId'
  | 'activityExternalId'
  | 'createdAt'
  | 'processAt'
  | 'outcome'
  | 'forceDuplicate'
> & {
  externalId: string | undefined;
};

/**
 * Uploads and the activities they become. Processing is settled lazily: whenever
 * anyone looks (a poll, a list, `state()`), every upload whose processing time has
 * passed on the sim clock is finished first, in the order it was due, so a jump of
 * the clock behaves like the time really passed.
 */
export class ActivityStore {
  readonly uploads = new Map<number, UploadRecord>();
  readonly activities = new Map<number, ActivityRecord>();
  private nextUploadId = FIRST_UPLOAD_ID;
  private nextActivityId = FIRST_ACTIVITY_ID;
  private duplicates = 0;

  constructor(
    private readonly now: () => number,
    private readonly settings: () => { processingDelayMs: number; duplicateForm: DuplicateForm },
    private readonly random: RandomSource,
  ) {}

  /** Registers an upload; it finishes `processingDelayMs` later by the sim clock. */
  addUpload(input: NewUpload): UploadRecord {
    const id = this.nextUploadId;
    this.nextUploadId += 1;
    const ext = input.dataType.replace(/\.gz$/, '');
    const fromFile = input.fileName.replace(/\.gz$/i, '') || `${id}.${ext}`;
    const { externalId, ...rest } = input;
    const upload: UploadRecord = {
      ...rest,
      id,
      externalId: externalId ?? fromFile,
      activityExternalId: externalId === undefined ? fromFile : `${externalId}.${ext}`,
      createdAt: this.now(),
      processAt: this.now() + this.settings().processingDelayMs,
      forceDuplicate: false,
      outcome: undefined,
    };
    this.uploads.set(id, upload);
    return upload;
  }

  /** Ends an upload at once as a duplicate (the `duplicate` fault at POST time). */
  rejectAsDuplicate(upload: UploadRecord): void {
    upload.processAt = this.now();
    upload.outcome = {
      kind: 'error',
      error: this.duplicateError(upload, this.latestActivityOf(upload.athleteId)),
    };
  }

  /** Finishes every upload whose processing time has come. */
  settle(): void {
    const due = [...this.uploads.values()]
      .filter((u) => !u.outcome && u.processAt <= this.now())
      .sort((a, b) => a.processAt - b.processAt || a.id - b.id);
    for (const upload of due) upload.outcome = this.process(upload);
  }

  /** The athlete's upload with this id (another athlete's upload is "not found"). */
  uploadOf(athleteId: number, id: number): UploadRecord | undefined {
    this.settle();
    const upload = this.uploads.get(id);
    return upload?.athleteId === athleteId ? upload : undefined;
  }

  /** The athlete's live activity with this id. */
  activityOf(athleteId: number, id: number): ActivityRecord | undefined {
    this.settle();
    const activity = this.activities.get(id);
    return activity && activity.athleteId === athleteId && !activity.deleted ? activity : undefined;
  }

  /** The athlete's live activities starting strictly between `after` and `before` (epoch s), newest first. */
  listOf(
    athleteId: number,
    after: number | undefined,
    before: number | undefined,
  ): ActivityRecord[] {
    this.settle();
    return [...this.activities.values()]
      .filter((a) => a.athleteId === athleteId && !a.deleted)
      .filter((a) => after === undefined || a.track.startMs > after * 1000)
      .filter((a) => before === undefined || a.track.startMs < before * 1000)
      .sort((a, b) => b.track.startMs - a.track.startMs || b.id - a.id);
  }

  /** Marks an activity deleted (on strava.com; the API cannot delete). */
  deleteActivity(id: number): boolean {
    this.settle();
    const activity = this.activities.get(id);
    if (!activity) return false;
    activity.deleted = true;
    return true;
  }

  private latestActivityOf(athleteId: number): ActivityRecord | undefined {
    let latest: ActivityRecord | undefined;
    for (const a of this.activities.values()) {
      if (a.athleteId === athleteId && !a.deleted && (!latest || a.id > latest.id)) latest = a;
    }
    return latest;
  }

  private process(upload: UploadRecord): UploadRecord['outcome'] {
    if (!upload.track.ok) return { kind: 'error', error: upload.track.reason };
    if (upload.forceDuplicate) {
      return {
        kind: 'error',
        error: this.duplicateError(upload, this.latestActivityOf(upload.athleteId)),
      };
    }
    const mine = [...this.activities.values()].filter((a) => a.athleteId === upload.athleteId);
    // Reported by users: reusing the external id of a deleted activity gives "deleted" again.
    if (mine.some((a) => a.deleted && a.externalId === upload.activityExternalId))
      return { kind: 'deleted' };
    const summary = upload.track.summary;
    const same = mine.find(
      (a) =>
        !a.deleted &&
        a.track.startMs === summary.startMs &&
        a.track.start[0] === summary.start[0] &&
        a.track.start[1] === summary.start[1],
    );
    if (same) return { kind: 'error', error: this.duplicateError(upload, same) };
    const sportType = upload.sportType ?? 'Ride';
    const activity: ActivityRecord = {
      id: this.nextActivityId,
      athleteId: upload.athleteId,
      uploadId: upload.id,
      externalId: upload.activityExternalId,
      name: upload.name ?? defaultActivityName(summary.startMs, sportType),
      description: upload.description ?? '',
      sportType,
      trainer: upload.trainer,
      commute: upload.commute,
      hideFromHome: false,
      gearId: undefined,
      track: summary,
      deleted: false,
    };
    this.nextActivityId += 1;
    this.activities.set(activity.id, activity);
    return { kind: 'ready', activityId: activity.id };
  }

  /** The duplicate error naming `existing`, or a made-up 64-bit-range id when there is none. */
  private duplicateError(upload: UploadRecord, existing: ActivityRecord | undefined): string {
    const form = pickDuplicateForm(this.settings().duplicateForm, this.duplicates);
    this.duplicates += 1;
    return duplicateMessage(form, {
      externalName: upload.activityExternalId,
      fileName: upload.fileName.replace(/\.gz$/i, '') || upload.activityExternalId,
      activityId: existing?.id ?? 12_000_000_000 + Math.floor(this.random() * 1_000_000_000),
      activityName: existing?.name ?? 'Ride',
    });
  }
}
