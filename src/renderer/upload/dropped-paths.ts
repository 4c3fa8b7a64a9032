/**
 * The paths of the folders dropped on the window. In Electron, preload's
 * `pathForFile` (webUtils.getPathForFile) gives each dropped item's real path. A web
 * page never learns paths, so in the browser harness (no `pathForFile`) the dropped
 * items' NAMES are sent as paths instead, and the harness maps each name to a folder
 * of its own fixtures directory.
 */
export function droppedPaths(data: DataTransfer): string[] {
  const mtp = window.mtp as Window['mtp'] | undefined;
  return Array.from(data.files)
    .map((file) => (mtp?.pathForFile ? mtp.pathForFile(file) : file.name))
    .filter((path) => path.length > 0);
}
