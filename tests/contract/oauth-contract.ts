import { contractFaultSchema } from './contract-shapes';
import {
  modelRef,
  type JsonSchema,
  type Operation,
  type Parameter,
  type ResponseSpec,
} from './swagger-model';

/*
 * Strava's /oauth endpoints are not among the swagger's paths (its securityDefinitions
 * only name them). These operations are written from CONTRACTS.md ("Strava OAuth 2.0")
 * so requests and answers there are checked the same way as the API's.
 */

const text = (name: string, extra: Partial<Parameter> = {}): Parameter => ({
  name,
  in: 'formData',
  type: 'string',
  ...extra,
});
const query = (name: string, extra: Partial<Parameter> = {}): Parameter => ({
  name,
  in: 'query',
  type: 'string',
  ...extra,
});

/** The token answer: `{token_type, expires_at, expires_in, refresh_token, access_token, athlete?}`. */
export const tokenResponseSchema: JsonSchema = {
  type: 'object',
  required: ['token_type', 'expires_at', 'expires_in', 'refresh_token', 'access_token'],
  properties: {
    token_type: { const: 'Bearer' },
    expires_at: { type: 'integer', minimum: 0 },
    expires_in: { type: 'integer', minimum: 0 },
    refresh_token: { type: 'string', minLength: 1 },
    access_token: { type: 'string', minLength: 1 },
    athlete: modelRef('SummaryAthlete'),
  },
};

const fault: ResponseSpec = { kind: 'json', schema: contractFaultSchema };
const form = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** The two grants the client uses, each with the field it needs. */
function grantFields(fields: ReadonlyMap<string, string>): string[] {
  const grant = fields.get('grant_type');
  if (grant === 'authorization_code' && !fields.get('code'))
    return ['authorization_code grant without "code"'];
  if (grant === 'refresh_token' && !fields.get('refresh_token'))
    return ['refresh_token grant without "refresh_token"'];
  return [];
}

/** `/oauth/authorize`, `/oauth/token`, `/oauth/revoke` and `/oauth/deauthorize`, as CONTRACTS.md describes them. */
export const oauthOperations: Operation[] = [
  {
    method: 'GET',
    template: '/oauth/authorize',
    parameters: [
      query('client_id', { required: true }),
      query('redirect_uri', { required: true }),
      query('response_type', { required: true, enum: ['code'] }),
      query('approval_prompt', { enum: ['auto', 'force'] }),
      query('scope'),
      query('state'),
    ],
    consumes: [],
    // A redirect, the approval page, Strava's HTML "Limit of connected athletes exceeded" (403), or a Fault.
    responses: {
      '302': { kind: 'empty' },
      '200': { kind: 'html' },
      '403': { kind: 'html' },
      default: fault,
    },
    auth: undefined,
    extraFormFields: [],
  },
  {
    method: 'POST',
    template: '/oauth/token',
    parameters: [
      text('client_id', { required: true }),
      text('client_secret', { required: true }),
      text('grant_type', { required: true, enum: ['authorization_code', 'refresh_token'] }),
      text('code'),
      text('refresh_token'),
    ],
    consumes: form,
    responses: { '200': { kind: 'json', schema: tokenResponseSchema }, default: fault },
    auth: undefined,
    extraFormFields: [],
    extraChecks: grantFields,
  },
  {
    method: 'POST',
    template: '/oauth/revoke',
    parameters: [
      text('token', { required: true }),
      text('token_type_hint', { enum: ['access_token', 'refresh_token'] }),
    ],
    consumes: form,
    responses: { '200': { kind: 'empty' }, default: fault },
    // HTTP Basic `client_id:client_secret`.
    auth: 'Basic',
    extraFormFields: [],
  },
  {
    method: 'POST',
    template: '/oauth/deauthorize',
    // From June 2027 tokens travel in headers only: no `access_token` form field or query.
    parameters: [],
    consumes: [],
    responses: {
      '200': {
        kind: 'json',
        schema: { type: 'object', properties: { access_token: { type: 'string' } } },
      },
      default: fault,
    },
    auth: 'Bearer',
    extraFormFields: [],
  },
];
