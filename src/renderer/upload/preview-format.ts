/** A distance in kilometres with one decimal, in the user's number format ("12.3 km"). */
export function formatKm(metres: number): string {
  const km = metres / 1000;
  return `${km.toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} km`;
}

/** A track's start as the user's locale writes dates ("1 May 2021, 08:00"); the raw text if unreadable. */
export function formatStart(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A size in megabytes or kilobytes, whichever reads better. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000)
    return `${(bytes / 1_000_000).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1000)).toLocaleString()} KB`;
}
