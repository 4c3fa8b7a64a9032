import { z } from 'zod';
import type { DropGrantResponse } from './drop-grant';
import { settingsPatchSchema, settingsViewSchema } from './settings-schema';
import {
  athleteGearSchema,
  extraStravaScopeSchema,
  shapePreviewRequestSchema,
  shapePreviewSchema,
  shapeRequestSchema,
} from './shape-request';
import {
  backlogEstimateSchema,
  folderPathSchema as folderPath,
  itemIdSchema as itemId,
  queueAckSchema,
  queueDeltaSchema,
  queueSnapshotSchema,
  watchStatusSchema,
} from './queue-schemas';
import { uploadErrorDataSchema } from './upload-error-data';

export * from './queue-schemas';

/**
 * The one IPC contract: every channel the renderer may call, with its request and
 * response schemas. Main registers handlers from this table, preload builds
 * `window.mtp` from it, and the browser harness serves it over the loopback bridge.
 * No channel ever carries a token or the client secret.
 */

const service = z.enum(['strava', 'mtpw']);
const activityId = z.string().regex(/^\d{1,20}$/);

export const accountsSchema = z.object({
  strava: z.object({
    connected: z.boolean(),
    name: z.string().optional(),
    athleteId: z.string().optional(),
    scopes: z.array(z.string()),
  }),
  mtpw: z.object({
    connected: z.boolean(),
    /** What is missing before Map the Paths can connect (its client id), in words. */
    setupNeeded: z.string().optional(),
  }),
  /** The Strava API app: whether the user still has to enter its Client ID and Secret. */
  stravaAppConfigured: z.boolean(),
});
export type Accounts = z.infer<typeof accountsSchema>;

/** A folder checked before anything is sent. */
export const sequencePreviewSchema = z.object({
  folder: z.string(),
  name: z.string(),
  description: z.string().optional(),
  mtpwId: z.string().optional(),
  transport: z.string().optional(),
  points: z.number().optional(),
  startTime: z.string().optional(),
  distanceM: z.number().optional(),
  bytes: z.number().optional(),
  shape: z.array(z.tuple([z.number(), z.number()])).optional(),
  warnings: z.array(z.string()),
  alreadyOnStrava: z.boolean(),
  problem: uploadErrorDataSchema.optional(),
});
export type SequencePreview = z.infer<typeof sequencePreviewSchema>;

/** Names one `folders:inspect` request; the renderer picks it, so no event can arrive before it is known. */
const previewRequestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** At most this many previews travel in one `folders:previewed` event. */
export const previewBatchMax = 200;

/**
 * One push of `folders:previewed`: previews of a request as they are made, with how
 * many of its folders are still being checked; the last one has `done: true`.
 */
export const folderPreviewsEventSchema = z.object({
  requestId: previewRequestId,
  previews: z.array(sequencePreviewSchema).max(previewBatchMax),
  remaining: z.number().int().nonnegative(),
  done: z.boolean(),
});
export type FolderPreviewsEvent = z.infer<typeof folderPreviewsEventSchema>;

export { settingsViewSchema, type SettingsView } from './settings-schema';

const empty = z.object({}).strict();

/** What `sequences:findUnsent` answers: `count` counts a sequence split in `_part_N` folders once. */
export const unsentSequencesSchema = z.object({
  roots: z.array(folderPath).max(16),
  count: z.number().int().nonnegative(),
  paths: z.array(folderPath).max(100_000),
});
export type UnsentSequencesView = z.infer<typeof unsentSequencesSchema>;

/** Channel name → request and response schemas. */
export const ipcContract = {
  'accounts:get': { request: empty, response: accountsSchema },
  'accounts:connect': {
    request: z
      .object({
        service,
        method: z.enum(['window', 'browser']),
        /** Asked only for what the user turned on (gear: `profile:read_all`). */
        extraScopes: z.array(extraStravaScopeSchema).max(1).optional(),
      })
      .strict(),
    response: accountsSchema,
  },
  /** The athlete's bikes and shoes (refused until Strava allowed `profile:read_all`). */
  'athlete:gear': { request: empty, response: athleteGearSchema },
  'accounts:cancelConnect': {
    request: z.object({ service }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'accounts:disconnect': { request: z.object({ service }).strict(), response: accountsSchema },
  'settings:get': { request: empty, response: settingsViewSchema },
  'settings:setStravaApp': {
    request: z
      .object({
        clientId: z.string().regex(/^\d{1,20}$/),
        clientSecret: z.string().regex(/^[0-9a-f]{20,80}$/i),
      })
      .strict(),
    response: settingsViewSchema,
  },
  /** A partial change; refused whole, with a reason per field (`error.fields`), when a value is not valid. */
  'settings:set': { request: settingsPatchSchema, response: settingsViewSchema },
  'folders:choose': { request: empty, response: z.object({ paths: z.array(folderPath) }) },
  /** A drag entered the window: start the folder checkers now, so the first preview is quick. */
  'folders:prepare': { request: empty, response: empty },
  /** Starts checking folders; the previews follow as `folders:previewed` events. */
  'folders:inspect': {
    request: z
      .object({ requestId: previewRequestId, paths: z.array(folderPath).min(1).max(1000) })
      .strict(),
    response: z.object({ requestId: previewRequestId }),
  },
  /** What one row's shaping would send: the kept part of its drawing, the distance, what is dropped. */
  'folders:shapePreview': { request: shapePreviewRequestSchema, response: shapePreviewSchema },
  /**
   * The review offer: sequence folders in ~/MTP/sequences or the watched folder with
   * neither a done marker nor a journal item. Main grants the paths it answers.
   */
  'sequences:findUnsent': { request: empty, response: unsentSequencesSchema },
  'queue:get': { request: empty, response: queueSnapshotSchema },
  'queue:estimate': { request: empty, response: backlogEstimateSchema },
  'watch:get': { request: empty, response: watchStatusSchema },
  'queue:add': {
    request: z
      .object({
        paths: z.array(folderPath).min(1).max(1000),
        createMtpw: z.boolean(),
        /** Rows the user edited, or all rows with Settings' defaults: paths left out get those defaults. */
        shaping: z
          .array(
            z.strictObject({
              paths: z.array(folderPath).min(1).max(1000),
              shape: shapeRequestSchema,
            }),
          )
          .max(1000)
          .optional(),
      })
      .strict(),
    response: queueAckSchema,
  },
  'queue:retry': {
    request: z.object({ id: itemId.optional() }).strict(),
    response: queueAckSchema,
  },
  'queue:remove': { request: z.object({ id: itemId }).strict(), response: queueAckSchema },
  'shell:openActivity': {
    request: z.object({ activityId }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
  /** A save dialog, then the diagnostics bundle (logs, versions, settings without secrets, queue). */
  'support:exportDiagnostics': {
    request: empty,
    response: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  'support:openLogFolder': { request: empty, response: z.object({ opened: z.boolean() }) },
  /** Restarts into a downloaded update (the banner's button); false when there is none. */
  'update:restart': { request: empty, response: z.object({ restarting: z.boolean() }) },
} as const;

export type IpcContract = typeof ipcContract;
export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = z.input<IpcContract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<IpcContract[C]['response']>;

/** Every answer crosses IPC as a result: a value, or an error a person can read. */
export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: z.infer<typeof uploadErrorDataSchema> };

/**
 * What main pushes to the renderer, event name → payload schema. The receiving side
 * parses every payload with it (the push crosses a trust boundary too).
 */
export const ipcEvents = {
  /** The queue's changes, throttled, numbered. */
  'queue:changed': queueDeltaSchema,
  /** Folder previews as they are made. */
  'folders:previewed': folderPreviewsEventSchema,
  /** Main asks for a screen (a click on the batch notification opens the Queue). */
  'app:navigate': z.object({ screen: z.enum(['queue']) }).strict(),
  /** The watched folder's state changed, or it queued a folder. */
  'watch:changed': watchStatusSchema,
  /** An update is downloaded and waits for a restart. */
  'update:ready': z.object({ version: z.string().max(64).optional() }).strict(),
} as const;

export type IpcEvents = typeof ipcEvents;
export type EventName = keyof IpcEvents;
export type EventOf<E extends EventName> = z.output<IpcEvents[E]>;
/** One pushed event, as the app hands it to main or the loopback bridge. */
export type IpcEvent = { [E in EventName]: { name: E; payload: EventOf<E> } }[EventName];

/** The API preload exposes as `window.mtp`: one function per channel, plus the push subscription. */
export type MtpApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;
} & {
  /** Listens to one pushed event; the payload is untrusted until parsed with `ipcEvents[name]`. */
  on(name: EventName, listener: (payload: unknown) => void): () => void;
  /**
   * Grants the dropped files' real paths (Electron's webUtils.getPathForFile, in the
   * preload) and answers them; absent in the browser harness. A File made by script
   * has no path, so a page can only grant what the user really dropped.
   */
  grantDropped?(files: File[]): Promise<IpcResult<DropGrantResponse>>;
};
