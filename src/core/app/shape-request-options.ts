import type { ShapeRequest } from '../../shared/shape-request';
import { UploadError } from '../errors/upload-error';
import { shapeOptionsSchema, type ShapeOptions } from '../shape/shape-options';

/**
 * A row's shaping from the renderer, checked with core's own schema: the renderer's
 * form checks first, but it is not trusted. Refused whole (UploadError
 * `invalid-input`), with a reason per field, when a value is not valid.
 */
export function shapeOptionsFromRequest(request: ShapeRequest): ShapeOptions {
  const parsed = shapeOptionsSchema.safeParse(request);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message;
  throw new UploadError({
    kind: 'invalid-input',
    message: `The changes to a sequence are not valid (${Object.keys(fields).join(', ')}).`,
    retryable: false,
    fields,
  });
}

/**
 * The shaping per folder of one `queue:add`, keyed by the path as `check` answers it
 * (the grant check resolves paths, so the keys match the queued paths).
 */
export async function shapesByPath(
  groups: readonly { paths: string[]; shape: ShapeRequest }[],
  check: (paths: string[]) => Promise<string[]>,
): Promise<Map<string, ShapeOptions>> {
  const shapes = new Map<string, ShapeOptions>();
  for (const group of groups) {
    const options = shapeOptionsFromRequest(group.shape);
    for (const path of await check(group.paths)) shapes.set(path, options);
  }
  return shapes;
}
