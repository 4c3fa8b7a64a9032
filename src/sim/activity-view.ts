import type { ActivityRecord } from './activity-records';
import { encodePolyline } from './polyline';
import { legacyActivityType } from './sport-types';
import { isoSeconds } from './strava-athletes';

/**
 * An activity as a SummaryActivity (`GET /athlete/activities`).
 * Values Strava sends as null (workout_type, gear_id, elevations of a track without
 * `<ele>`) are left out so the body validates against the swagger schema. The
 * simulator knows no time zone: local time is UTC.
 */
export function summaryActivity(a: ActivityRecord): Record<string, unknown> {
  const t = a.track;
  return {
    resource_state: 2,
    athlete: { id: a.athleteId, resource_state: 1 },
    name: a.name,
    distance: t.distance,
    moving_time: t.movingTime,
    elapsed_time: t.elapsedTime,
    total_elevation_gain: t.elevationGain,
    type: legacyActivityType(a.sportType),
    sport_type: a.sportType,
    id: a.id,
    external_id: a.externalId,
    upload_id: a.uploadId,
    upload_id_str: String(a.uploadId),
    start_date: isoSeconds(t.startMs),
    start_date_local: isoSeconds(t.startMs),
    timezone: '(GMT+00:00) Etc/UTC',
    utc_offset: 0,
    start_latlng: t.start,
    end_latlng: t.end,
    achievement_count: 0,
    kudos_count: 0,
    comment_count: 0,
    athlete_count: 1,
    photo_count: 0,
    total_photo_count: 0,
    map: { id: `a${a.id}`, summary_polyline: encodePolyline(t.outline), resource_state: 2 },
    trainer: a.trainer,
    commute: a.commute,
    manual: false,
    private: false,
    visibility: 'everyone',
    flagged: false,
    hide_from_home: a.hideFromHome,
    ...(a.gearId === undefined ? {} : { gear_id: a.gearId }),
    from_accepted_tag: false,
    average_speed: t.movingTime > 0 ? Math.round((t.distance / t.movingTime) * 1000) / 1000 : 0,
    max_speed: t.maxSpeed,
    has_heartrate: false,
    has_kudoed: false,
    pr_count: 0,
    ...(t.elevHigh === undefined ? {} : { elev_high: t.elevHigh }),
    ...(t.elevLow === undefined ? {} : { elev_low: t.elevLow }),
  };
}

/** An activity as a DetailedActivity (`GET` and `PUT /activities/{id}`). */
export function detailedActivity(a: ActivityRecord): Record<string, unknown> {
  const summary = summaryActivity(a);
  const polyline = encodePolyline(a.track.outline);
  return {
    ...summary,
    resource_state: 3,
    description: a.description,
    map: { id: `a${a.id}`, polyline, summary_polyline: polyline, resource_state: 3 },
    calories: 0,
    device_name: 'MTP Strava Uploader',
    embed_token: `sim${a.id}`,
    segment_efforts: [],
    splits_metric: [],
    splits_standard: [],
    laps: [],
    best_efforts: [],
    photos: { count: 0 },
    ...(a.gearId === undefined
      ? {}
      : {
          gear: {
            id: a.gearId,
            resource_state: 2,
            primary: false,
            name: 'Simulated gear',
            distance: 0,
          },
        }),
  };
}
