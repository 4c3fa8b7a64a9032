import { useEffect, useState } from 'react';
import type { ShapePreview, ShapeRequest } from '../../../shared/shape-request';
import { callMtp } from '../../mtp-call';
import { changesTrack } from './row-changes';

/** Answers kept, so a row scrolled out of view and back is not read again. */
const cacheLimit = 500;
const cache = new Map<string, ShapePreview>();

function remember(key: string, preview: ShapePreview): void {
  cache.set(key, preview);
  if (cache.size > cacheLimit) cache.delete(cache.keys().next().value ?? key);
}

/**
 * What a row's shaping keeps, asked of main (the renderer cannot read the GPX); none
 * when the shaping leaves the track as it is. Only rows drawn ask, as they are drawn.
 */
export function useShapePreview(
  folder: string,
  shape: ShapeRequest,
): { preview: ShapePreview | undefined; error: string | undefined } {
  const key = changesTrack(shape) ? `${folder}\n${JSON.stringify(shape)}` : undefined;
  const [answer, setAnswer] = useState<{ key: string; preview?: ShapePreview; error?: string }>();

  useEffect(() => {
    if (key === undefined) return;
    const known = cache.get(key);
    if (known) return setAnswer({ key, preview: known });
    let live = true;
    void callMtp('folders:shapePreview', { path: folder, shape }).then((result) => {
      if (!live) return;
      if (result.ok) {
        remember(key, result.value);
        setAnswer({ key, preview: result.value });
      } else setAnswer({ key, error: result.error.message });
    });
    return () => {
      live = false;
    };
    // `key` holds the folder and the shape: a new shape object with the same values asks nothing.
  }, [key]);

  if (key === undefined || answer?.key !== key) return { preview: undefined, error: undefined };
  return { preview: answer.preview, error: answer.error };
}
