import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CorpusCase, CorpusEntry } from './corpus-case';
import { corpusCases } from './corpus-cases';

/** The case's own parent folder: `NN-name`, so cases never see each other's files. */
const parentOf = (dir: string, index: number, c: CorpusCase): string =>
  join(dir, `${String(index + 1).padStart(2, '0')}-${c.name}`);

/**
 * Writes every case of the corpus under `dir` (large ones are generated here, never
 * stored in git) and returns them in order.
 */
export async function generateCorpus(
  dir: string,
  cases: CorpusCase[] = corpusCases,
): Promise<CorpusEntry[]> {
  await mkdir(dir, { recursive: true });
  const entries: CorpusEntry[] = [];
  for (const [index, c] of cases.entries()) {
    const parent = parentOf(dir, index, c);
    await mkdir(parent, { recursive: true });
    entries.push({ name: c.name, ...(await c.make(parent)) });
  }
  return entries;
}

/** One line per case: what it is, where it is, what the app must make of it. */
export function describeEntry(entry: CorpusEntry): string {
  const verdict = entry.expect.accepted
    ? 'accepted'
    : `refused, naming ${entry.expect.file ?? '(no file)'}: ${String(entry.expect.says)}`;
  return `${entry.name.padEnd(28)} ${verdict}  ${entry.path}`;
}

const runAsScript =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;

if (runAsScript) {
  const dir = resolve(process.argv[2] ?? 'tests/corpus/generated');
  const entries = await generateCorpus(dir);
  for (const entry of entries) console.log(describeEntry(entry));
  console.log(`corpus: ${entries.length} cases written to ${dir}`);
}
