import { dropGrantResponseSchema } from '../../shared/drop-grant';

/**
 * The paths of the folders dropped on the window. In Electron, the preload's
 * `grantDropped` finds each dropped item's real path (webUtils.getPathForFile) and
 * has main grant it, so main will open it. A web page never learns paths, so in the
 * browser harness (no `grantDropped`) the dropped items' NAMES are sent as paths
 * instead, and the harness maps each name to a folder of its own fixtures directory,
 * the one folder it grants.
 */
export function droppedPaths(data: DataTransfer): Promise<string[]> {
  // The drop's files are readable during the event only: take them now.
  const files = Array.from(data.files);
  const mtp = window.mtp as Window['mtp'] | undefined;
  if (!mtp?.grantDropped)
    return Promise.resolve(files.map((file) => file.name).filter((name) => name.length > 0));
  return mtp.grantDropped(files).then(
    (result) => {
      const answer = result.ok ? dropGrantResponseSchema.safeParse(result.value) : undefined;
      return answer?.success ? answer.data.paths : [];
    },
    () => [],
  );
}
