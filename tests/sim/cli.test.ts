import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

function run(args: string[]): ChildProcess {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/sim/cli.ts', ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return child;
}

/** Collects stdout until the first line arrives. */
async function firstLine(proc: ChildProcess): Promise<string> {
  let out = '';
  for await (const chunk of proc.stdout ?? []) {
    out += String(chunk);
    if (out.includes('\n')) break;
  }
  return out;
}

describe('simulator CLI', () => {
  it('prints its URL, serves, and exits 0 on SIGTERM', async () => {
    const proc = run(['--port', '0', '--auto-approve', '--client-id', '777', '--seed', '3']);
    const line = await firstLine(proc);
    expect(line).toMatch(/^MTP simulator listening at http:\/\/127\.0\.0\.1:\d+\n$/);
    const url = line.trim().split(' ').at(-1) ?? '';
    const res = await fetch(
      `${url}/oauth/authorize?client_id=777&redirect_uri=http://localhost/cb&response_type=code`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(302);
    proc.kill('SIGTERM');
    const [code] = (await once(proc, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('exits 2 with one line on stderr for a bad argument', async () => {
    const proc = run(['--port', 'abc']);
    let err = '';
    proc.stderr?.on('data', (chunk) => {
      err += String(chunk);
    });
    const [code] = (await once(proc, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('--port');
  });
});
