import type { CorpusCase, CorpusExpect } from './corpus-case';
import { folderWith, startFor } from './corpus-case';
import { goodGpx } from './gpx-builders';

/** A `<name>.json` as the MTP Desktop Uploader writes it, with `sequence` fields replaced. */
function sequenceJson(name: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      sequence: {
        id: '6a6a0c88-b114-44a3-845e-816d64093ca2',
        uploader_sequence_name: name,
        uploader_sequence_description: `${name}, from the bad-input corpus`,
        uploader_transport_type: 'Earth',
        uploader_transport_method: 'Walk',
        uploader_tags: ['corpus'],
        ...fields,
      },
      photo: {},
    },
    null,
    2,
  );
}

/**
 * An MTP folder `name/` holding `name.json` and a good track (named `gpxName(name)`, or
 * none when that gives undefined), plus extra files.
 */
const mtpCase = (
  name: string,
  json: string,
  expect: (name: string) => CorpusExpect,
  extra: Record<string, string> = {},
  gpxName: (name: string) => string | undefined = (n) => `${n}.gpx`,
): CorpusCase => ({
  name,
  make: async (parent) => {
    const track = gpxName(name);
    return {
      path: await folderWith(parent, name, {
        ...(track === undefined ? {} : { [track]: goodGpx(startFor(name)) }),
        [`${name}.json`]: json,
        ...extra,
      }),
      expect: expect(name),
    };
  },
});

/** Refused for `<name>.json`, in the words of `says`. */
const jsonSays =
  (says: RegExp, file = (name: string) => `${name}/${name}.json`) =>
  (name: string): CorpusExpect => ({ file: file(name), says });

/** Sequence files and markers that are broken, of the wrong shape, or about another sequence. */
export const jsonCases: CorpusCase[] = [
  mtpCase(
    'json-not-json',
    '{\n  "sequence": {\n    "uploader_sequence_name": "x",,\n  }\n}\n',
    jsonSays(/is not valid JSON \(line 3\)\./),
  ),
  mtpCase('json-empty', ' \n', jsonSays(/is empty\./)),
  mtpCase(
    'json-tags-a-number',
    sequenceJson('json-tags-a-number', { uploader_tags: 5 }),
    jsonSays(/has a wrong value for "sequence\.uploader_tags": expected a list of words/),
  ),
  mtpCase(
    'json-name-an-object',
    sequenceJson('json-name-an-object', { uploader_sequence_name: { first: 'Walk' } }),
    jsonSays(/has a wrong value for "sequence\.uploader_sequence_name": expected text/),
  ),
  mtpCase(
    'json-sequence-missing',
    JSON.stringify({ photo: {} }),
    jsonSays(/has a wrong value for "sequence": expected an object/),
  ),
  mtpCase(
    'json-top-level-array',
    '[1, 2, 3]',
    jsonSays(/does not have the expected shape: expected an object with a "sequence" object/),
  ),
  mtpCase(
    'mtpw-id-not-a-uuid',
    sequenceJson('mtpw-id-not-a-uuid', { destination: { mtp: 'not-a-uuid' } }),
    jsonSays(/has a malformed MTPW id in "sequence\.destination\.mtp": expected a uuid or true/),
  ),
  mtpCase(
    'mtpw-id-a-number',
    sequenceJson('mtpw-id-a-number', { destination: { mtp: 12345 } }),
    jsonSays(/has a wrong value for "sequence\.destination\.mtp": expected a uuid or true/),
  ),
  mtpCase(
    'marker-other-sequence',
    sequenceJson('marker-other-sequence'),
    jsonSays(
      /is about another sequence \("Evening Run"\), not "marker-other-sequence"\. Remove it if it was copied here by mistake/,
      (name) => `${name}/upload_strava.json`,
    ),
    { 'upload_strava.json': '{"sequence":"Evening Run","status":"TRUE","data":8919699501}' },
  ),
  mtpCase(
    'marker-not-json',
    sequenceJson('marker-not-json'),
    jsonSays(/is not valid JSON \(line 1\)/, (name) => `${name}/upload_strava.json`),
    { 'upload_strava.json': 'TRUE' },
  ),
  {
    name: 'json-named-for-other-folder',
    make: async (parent) => ({
      path: await folderWith(parent, 'walk-copy', {
        'walk.json': sequenceJson('walk'),
        'walk.gpx': goodGpx(startFor('walk-copy')),
      }),
      expect: {
        file: 'walk-copy/walk.json',
        says: /is a sequence file named for another folder than "walk-copy"\. Rename the folder or the file/,
      },
    }),
  },
  {
    name: 'json-gpx-misnamed',
    make: async (parent) => ({
      path: await folderWith(parent, 'misnamed', {
        'misnamed.json': sequenceJson('misnamed'),
        'other.gpx': goodGpx(startFor('misnamed')),
      }),
      expect: {
        file: 'misnamed/misnamed.gpx',
        says: /is there, but its track "misnamed\/misnamed\.gpx" is missing; the folder holds "other\.gpx" instead/,
      },
    }),
  },
  mtpCase(
    'json-without-gpx',
    sequenceJson('json-without-gpx'),
    jsonSays(
      /has no GPX file: "json-without-gpx\/json-without-gpx\.json" is there, but its track/,
      () => '"json-without-gpx"',
    ),
    {},
    () => undefined,
  ),
  mtpCase('json-with-bom', `\uFEFF${sequenceJson('json-with-bom')}`, () => ({ accepted: true })),
  mtpCase(
    'json-nested-100000',
    `{"sequence":{"uploader_sequence_name":"deep"},"photo":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    () => ({ accepted: true }),
  ),
  mtpCase(
    'json-uppercase-gpx',
    sequenceJson('json-uppercase-gpx'),
    () => ({ accepted: true }),
    {},
    (name) => `${name}.GPX`,
  ),
];
