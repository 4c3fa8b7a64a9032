import { escapeHtml } from './escape-html';
import type { DuplicateForm } from './sim-config';

/** What the duplicate message names: the uploaded file and the existing activity. */
export interface DuplicateOf {
  /** The external id plus extension, e.g. `17611540601.gpx`. */
  externalName: string;
  /** The uploaded file's name, e.g. `ride.gpx`. */
  fileName: string;
  activityId: number;
  activityName: string;
}

/**
 * Picks the form of the next duplicate message. `alternate` switches on every
 * duplicate, starting with the text form, so a batch shows clients both forms.
 */
export function pickDuplicateForm(setting: DuplicateForm, counter: number): 'text' | 'html' {
  if (setting === 'alternate') return counter % 2 === 0 ? 'text' : 'html';
  return setting;
}

/**
 * Strava's duplicate error in one of its two real forms:
 * `17611540601.gpx duplicate of activity 8319193780` or
 * `ride.gpx duplicate of <a href='/activities/18106372042' target='_blank'>Ride</a>`.
 * The link text is the existing activity's name.
 */
export function duplicateMessage(form: 'text' | 'html', dup: DuplicateOf): string {
  if (form === 'text') return `${dup.externalName} duplicate of activity ${dup.activityId}`;
  return `${dup.fileName} duplicate of <a href='/activities/${dup.activityId}' target='_blank'>${escapeHtml(dup.activityName)}</a>`;
}
