import { z } from 'zod';

/**
 * The preload's own channel for a real drop: it carries the paths Electron's
 * `webUtils.getPathForFile` found for the dropped files, and main grants them. It is
 * not in `ipcContract`, so `window.mtp`'s one-function-per-channel loop never
 * exposes it, and with context isolation the page cannot reach `ipcRenderer` to
 * send it any other string.
 */
export const dropGrantChannel = 'drop:grant';

/** At most this many items are taken from one drop (as `queue:add` takes per call). */
export const dropGrantMax = 1000;

export const dropGrantRequestSchema = z
  .object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(dropGrantMax) })
  .strict();

export const dropGrantResponseSchema = z.object({ paths: z.array(z.string()) });
export type DropGrantResponse = z.infer<typeof dropGrantResponseSchema>;
