import { withTime } from '../shared/timed-words';

/** A moment as the terminal user's clock shows it ("14:45:10"): the CLI formats the times core sends. */
export function cliTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString();
}

/** Words from core with their time slot filled in the CLI's clock format. */
export function cliWords(words: string, at: number | undefined): string {
  return withTime(words, at, cliTime);
}
