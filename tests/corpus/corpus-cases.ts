import { folderCases } from './cases-folder';
import { jsonCases } from './cases-json';
import { pointCases } from './cases-points';
import { shapingFlagCases, shapingLeftCases } from './cases-shaping';
import { xmlCases } from './cases-xml';
import type { CorpusCase } from './corpus-case';

export type { CorpusCase, CorpusEntry, CorpusExpect, CorpusMade } from './corpus-case';
export type { ShapingFlagCase, ShapingLeftCase } from './cases-shaping';

/**
 * The shaping cases (issue 14): bad flag values and tracks shaping leaves too little
 * of. They need flags or shape options, so shaping-corpus.test.ts runs them.
 */
export { shapingFlagCases, shapingLeftCases };

/** Every case of the bad-input corpus, by name; names are unique and safe as folder names. */
export const corpusCases: CorpusCase[] = [...xmlCases, ...pointCases, ...folderCases, ...jsonCases];

const seen = new Set<string>();
for (const c of [...corpusCases, ...shapingFlagCases, ...shapingLeftCases]) {
  if (seen.has(c.name) || !/^[\w-]+$/.test(c.name))
    throw new Error(`bad corpus case name: ${c.name}`);
  seen.add(c.name);
}
