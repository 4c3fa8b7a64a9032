import type { QueueItem } from '../../src/core/pipeline/queue-item';

/** A queue item as the pipeline leaves one after a few steps, varied by `i`. */
export function sampleItem(i: number, overrides: Partial<QueueItem> = {}): QueueItem {
  const id = i.toString(16).padStart(16, '0');
  const stages = ['queued', 'uploading', 'processing', 'syncing', 'done', 'failed'] as const;
  const stage = stages[i % stages.length] ?? 'queued';
  return {
    id,
    folder: `/home/someone/MTP/sequences/Sequence ${i}`,
    name: `Sequence ${i}`,
    stage,
    attempts: i % 3,
    createMtpw: i % 2 === 0,
    description: `Day ${i} along the coast, with a few words more so the record has some weight.`,
    tags: ['coast', `day-${i}`],
    sportType: 'Walk',
    mtpApi: 'walk',
    gpxPath: `/home/someone/MTP/sequences/Sequence ${i}/Sequence ${i}.gpx`,
    trackStart: new Date(Date.UTC(2021, 0, 1) + i * 3_600_000).toISOString(),
    ...(stage !== 'queued' ? { uploadStartedAt: 1_700_000_000_000 + i } : {}),
    ...(stage === 'processing' || stage === 'syncing' || stage === 'done'
      ? { uploadId: String(9_000_000_000 + i) }
      : {}),
    ...(stage === 'syncing' || stage === 'done' ? { activityId: String(8_000_000_000 + i) } : {}),
    ...(stage === 'failed'
      ? {
          failedStep: 'uploading' as const,
          error: { kind: 'server' as const, message: 'Strava is having trouble.', retryable: true },
        }
      : {}),
    polls: i % 4,
    mtpwSynced: stage === 'done',
    bytesSent: 0,
    bytesTotal: 1000 + i,
    addedAt: 1_700_000_000_000 + i,
    updatedAt: 1_700_000_000_000 + i * 2,
    ...overrides,
  };
}
