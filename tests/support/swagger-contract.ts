import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { contractShapeFor, duplicateAtPostSchema } from '../contract/contract-shapes';
import { oauthOperations } from '../contract/oauth-contract';
import { checkRequest } from '../contract/request-checks';
import {
  allowNulls,
  definitionsId,
  findOperation,
  readSwaggerOperations,
  rewriteRefs,
  type JsonSchema,
  type Operation,
} from '../contract/swagger-model';
import type { RecordedExchange } from './recording-proxy';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** `../shared` next to the repository: the contracts are read there, never copied in. */
export const sharedDir = resolve(repoRoot, '..', 'shared');
const swaggerPath = resolve(sharedDir, 'contracts/strava/swagger.json');
const definitionsPath = resolve(sharedDir, 'contracts/strava/models/definitions.json');

/** Whether Strava's swagger and models are there to test against. */
export function sharedAvailable(): boolean {
  return existsSync(swaggerPath) && existsSync(definitionsPath);
}

/** How strictly a response is read. */
export interface ResponseOptions {
  /**
   * Accept null for optional properties (default true). Swagger 2.0 cannot say
   * "nullable", yet real Strava and the swagger's own examples send nulls.
   */
  nullableOptional?: boolean;
}

interface Contract {
  operations: Operation[];
  definitions: Record<string, JsonSchema>;
  lenient: Ajv;
  strict: Ajv;
}

/** An ajv for Swagger 2.0 models: its formats registered, every model under `definitionsId`. */
function createAjv(definitions: unknown): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31,
  });
  ajv.addFormat('float', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('binary', true);
  ajv.addSchema({ $id: definitionsId, definitions });
  return ajv;
}

let loaded: Contract | undefined;

/** Loads the swagger and the models once. */
function contract(): Contract {
  if (loaded) return loaded;
  const swagger: unknown = JSON.parse(readFileSync(swaggerPath, 'utf8'));
  const definitions = rewriteRefs(JSON.parse(readFileSync(definitionsPath, 'utf8'))) as Record<
    string,
    JsonSchema
  >;
  const sportTypes = definitions.SportType?.enum;
  if (!Array.isArray(sportTypes)) throw new Error('definitions.json has no SportType enum');
  loaded = {
    operations: [...readSwaggerOperations(swagger, sportTypes.map(String)), ...oauthOperations],
    definitions,
    lenient: createAjv(allowNulls(definitions)),
    strict: createAjv(definitions),
  };
  return loaded;
}

const compiled = new WeakMap<Ajv, Map<string, ValidateFunction>>();

/** Validates a value against a schema, listing each failure as `<json pointer> <message>`. */
function validate(ajv: Ajv, schema: JsonSchema, value: unknown): string[] {
  const cache = compiled.get(ajv) ?? new Map<string, ValidateFunction>();
  compiled.set(ajv, cache);
  const key = JSON.stringify(schema);
  const check = cache.get(key) ?? ajv.compile(schema);
  cache.set(key, check);
  if (check(value)) return [];
  const problems = (check.errors ?? []).map((e) => {
    const allowed =
      e.keyword === 'enum' || e.keyword === 'const' ? ` ${JSON.stringify(e.params)}` : '';
    return `${e.instancePath || '/'} ${e.message ?? e.keyword}${allowed}`;
  });
  return [...new Set(problems)];
}

/** The properties a body schema declares at its top level (through `$ref` and `allOf`). */
function declaredProperties(
  schema: JsonSchema,
  definitions: Record<string, JsonSchema>,
): Set<string> {
  const names = new Set<string>();
  const ref = typeof schema.$ref === 'string' ? schema.$ref.split('/').pop() : undefined;
  const target = ref ? definitions[ref] : schema;
  if (!target) return names;
  const props = target.properties;
  if (typeof props === 'object' && props !== null)
    for (const name of Object.keys(props)) names.add(name);
  if (Array.isArray(target.allOf)) {
    for (const part of target.allOf as JsonSchema[])
      for (const n of declaredProperties(part, definitions)) names.add(n);
  }
  return names;
}

/** Finds the operation (swagger path, or an `/oauth` one from CONTRACTS.md) for a method and path. */
function lookup(method: string, path: string): ReturnType<typeof findOperation> {
  return findOperation(contract().operations, method, path);
}

/** Parses a recorded body: JSON when it is JSON, otherwise the text itself ('' for none). */
export function responseBodyOf(text: string): unknown {
  if (text === '') return '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Checks an answer against the response the swagger declares for its status (or
 * `default`), made stricter where CONTRACTS.md states more (Upload, Fault). `body`
 * is the parsed JSON, or the raw text when it was not JSON.
 */
export function validateResponse(
  method: string,
  path: string,
  status: number,
  body: unknown,
  options: ResponseOptions = {},
): string[] {
  const found = lookup(method, path);
  if (!found) return [`${method} ${path}: no such operation in the contract`];
  const { operation } = found;
  const label = `${method} ${operation.template} → ${status}`;
  const spec = operation.responses[String(status)] ?? operation.responses.default;
  if (!spec) return [`${label}: no response declared for this status`];
  if (spec.kind === 'empty')
    return body === '' || body === undefined ? [] : [`${label}: expected no body`];
  if (spec.kind === 'html')
    return typeof body === 'string' ? [] : [`${label}: expected an HTML page`];
  if (typeof body === 'string') return [`${label}: the body is not JSON: ${body.slice(0, 80)}`];
  const uploadShaped = typeof body === 'object' && body !== null && 'id_str' in body;
  const schema =
    operation.template === '/api/v3/uploads' && status === 400 && uploadShaped
      ? duplicateAtPostSchema
      : contractShapeFor(spec.schema);
  const ajv = options.nullableOptional === false ? contract().strict : contract().lenient;
  return validate(ajv, schema, body).map((p) => `${label}: ${p}`);
}

/**
 * Checks a recorded request against its operation: it exists, every query
 * parameter and form field is declared (plus `sport_type` on POST /uploads, see
 * swagger-model), values fit their types and enums, required ones are present,
 * JSON bodies fit the `in: body` schema and declare no extra property, and the
 * Authorization scheme is right.
 */
export function validateRequest(recorded: RecordedExchange): string[] {
  const found = lookup(recorded.method, recorded.path);
  if (!found) return [`${recorded.method} ${recorded.path}: no such operation in the contract`];
  const { definitions, strict } = contract();
  const checkBody = (schema: JsonSchema, body: unknown): string[] => {
    const problems = validate(strict, schema, body);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return problems;
    const declared = declaredProperties(schema, definitions);
    const extra = Object.keys(body).filter((k) => !declared.has(k));
    return [...problems, ...extra.map((k) => `/${k} is not a property of the body schema`)];
  };
  const label = `${recorded.method} ${found.operation.template}`;
  return checkRequest(found.operation, recorded, found.pathParams, checkBody).map(
    (p) => `${label}: ${p}`,
  );
}

/** Token answers carry the athlete after a code exchange and not after a refresh (CONTRACTS.md). */
function tokenAnswerProblems(r: RecordedExchange, body: unknown): string[] {
  if (r.path !== '/oauth/token' || r.status !== 200 || typeof body !== 'object' || body === null)
    return [];
  const grant = r.formFields.find((f) => f.name === 'grant_type');
  const value = grant?.kind === 'text' ? grant.value : undefined;
  const hasAthlete = 'athlete' in body;
  if (value === 'authorization_code' && !hasAthlete)
    return ['POST /oauth/token: code exchange answered without athlete'];
  if (value === 'refresh_token' && hasAthlete)
    return ['POST /oauth/token: refresh answered with an athlete'];
  return [];
}

/** Both sides of one recorded exchange; a dropped connection is a problem of its own. */
export function validateExchange(r: RecordedExchange, options: ResponseOptions = {}): string[] {
  if (r.status === 0) return [`${r.method} ${r.path}: no answer (connection dropped)`];
  const body = responseBodyOf(r.responseBody);
  return [
    ...validateRequest(r),
    ...validateResponse(r.method, r.path, r.status, body, options),
    ...tokenAnswerProblems(r, body),
  ];
}
