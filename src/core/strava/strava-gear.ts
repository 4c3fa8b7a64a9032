import { z } from 'zod';
import type { GearOption } from '../../shared/shape-request';
import { gearIdPattern } from '../shape/shape-options';

const summaryGear = z.object({
  id: z.string(),
  name: z.string().nullish(),
  retired: z.boolean().optional(),
});

/**
 * The gear of a DetailedAthlete (`GET /athlete`). Strava leaves `bikes` and `shoes`
 * out unless the token has `profile:read_all`, so absent lists read as empty.
 */
export const athleteGearSchema = z.object({
  bikes: z.array(summaryGear).nullish(),
  shoes: z.array(summaryGear).nullish(),
});
export type AthleteGear = z.infer<typeof athleteGearSchema>;

/** Bikes then shoes, as the Edit panel offers them; retired gear and odd ids left out. */
export function gearOptions(athlete: AthleteGear): GearOption[] {
  const pick = (list: AthleteGear['bikes'], kind: GearOption['kind']): GearOption[] =>
    (list ?? [])
      .filter((g) => g.retired !== true && gearIdPattern.test(g.id))
      .map((g) => ({ id: g.id, name: (g.name ?? '').slice(0, 200) || g.id, kind }));
  return [...pick(athlete.bikes, 'bike'), ...pick(athlete.shoes, 'shoe')];
}
