import { z } from 'zod';

/** A JSON Schema (draft-07 subset, as Swagger 2.0 models use it). */
export type JsonSchema = Record<string, unknown>;

/** Where all model definitions live once loaded into ajv. */
export const definitionsId = 'https://strava.contract/definitions.json';

/** A `$ref` to a model in the loaded definitions. */
export const modelRef = (name: string): JsonSchema => ({
  $ref: `${definitionsId}#/definitions/${name}`,
});

const schemaObject = z.record(z.string(), z.unknown());

const parameterSchema = z
  .object({
    name: z.string(),
    in: z.enum(['query', 'path', 'formData', 'body', 'header']),
    type: z.string().optional(),
    format: z.string().optional(),
    enum: z.array(z.union([z.string(), z.number()])).optional(),
    required: z.boolean().optional(),
    schema: schemaObject.optional(),
  })
  .loose();
/** One declared parameter of an operation. */
export type Parameter = z.infer<typeof parameterSchema>;

const parameterRef = z.object({ $ref: z.string() });

const operationSchema = z
  .object({
    parameters: z.array(z.unknown()).default([]),
    consumes: z.array(z.string()).optional(),
    responses: z.record(z.string(), z.object({ schema: schemaObject.optional() }).loose()),
  })
  .loose();

const swaggerSchema = z
  .object({
    basePath: z.string(),
    parameters: z.record(z.string(), parameterSchema).default({}),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  })
  .loose();

/** What a response body must be: JSON of a schema, nothing at all, or an HTML page. */
export type ResponseSpec =
  { kind: 'json'; schema: JsonSchema } | { kind: 'empty' } | { kind: 'html' };

/** One operation, from the swagger or written from CONTRACTS.md (the `/oauth` endpoints). */
export interface Operation {
  method: string;
  /** The full path template, e.g. `/api/v3/uploads/{uploadId}`. */
  template: string;
  parameters: Parameter[];
  /** Content types the operation takes; empty when it takes no body. */
  consumes: string[];
  /** By status code, or `default`. */
  responses: Record<string, ResponseSpec>;
  /** The Authorization scheme the operation needs, if any. */
  auth: 'Bearer' | 'Basic' | undefined;
  /** Form fields documented on the web but absent from the swagger. */
  extraFormFields: readonly Parameter[];
  /** Rules across fields that a parameter list cannot say. */
  extraChecks?: (fields: ReadonlyMap<string, string>) => string[];
}

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/**
 * Rewrites every `$ref` in a value: Strava's external model references
 * (`https://developers.strava.com/swagger/upload.json#/Upload`) and bundled ones
 * (`#/definitions/Upload`) both become references into the loaded definitions.
 */
export function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const model =
      key === '$ref' && typeof inner === 'string'
        ? /#\/(?:definitions\/)?(\w+)$/.exec(inner)
        : null;
    out[key] = model?.[1] ? `${definitionsId}#/definitions/${model[1]}` : rewriteRefs(inner);
  }
  return out;
}

/**
 * Lets every optional property be null. Swagger 2.0 has no `nullable`, yet Strava
 * sends null for absent values (its own examples in this swagger carry
 * `"workout_type": null`, `"start_latlng": null`; CONTRACTS.md quotes a real 201
 * Upload with `"error": null, "activity_id": null`). No Strava model lists
 * `required` properties, so in practice every property may be null.
 */
export function allowNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(allowNulls);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = allowNulls(inner);
  const props = out.properties;
  if (typeof props === 'object' && props !== null && !Array.isArray(props)) {
    const required = new Set(Array.isArray(out.required) ? out.required : []);
    out.properties = Object.fromEntries(
      Object.entries(props).map(([name, prop]) => [
        name,
        required.has(name) ? prop : nullable(prop),
      ]),
    );
  }
  return out;
}

function nullable(prop: unknown): unknown {
  if (typeof prop !== 'object' || prop === null) return prop;
  const schema = prop as JsonSchema;
  return typeof schema.type === 'string'
    ? { ...schema, nullable: true }
    : { anyOf: [schema, { type: 'null' }] };
}

/**
 * Reads the swagger's operations, with parameter `$ref`s resolved and model `$ref`s
 * rewritten. `sportTypes` is the SportType model's enum, for the upload's `sport_type`.
 */
export function readSwaggerOperations(raw: unknown, sportTypes: readonly string[]): Operation[] {
  const spec = swaggerSchema.parse(raw);
  // `sport_type` is documented on developers.strava.com/docs/uploads but missing from
  // the swagger's POST /uploads (contracts README); its values are the SportType model's.
  // The deprecated `activity_type` is missing too and stays refused: the client must not send it.
  const sportType: Parameter = {
    name: 'sport_type',
    in: 'formData',
    type: 'string',
    enum: [...sportTypes],
  };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, rawOp] of Object.entries(item)) {
      if (!httpMethods.has(method)) continue;
      const op = operationSchema.parse(rawOp);
      const parameters = op.parameters.map((p): Parameter => {
        const ref = parameterRef.safeParse(p);
        if (!ref.success) return parameterSchema.parse(p);
        const shared = spec.parameters[ref.data.$ref.replace('#/parameters/', '')];
        if (!shared) throw new Error(`unresolved parameter ${ref.data.$ref}`);
        return shared;
      });
      const hasForm = parameters.some((p) => p.in === 'formData');
      const hasBody = parameters.some((p) => p.in === 'body');
      const responses: Record<string, ResponseSpec> = {};
      for (const [status, response] of Object.entries(op.responses)) {
        const schema = response.schema ? (rewriteRefs(response.schema) as JsonSchema) : undefined;
        responses[status] = schema ? { kind: 'json', schema } : { kind: 'empty' };
      }
      operations.push({
        method: method.toUpperCase(),
        template: `${spec.basePath}${path}`,
        parameters: parameters.map((p) =>
          p.schema ? { ...p, schema: rewriteRefs(p.schema) as JsonSchema } : p,
        ),
        consumes:
          op.consumes ??
          (hasForm
            ? ['application/x-www-form-urlencoded', 'multipart/form-data']
            : hasBody
              ? ['application/json']
              : []),
        responses,
        // The swagger's global `security` is Strava's OAuth 2: a bearer token on every call.
        auth: 'Bearer',
        extraFormFields: path === '/uploads' && method === 'post' ? [sportType] : [],
      });
    }
  }
  return operations;
}

/** Matches a concrete path against a `{param}` template, segment by segment. */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    const g = got[i] ?? '';
    if (w.startsWith('{') && w.endsWith('}')) {
      if (g === '') return undefined;
      params[w.slice(1, -1)] = decodeURIComponent(g);
    } else if (w !== g) return undefined;
  }
  return params;
}

/**
 * Finds the operation for a method and concrete path. Literal templates win over
 * parameterised ones (`/segments/starred` before `/segments/{id}`).
 */
export function findOperation(
  operations: readonly Operation[],
  method: string,
  path: string,
): { operation: Operation; pathParams: Record<string, string> } | undefined {
  const candidates = operations
    .filter((op) => op.method === method.toUpperCase())
    .map((operation) => ({ operation, pathParams: matchTemplate(operation.template, path) }))
    .filter(
      (c): c is { operation: Operation; pathParams: Record<string, string> } =>
        c.pathParams !== undefined,
    )
    .sort((a, b) => Object.keys(a.pathParams).length - Object.keys(b.pathParams).length);
  return candidates[0];
}
