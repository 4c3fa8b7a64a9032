import { expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import type { RecordedExchange, RecordedFormField } from '../support/recording-proxy';
import { sharedAvailable, validateRequest } from '../support/swagger-contract';

const text = (name: string, value: string): RecordedFormField => ({ name, kind: 'text', value });
const file: RecordedFormField = { name: 'file', kind: 'file', filename: 'ride.gpx', bytes: 2048 };

/** A recorded exchange: a correct upload POST unless told otherwise. */
const recorded = (over: Partial<RecordedExchange> = {}): RecordedExchange => ({
  method: 'POST',
  path: '/api/v3/uploads',
  query: [],
  contentType: 'multipart/form-data; boundary=x',
  authScheme: 'Bearer',
  formFields: [
    text('data_type', 'gpx'),
    text('name', 'Ride'),
    text('sport_type', 'Kayaking'),
    file,
  ],
  json: undefined,
  status: 201,
  responseHeaders: {},
  responseBody: '',
  ...over,
});

describeWhen(sharedAvailable(), skipReasons.shared)(
  'the request validator reports what is wrong',
  () => {
    it('accepts a correct upload request (the positive control)', () => {
      expect(validateRequest(recorded())).toEqual([]);
    });

    it('reports bad upload requests: data_type kml, undeclared fields, wrong encoding, no token', () => {
      const withFields = (...fields: RecordedFormField[]) =>
        recorded({ formFields: [...fields, file] });
      expect(validateRequest(withFields(text('data_type', 'kml')))).toContainEqual(
        expect.stringContaining('"kml" is not one of fit, fit.gz, tcx, tcx.gz, gpx, gpx.gz'),
      );
      expect(
        validateRequest(withFields(text('data_type', 'gpx'), text('activity_type', 'ride'))),
      ).toContainEqual(expect.stringContaining('undeclared form field "activity_type"'));
      expect(
        validateRequest(
          recorded({ formFields: [text('data_type', 'gpx'), text('file', 'inline')] }),
        ),
      ).toContainEqual(expect.stringContaining('must be a file part'));
      // sport_type is allowed although the swagger lacks it, but only with SportType values.
      expect(
        validateRequest(withFields(text('data_type', 'gpx'), text('sport_type', 'Paddling'))),
      ).toContainEqual(
        expect.stringContaining(
          'formData parameter "sport_type": "Paddling" is not one of the 56 allowed values',
        ),
      );
      expect(validateRequest(recorded({ contentType: 'application/json' }))).toContainEqual(
        expect.stringContaining('content type "application/json"'),
      );
      expect(validateRequest(recorded({ authScheme: undefined }))).toContainEqual(
        expect.stringContaining('needs "Authorization: Bearer'),
      );
    });

    it('reports undeclared or mistyped query and path parameters', () => {
      const list = (query: [string, string][]) =>
        validateRequest(
          recorded({
            method: 'GET',
            path: '/api/v3/athlete/activities',
            query,
            formFields: [],
            contentType: undefined,
          }),
        );
      expect(
        list([
          ['after', '1'],
          ['page', '1'],
          ['per_page', '200'],
        ]),
      ).toEqual([]);
      expect(list([['access_token', 'secret']])).toContainEqual(
        expect.stringContaining('undeclared query parameter "access_token"'),
      );
      expect(list([['per_page', 'many']])).toContainEqual(
        expect.stringContaining('"many" is not an integer'),
      );
      const get = validateRequest(
        recorded({
          method: 'GET',
          path: '/api/v3/uploads/abc',
          formFields: [],
          contentType: undefined,
        }),
      );
      expect(get).toContainEqual(
        expect.stringContaining('path parameter "uploadId": "abc" is not an integer'),
      );
    });

    it('reports activity updates that break UpdatableActivity', () => {
      const put = (over: Partial<RecordedExchange>) =>
        validateRequest(
          recorded({
            method: 'PUT',
            path: '/api/v3/activities/1',
            formFields: [],
            contentType: 'application/json',
            ...over,
          }),
        );
      expect(put({ json: { sport_type: 'Kayaking', commute: true } })).toEqual([]);
      expect(put({ json: { sport_type: 'Paddling' } })).toContainEqual(
        expect.stringContaining('/sport_type must be equal to one of the allowed values'),
      );
      expect(put({ json: { visibility: 'only_me' } })).toContainEqual(
        expect.stringContaining('/visibility is not a property'),
      );
      expect(put({ json: { commute: 'yes' } })).toContainEqual(
        expect.stringContaining('/commute must be boolean'),
      );
      expect(
        put({ contentType: 'application/x-www-form-urlencoded', formFields: [text('name', 'x')] }),
      ).toContainEqual(
        expect.stringContaining('a form body where the swagger declares a JSON body'),
      );
    });

    it('reports OAuth requests that break CONTRACTS.md', () => {
      const oauth = (path: string, formFields: RecordedFormField[], authScheme?: string) =>
        validateRequest(
          recorded({
            path,
            formFields,
            authScheme,
            contentType: 'application/x-www-form-urlencoded',
          }),
        );
      const app = [text('client_id', '54321'), text('client_secret', 's')];
      expect(
        oauth('/oauth/token', [
          ...app,
          text('grant_type', 'authorization_code'),
          text('code', 'c'),
        ]),
      ).toEqual([]);
      expect(
        oauth('/oauth/token', [...app, text('grant_type', 'authorization_code')]),
      ).toContainEqual(expect.stringContaining('without "code"'));
      expect(oauth('/oauth/token', [...app, text('grant_type', 'password')])).toContainEqual(
        expect.stringContaining('"password" is not one of'),
      );
      expect(
        oauth('/oauth/token', [text('grant_type', 'refresh_token'), text('refresh_token', 'r')]),
      ).toContainEqual(expect.stringContaining('"client_secret" is missing'));
      expect(oauth('/oauth/revoke', [text('token', 't')])).toContainEqual(
        expect.stringContaining('needs "Authorization: Basic'),
      );
      expect(oauth('/oauth/deauthorize', [text('access_token', 't')], 'Bearer')).toContainEqual(
        expect.stringContaining('undeclared form field "access_token"'),
      );
    });
  },
);
