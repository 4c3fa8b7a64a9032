/** A moment as the user's clock shows it, hours and minutes only ("14:45", "2:45 PM"). */
export function clockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
