import type { RecordedExchange, RecordedFormField } from '../support/recording-proxy';
import type { JsonSchema, Operation, Parameter } from './swagger-model';

/** Validates a JSON request body against the schema of the operation's `in: body` parameter. */
export type BodyValidator = (schema: JsonSchema, body: unknown) => string[];

/** Whether a text value fits a declared Swagger 2.0 parameter type, format and enum. */
function valueProblem(param: Parameter, value: string): string | undefined {
  const where = `${param.in} parameter "${param.name}"`;
  if (param.enum && !param.enum.map(String).includes(value)) {
    const allowed =
      param.enum.length > 8 ? `the ${param.enum.length} allowed values` : param.enum.join(', ');
    return `${where}: "${value}" is not one of ${allowed}`;
  }
  switch (param.type) {
    case 'integer':
      if (!/^-?\d+$/.test(value)) return `${where}: "${value}" is not an integer`;
      if (param.format === 'int32' && Math.abs(Number(value)) > 2 ** 31)
        return `${where}: "${value}" exceeds int32`;
      return undefined;
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value))
        ? undefined
        : `${where}: "${value}" is not a number`;
    case 'boolean':
      return value === 'true' || value === 'false'
        ? undefined
        : `${where}: "${value}" is not a boolean`;
    default:
      return undefined;
  }
}

function checkQuery(op: Operation, r: RecordedExchange): string[] {
  const problems: string[] = [];
  const declared = op.parameters.filter((p) => p.in === 'query');
  for (const [name, value] of r.query) {
    const param = declared.find((p) => p.name === name);
    if (!param) problems.push(`undeclared query parameter "${name}"`);
    else {
      const problem = valueProblem(param, value);
      if (problem) problems.push(problem);
    }
  }
  for (const param of declared) {
    if (param.required && !r.query.some(([name]) => name === param.name)) {
      problems.push(`required query parameter "${param.name}" is missing`);
    }
  }
  return problems;
}

function fieldProblem(param: Parameter | undefined, field: RecordedFormField): string | undefined {
  if (!param) return `undeclared form field "${field.name}"`;
  if (param.type === 'file') {
    return field.kind === 'file' ? undefined : `form field "${field.name}" must be a file part`;
  }
  if (field.kind === 'file')
    return `form field "${field.name}" is a file part but declared ${param.type ?? 'text'}`;
  return valueProblem(param, field.value);
}

function checkForm(op: Operation, r: RecordedExchange): string[] {
  const problems: string[] = [];
  const declared = [...op.parameters.filter((p) => p.in === 'formData'), ...op.extraFormFields];
  if (r.formFields.length > 0 && op.parameters.some((p) => p.in === 'body')) {
    problems.push('a form body where the swagger declares a JSON body');
  }
  const seen = new Set<string>();
  for (const field of r.formFields) {
    if (seen.has(field.name)) problems.push(`form field "${field.name}" sent twice`);
    seen.add(field.name);
    const problem = fieldProblem(
      declared.find((p) => p.name === field.name),
      field,
    );
    if (problem) problems.push(problem);
  }
  for (const param of declared) {
    if (param.required && !seen.has(param.name))
      problems.push(`required form field "${param.name}" is missing`);
  }
  if (op.extraChecks) {
    const texts = new Map<string, string>();
    for (const f of r.formFields) if (f.kind === 'text') texts.set(f.name, f.value);
    problems.push(...op.extraChecks(texts));
  }
  return problems;
}

function checkBody(op: Operation, r: RecordedExchange, validateBody: BodyValidator): string[] {
  const param = op.parameters.find((p) => p.in === 'body');
  if (r.json === undefined) {
    return param?.required ? [`required body "${param.name}" is missing`] : [];
  }
  if (!param?.schema) return ['a JSON body where the operation takes none'];
  return validateBody(param.schema, r.json).map((p) => `body ${p}`);
}

function checkContentType(op: Operation, r: RecordedExchange): string[] {
  const hasBody = r.formFields.length > 0 || r.json !== undefined;
  if (!hasBody) return [];
  const type = (r.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return op.consumes.includes(type)
    ? []
    : [`content type "${type}" is not among ${op.consumes.join(', ') || 'none'}`];
}

function checkPath(op: Operation, pathParams: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const param of op.parameters.filter((p) => p.in === 'path')) {
    const value = pathParams[param.name];
    if (value === undefined) problems.push(`path parameter "${param.name}" is missing`);
    else {
      const problem = valueProblem(param, value);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

function checkAuth(op: Operation, r: RecordedExchange): string[] {
  if (!op.auth) return [];
  return r.authScheme?.toLowerCase() === op.auth.toLowerCase()
    ? []
    : [`needs "Authorization: ${op.auth} …", sent ${r.authScheme ?? 'none'}`];
}

/**
 * Every way a recorded request can break its operation's contract: path, query,
 * form fields (names, types, enums, required), content type, JSON body and the
 * Authorization scheme.
 */
export function checkRequest(
  op: Operation,
  r: RecordedExchange,
  pathParams: Record<string, string>,
  validateBody: BodyValidator,
): string[] {
  return [
    ...checkPath(op, pathParams),
    ...checkQuery(op, r),
    ...checkForm(op, r),
    ...checkBody(op, r, validateBody),
    ...checkContentType(op, r),
    ...checkAuth(op, r),
  ];
}
