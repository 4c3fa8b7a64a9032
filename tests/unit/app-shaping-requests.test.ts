import { describe, expect, it } from 'vitest';
import { groupByShape } from '../../src/core/app/shape-groups';
import { shapeOptionsFromRequest, shapesByPath } from '../../src/core/app/shape-request-options';
import { isUploadError } from '../../src/core/errors/upload-error';
import { defaultShapeOptions, shapeOptionsSchema } from '../../src/core/shape/shape-options';
import { buildStravaAuthorizeUrl } from '../../src/core/strava/strava-authorize';
import { gearOptions } from '../../src/core/strava/strava-gear';

describe("the app's shaping requests, in core", () => {
  it('parses a row with core’s schema: every field left out takes its default', () => {
    expect(shapeOptionsFromRequest({})).toEqual(defaultShapeOptions);
    expect(
      shapeOptionsFromRequest({
        name: ' Sunrise ',
        description: '',
        sportType: 'Hike',
        trimEndM: 5,
      }),
    ).toMatchObject({ name: 'Sunrise', description: '', sportType: 'Hike', trimEndM: 5 });
  });

  it('refuses a row the renderer should not have sent, with a reason per field', () => {
    let thrown: unknown;
    try {
      shapeOptionsFromRequest({ trimStartM: -1, sportType: 'Flying', gearId: 'x', name: ' ' });
    } catch (error) {
      thrown = error;
    }
    expect(isUploadError(thrown) && thrown.kind).toBe('invalid-input');
    const fields = isUploadError(thrown) ? (thrown.fields ?? {}) : {};
    expect(Object.keys(fields).sort()).toEqual(['gearId', 'name', 'sportType', 'trimStartM']);
  });

  it('keys the shaping by the path as the grant check answers it', async () => {
    const shapes = await shapesByPath(
      [{ paths: ['rel/a', 'rel/b'], shape: { commute: true } }],
      (paths) => Promise.resolve(paths.map((p) => `/home/${p}`)),
    );
    expect([...shapes.keys()]).toEqual(['/home/rel/a', '/home/rel/b']);
    expect(shapes.get('/home/rel/a')?.commute).toBe(true);
  });

  it('groups the paths of one add by shaping; the rest take the defaults', () => {
    const own = shapeOptionsSchema.parse({ trimEndM: 10 });
    const same = shapeOptionsSchema.parse({ trimEndM: 10 });
    const defaults = shapeOptionsSchema.parse({ hideFromHome: true });
    const groups = groupByShape(
      ['/a', '/b', '/c', '/d'],
      new Map([
        ['/b', own],
        ['/d', same],
      ]),
      defaults,
    );
    expect(groups).toEqual([
      { paths: ['/a', '/c'], shape: defaults },
      { paths: ['/b', '/d'], shape: own },
    ]);
    expect(groupByShape(['/a'], new Map(), undefined)).toEqual([
      { paths: ['/a'], shape: undefined },
    ]);
  });

  it('asks Strava for profile:read_all only when gear is turned on', () => {
    const input = {
      oauthBase: 'https://www.strava.com/oauth',
      clientId: '123',
      redirectUri: 'http://localhost:1234/exchange_token',
    };
    expect(buildStravaAuthorizeUrl(input).url.searchParams.get('scope')).not.toMatch(/profile/);
    expect(
      buildStravaAuthorizeUrl({ ...input, extraScopes: ['profile:read_all'] }).url.searchParams.get(
        'scope',
      ),
    ).toBe('read,activity:write,activity:read_all,profile:read_all');
  });

  it("offers the athlete's bikes then shoes, without retired gear; none listed reads as none", () => {
    expect(
      gearOptions({
        shoes: [{ id: 'g9', name: 'Trail shoes' }],
        bikes: [
          { id: 'b1', name: 'Gravel', retired: false },
          { id: 'b2', name: 'Old', retired: true },
          { id: 'b3', name: null },
        ],
      }),
    ).toEqual([
      { id: 'b1', name: 'Gravel', kind: 'bike' },
      { id: 'b3', name: 'b3', kind: 'bike' },
      { id: 'g9', name: 'Trail shoes', kind: 'shoe' },
    ]);
    expect(gearOptions({})).toEqual([]);
  });
});
