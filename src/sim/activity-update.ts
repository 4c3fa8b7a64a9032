import type { ActivityRecord } from './activity-records';
import { badRequest } from './faults';
import { formBoolean } from './form-boolean';
import { fieldString, type RequestFields } from './request-body';
import type { SimResponse } from './sim-response';
import { isSportType } from './sport-types';

/**
 * Applies `PUT /activities/{id}` fields (UpdatableActivity) to an activity, JSON or
 * form alike. Everything is validated before anything changes, so a refused update
 * leaves the activity as it was. Visibility cannot be set, as on Strava.
 */
export function applyActivityUpdate(
  activity: ActivityRecord,
  f: RequestFields,
): SimResponse | undefined {
  const flags: Partial<Record<'commute' | 'trainer' | 'hide_from_home', boolean>> = {};
  for (const name of ['commute', 'trainer', 'hide_from_home'] as const) {
    const value = formBoolean(f[name]);
    if (value === 'invalid') return badRequest('Activity', name, 'invalid');
    if (value !== undefined) flags[name] = value;
  }
  // `type` is deprecated and ignored when `sport_type` is present too.
  const sportType = fieldString(f, 'sport_type') ?? fieldString(f, 'type');
  if (sportType !== undefined && !isSportType(sportType)) {
    return badRequest('Activity', f.sport_type === undefined ? 'type' : 'sport_type', 'invalid');
  }
  const name = fieldString(f, 'name');
  if (name !== undefined && name.trim() === '') return badRequest('Activity', 'name', 'invalid');
  const description = fieldString(f, 'description');
  const gearId = fieldString(f, 'gear_id');

  if (name !== undefined) activity.name = name;
  if (description !== undefined) activity.description = description;
  if (sportType !== undefined) activity.sportType = sportType;
  if (flags.commute !== undefined) activity.commute = flags.commute;
  if (flags.trainer !== undefined) activity.trainer = flags.trainer;
  if (flags.hide_from_home !== undefined) activity.hideFromHome = flags.hide_from_home;
  // Strava's `none` clears the gear.
  if (gearId !== undefined)
    activity.gearId = gearId === 'none' || gearId === '' ? undefined : gearId;
  return undefined;
}
