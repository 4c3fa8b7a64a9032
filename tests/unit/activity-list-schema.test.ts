import { expect, it } from 'vitest';
import { activityListSchema, activitySchema } from '../../src/core/strava/strava-schemas';

const listed = {
  id: 18106372042,
  upload_id_str: '8919699501',
  name: 'Harbour walk',
  map: { id: 'a18106372042', summary_polyline: 'u{~vFvyys@fS]'.repeat(50) },
  kudos_count: 3,
};

it('a page of the activity list keeps only the fields the pipeline reads', () => {
  const [activity] = activityListSchema.parse([listed]);
  expect(activity).toEqual({
    id: '18106372042',
    upload_id_str: '8919699501',
    name: 'Harbour walk',
  });
});

it('one activity keeps every field Strava sent', () => {
  expect(activitySchema.parse(listed)).toMatchObject({ map: listed.map, kudos_count: 3 });
});
