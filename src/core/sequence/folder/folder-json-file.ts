import type { z } from 'zod';
import { isUploadError } from '../../errors/upload-error';
import { folderFs } from '../folder-fs';
import { fsFailure, invalidFolder } from './folder-errors';
import { jsonErrorLine } from './folder-json-error';
import { issueField } from './sequence-json';

/** A JSON file read from disk: its text (for re-serialising in the same style) and its value. */
export interface JsonFile<T> {
  text: string;
  raw: unknown;
  value: T;
}

/**
 * The largest JSON file read: a sequence of thousands of photos makes a JSON of a few
 * megabytes; anything far larger is not a sequence file and must not fill the memory.
 */
const maxJsonBytes = 128 * 1024 * 1024;

/** Parses text as JSON, saying where it breaks; a leading BOM (Windows editors) is allowed. */
export function parseJsonText(text: string, shown: string): unknown {
  if (text.trim() === '') throw invalidFolder(`${shown} is empty.`);
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = jsonErrorLine(source);
    throw invalidFolder(
      `${shown} is not valid JSON${line === undefined ? '' : ` (line ${line})`}.`,
      message,
    );
  }
}

/**
 * Reads a JSON file of the folder and checks it with `schema`: a file on disk is a
 * trust boundary, and a wrong type must be a clear message, not a crash later on.
 */
export async function readJsonFile<T>(
  path: string,
  shown: string,
  schema: z.ZodType<T>,
): Promise<JsonFile<T>> {
  let text: string;
  try {
    const { size } = await folderFs.stat(path);
    if (size > maxJsonBytes)
      throw invalidFolder(`${shown} is too large (${size} bytes) to be a sequence file.`);
    text = await folderFs.readText(path);
  } catch (error) {
    if (isUploadError(error)) throw error;
    throw fsFailure(shown, path, error);
  }
  const raw = parseJsonText(text, shown);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const field = first ? issueField(first) : '';
    const problem = first?.message ?? 'unexpected content';
    throw invalidFolder(
      field === ''
        ? `${shown} does not have the expected shape: ${problem}.`
        : `${shown} has a wrong value for "${field}": ${problem}.`,
      parsed.error.issues.map((i) => `${issueField(i) || '(file)'}: ${i.message}`).join('; '),
    );
  }
  return { text, raw, value: parsed.data };
}
