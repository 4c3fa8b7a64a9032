import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { z } from 'zod';
import { sharedAvailable, sharedDir, validateResponse } from '../support/swagger-contract';
import { uploadStatuses } from './contract-shapes';

const upload = {
  id: 8919699501,
  id_str: '8919699501',
  external_id: 'a.gpx',
  error: null,
  status: uploadStatuses.processing,
  activity_id: null,
};
const fault = {
  message: 'Bad Request',
  errors: [{ resource: 'Upload', field: 'data', code: 'empty' }],
};
const poll = (body: unknown, options?: { nullableOptional?: boolean }) =>
  validateResponse('GET', '/api/v3/uploads/8919699501', 200, body, options);

describeWhen(sharedAvailable(), skipReasons.shared)(
  'the response validator reports what is wrong',
  () => {
    it('accepts correct answers (the positive controls)', () => {
      expect(poll(upload)).toEqual([]);
      expect(validateResponse('GET', '/api/v3/athlete', 401, fault)).toEqual([]);
    });

    it('reports an Upload whose id is not an integer, or that breaks CONTRACTS.md', () => {
      expect(poll({ ...upload, id: 'abc' })).toContainEqual(
        expect.stringContaining('/id must be integer'),
      );
      expect(poll({ ...upload, status: 'Done.' })).toContainEqual(
        expect.stringContaining('/status must be equal to one of the allowed values'),
      );
      expect(poll({ ...upload, status: uploadStatuses.ready })).toContainEqual(
        expect.stringContaining('/activity_id must be integer'),
      );
      expect(poll({ ...upload, status: uploadStatuses.error })).toContainEqual(
        expect.stringContaining('/error must be string'),
      );
      expect(poll({ id: 1, id_str: '1', status: uploadStatuses.processing })).toContainEqual(
        expect.stringContaining("must have required property 'external_id'"),
      );
    });

    it('reports the nulls Strava sends when read strictly, as Swagger 2.0 cannot declare them', () => {
      expect(poll(upload, { nullableOptional: false })).toEqual(
        expect.arrayContaining([
          expect.stringContaining('/error must be string'),
          expect.stringContaining('/activity_id must be integer'),
        ]),
      );
    });

    it('reports error bodies that are not the full Fault shape', () => {
      const athlete401 = (body: unknown) => validateResponse('GET', '/api/v3/athlete', 401, body);
      expect(athlete401({ message: 'Authorization Error' })).toContainEqual(
        expect.stringContaining("required property 'errors'"),
      );
      expect(
        athlete401({ message: 'x', errors: [{ resource: 'Athlete', field: 'access_token' }] }),
      ).toContainEqual(expect.stringContaining("required property 'code'"));
      expect(
        athlete401({ message: 'x', errors: [{ resource: 7, field: '', code: 'invalid' }] }),
      ).toContainEqual(expect.stringContaining('/errors/0/resource must be string'));
      expect(athlete401('<html>oops</html>')).toContainEqual(expect.stringContaining('not JSON'));
      // A POST-time 400 may be Upload-shaped, but only for a duplicate.
      const refused = { ...upload, status: uploadStatuses.error, error: 'something else' };
      expect(validateResponse('POST', '/api/v3/uploads', 400, refused)).toContainEqual(
        expect.stringContaining('/error must match pattern'),
      );
    });

    it('reports bad OAuth answers and unknown paths', () => {
      const token = { token_type: 'Bearer', expires_at: 1, expires_in: 21600, access_token: 'a' };
      expect(validateResponse('POST', '/oauth/token', 200, token)).toContainEqual(
        expect.stringContaining("required property 'refresh_token'"),
      );
      expect(
        validateResponse('POST', '/oauth/token', 200, {
          ...token,
          refresh_token: 'r',
          athlete: { id: 'x' },
        }),
      ).toContainEqual(expect.stringContaining('/athlete/id must be integer'));
      expect(validateResponse('POST', '/oauth/revoke', 200, { ok: true })).toContainEqual(
        expect.stringContaining('expected no body'),
      );
      expect(validateResponse('GET', '/api/v3/nowhere', 200, {})).toContainEqual(
        expect.stringContaining('no such operation'),
      );
    });
  },
);

const exampleSchema = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z
        .object({
          responses: z.record(
            z.string(),
            z.object({ examples: z.record(z.string(), z.unknown()).optional() }),
          ),
        })
        .loose(),
    ),
  ),
});

describeWhen(sharedAvailable(), skipReasons.shared)('the validator and the swagger agree', () => {
  it("accepts the swagger's own examples for the operations the client uses", () => {
    const swagger = exampleSchema.parse(
      JSON.parse(readFileSync(resolve(sharedDir, 'contracts/strava/swagger.json'), 'utf8')),
    );
    const used: [string, string, string][] = [
      ['GET', '/athlete', '/api/v3/athlete'],
      ['GET', '/athlete/activities', '/api/v3/athlete/activities'],
      ['GET', '/activities/{id}', '/api/v3/activities/1'],
      ['PUT', '/activities/{id}', '/api/v3/activities/1'],
    ];
    for (const [method, template, path] of used) {
      const example =
        swagger.paths[template]?.[method.toLowerCase()]?.responses['200']?.examples?.[
          'application/json'
        ];
      expect(example, `${method} ${template} has an example`).toBeDefined();
      expect(validateResponse(method, path, 200, example)).toEqual([]);
    }
  });

  it('needs its null tolerance: read strictly, the swagger rejects its own examples', () => {
    const swagger = exampleSchema.parse(
      JSON.parse(readFileSync(resolve(sharedDir, 'contracts/strava/swagger.json'), 'utf8')),
    );
    const example =
      swagger.paths['/athlete/activities']?.get?.responses['200']?.examples?.['application/json'];
    expect(
      validateResponse('GET', '/api/v3/athlete/activities', 200, example, {
        nullableOptional: false,
      }),
    ).toContainEqual(expect.stringContaining('/0/start_latlng must be array'));
  });
});
