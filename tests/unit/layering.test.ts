import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Type-aware rules need files on disk; the import rule does not, so lint snippets without types.
const eslint = new ESLint({ overrideConfig: [tseslint.configs.disableTypeChecked] });
const lintAs = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
};

describe('the layering of ARCHITECTURE.md is enforced by the linter', () => {
  it.each([
    ['src/core/strava/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/core/strava/x.ts', "import { a } from '../../main/app';\nexport const b = a;\n"],
    ['src/core/strava/x.ts', "import { a } from '../../sim/index';\nexport const b = a;\n"],
    [
      'src/renderer/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
    ],
    ['src/renderer/x.ts', "import got from 'got';\nexport const a = got;\n"],
    ['src/renderer/x.ts', "import { a } from '../core/ports';\nexport const b = a;\n"],
    ['src/shared/x.ts', "import { a } from '../core/ports';\nexport const b = a;\n"],
    ['src/preload/x.ts', "import { a } from '../core/ports';\nexport const b = a;\n"],
    ['src/cli/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/sim/x.ts', "import { a } from '../core/ports';\nexport const b = a;\n"],
    ['src/main/x.ts', "import { a } from '../renderer/app';\nexport const b = a;\n"],
    ['src/main/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"],
  ])('%s may not import that', async (file, code) => {
    expect(await lintAs(file, code)).toBe(1);
  });

  it('allows the imports that point down', async () => {
    expect(
      await lintAs(
        'src/main/x.ts',
        "import { app } from 'electron';\nimport { systemClock } from '../core/ports';\nexport const a = [app, systemClock];\n",
      ),
    ).toBe(0);
    expect(
      await lintAs(
        'src/cli/x.ts',
        "import { systemClock } from '../core/ports';\nexport const a = systemClock;\n",
      ),
    ).toBe(0);
  });
});
