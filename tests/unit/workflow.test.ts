import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const workflow = '.github/workflows/ci.yml';
const validator = 'node_modules/@action-validator/cli/cli.mjs';

/** The validator's exit code for a workflow file (0: valid). */
async function validate(path: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [validator, path]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the GitHub Actions workflow', () => {
  it('passes @action-validator/cli', async () => {
    const result = await validate(workflow);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('fails it when broken, so the check itself is alive', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mtp-workflow-'));
    const text = await readFile(workflow, 'utf8');
    for (const [from, to] of [
      ['runs-on:', 'runs_on:'],
      ['uses: actions/checkout@v4', 'usess: actions/checkout@v4'],
      ['    steps:', '    stepz:'],
      ['windows-latest]', 'windows-latest'],
    ] as const) {
      expect(text).toContain(from);
      const broken = join(dir, 'ci.yml');
      await writeFile(broken, text.replace(from, to));
      expect((await validate(broken)).code).not.toBe(0);
    }
  });

  it('runs what the issue asks on every push: three OSes, Node 22, the real Electron, installers kept', async () => {
    const text = await readFile(workflow, 'utf8');
    expect(text).toMatch(/^on:\n {2}push:/m);
    expect(text).toMatch(/os: \[ubuntu-latest, macos-latest, windows-latest\]/);
    expect(text).toMatch(/node: \[22\]/);
    expect(text).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
    expect(text).toMatch(/MTP_ELECTRON_BINARY: '1'/);
    expect(text).toMatch(/MTP_REQUIRE_ELECTRON: '1'/);
    expect(text).toMatch(/run: xvfb-run -a npm test/);
    expect(text).toMatch(/run: npx electron-builder --publish never/);
    expect(text).toMatch(/uses: actions\/upload-artifact@v4/);
  });
});
