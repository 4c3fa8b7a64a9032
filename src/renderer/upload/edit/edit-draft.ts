import { shapingDefaultsSchema, type ShapingDefaults } from '../../../shared/settings-schema';
import { gearIdPattern } from '../../../shared/shape-request';
import { checkSportType } from '../../../shared/sport-type-check';
import { formatTimeOffset, parseTimeOffset } from '../../../shared/time-offset-text';
import { typedNumber } from '../../settings/field-problems';
import type { BatchChanges, RowChanges } from './row-changes';

/** The Edit panel's fields as typed: texts until they are applied. */
export interface EditDraft {
  name: string;
  description: string;
  /** Empty: the transport's sport. */
  sportType: string;
  trimStartM: string;
  trimEndM: string;
  /** Empty: no offset. */
  timeOffset: string;
  usePrivacyZones: boolean;
  hideFromHome: boolean;
  commute: boolean;
  /** Empty: the athlete's default gear. */
  gearId: string;
}

export type DraftField = keyof EditDraft;
/** Field → why its value cannot be used. */
export type DraftProblems = Partial<Record<DraftField, string>>;

/** What the row is without any change: the sequence's own name and description. */
export interface RowOriginal {
  name: string;
  description?: string | undefined;
}

/** The form for a row: its changes shown over the defaults and the sequence's own values. */
export function draftOf(
  original: RowOriginal,
  defaults: ShapingDefaults,
  changes: RowChanges = {},
): EditDraft {
  const offset = changes.timeOffsetS ?? 0;
  return {
    name: changes.name ?? original.name,
    description: changes.description ?? original.description ?? '',
    sportType: changes.sportType ?? '',
    trimStartM: String(changes.trimStartM ?? defaults.trimStartM),
    trimEndM: String(changes.trimEndM ?? defaults.trimEndM),
    timeOffset: offset === 0 ? '' : formatTimeOffset(offset),
    usePrivacyZones: changes.usePrivacyZones ?? true,
    hideFromHome: changes.hideFromHome ?? defaults.hideFromHome,
    commute: changes.commute ?? false,
    gearId: changes.gearId ?? '',
  };
}

const trimField = {
  trimStartM: shapingDefaultsSchema.shape.trimStartM,
  trimEndM: shapingDefaultsSchema.shape.trimEndM,
} as const;

/** Reads a trim with Settings' own rule, so the words match ("The start trim cannot be negative."). */
function parseTrim(field: keyof typeof trimField, text: string): number | string {
  const parsed = trimField[field].safeParse(typedNumber(text));
  return parsed.success ? parsed.data : (parsed.error.issues[0]?.message ?? 'Not a number.');
}

/**
 * Reads the form: the row's changes, or the reason per field that cannot be used.
 * A value equal to the sequence's own (name, description) is no change; trims and
 * hide from home are always the row's own once it was edited.
 */
export function parseDraft(
  draft: EditDraft,
  original: RowOriginal,
): { ok: true; changes: RowChanges } | { ok: false; problems: DraftProblems } {
  const problems: DraftProblems = {};
  const changes: RowChanges = {
    usePrivacyZones: draft.usePrivacyZones,
    hideFromHome: draft.hideFromHome,
    commute: draft.commute,
  };
  const name = draft.name.trim();
  if (name === '') problems.name = 'Enter a name: Strava needs one.';
  else if (name.length > 200) problems.name = 'A name is at most 200 characters.';
  else if (name !== original.name) changes.name = name;
  if (draft.description.length > 5000)
    problems.description = 'A description is at most 5,000 characters.';
  else if (draft.description !== (original.description ?? ''))
    changes.description = draft.description;
  if (draft.sportType.trim() !== '') {
    const sport = checkSportType(draft.sportType);
    if ('problem' in sport) problems.sportType = capitalise(sport.problem);
    else changes.sportType = sport.sportType;
  }
  for (const field of ['trimStartM', 'trimEndM'] as const) {
    const trim = parseTrim(field, draft[field]);
    if (typeof trim === 'string') problems[field] = trim;
    else changes[field] = trim;
  }
  if (draft.timeOffset.trim() !== '') {
    const offset = parseTimeOffset(draft.timeOffset);
    if ('problem' in offset) problems.timeOffset = capitalise(offset.problem);
    else changes.timeOffsetS = offset.seconds;
  }
  const gear = draft.gearId.trim();
  if (gear !== '') {
    if (!gearIdPattern.test(gear))
      problems.gearId = 'A gear id is b or g followed by digits (b12345), or none.';
    else changes.gearId = gear;
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, changes };
}

/** The batch bar's form read like a row's, without a name or description of its own. */
export function parseBatchDraft(
  draft: EditDraft,
): { ok: true; changes: BatchChanges } | { ok: false; problems: DraftProblems } {
  const parsed = parseDraft({ ...draft, name: 'batch', description: '' }, { name: 'batch' });
  if (!parsed.ok) return parsed;
  const { name: _name, description: _description, ...changes } = parsed.changes;
  return { ok: true, changes };
}

function capitalise(text: string): string {
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return sentence.endsWith('.') || sentence.endsWith('?') ? sentence : `${sentence}.`;
}
