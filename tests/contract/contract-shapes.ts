import { modelRef, type JsonSchema } from './swagger-model';

/*
 * CONTRACTS.md is stricter than Strava's swagger, whose models declare no required
 * properties (so `{}` is a valid Upload and any object a valid Fault). These shapes
 * add what CONTRACTS.md states on top of the swagger models, via `allOf`.
 */

/** Strava's four upload statuses, word for word. */
export const uploadStatuses = {
  processing: 'Your activity is still being processed.',
  ready: 'Your activity is ready.',
  error: 'There was an error processing your activity.',
  deleted: 'The created activity has been deleted.',
} as const;

/** Every error body: `{"message", "errors": [{resource, field, code}]}` ("the Fault shape"). */
export const contractFaultSchema: JsonSchema = {
  allOf: [
    modelRef('Fault'),
    {
      type: 'object',
      required: ['message', 'errors'],
      properties: {
        message: { type: 'string', minLength: 1 },
        errors: {
          type: 'array',
          items: { type: 'object', required: ['resource', 'field', 'code'] },
        },
      },
    },
  ],
};

const when = (status: string, then: Record<string, JsonSchema>): JsonSchema => ({
  if: { properties: { status: { const: status } } },
  then: { properties: then },
});

/**
 * An Upload as CONTRACTS.md shows it: all six fields, one of the four statuses,
 * `activity_id` only once ready, `error` with the error status, both null once deleted.
 */
export const contractUploadSchema: JsonSchema = {
  allOf: [
    modelRef('Upload'),
    {
      type: 'object',
      required: ['id', 'id_str', 'external_id', 'error', 'status', 'activity_id'],
      properties: {
        id_str: { type: 'string', pattern: '^\\d+$' },
        status: { enum: Object.values(uploadStatuses) },
      },
    },
    when(uploadStatuses.processing, { activity_id: { type: 'null' }, error: { type: 'null' } }),
    when(uploadStatuses.ready, { activity_id: { type: 'integer' }, error: { type: 'null' } }),
    when(uploadStatuses.error, {
      activity_id: { type: 'null' },
      error: { type: 'string', minLength: 1 },
    }),
    when(uploadStatuses.deleted, { activity_id: { type: 'null' }, error: { type: 'null' } }),
  ],
};

/**
 * A duplicate refused at POST time: "a 400 with an Upload-shaped body whose `error`
 * says so" (CONTRACTS.md), where the swagger's `default` says Fault.
 */
export const duplicateAtPostSchema: JsonSchema = {
  allOf: [
    contractUploadSchema,
    { properties: { error: { type: 'string', pattern: 'duplicate of' } } },
  ],
};

/** The stricter shape for a swagger response schema, when CONTRACTS.md has one. */
export function contractShapeFor(schema: JsonSchema): JsonSchema {
  if (schema.$ref === modelRef('Upload').$ref) return contractUploadSchema;
  if (schema.$ref === modelRef('Fault').$ref) return contractFaultSchema;
  return schema;
}
