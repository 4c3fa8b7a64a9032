import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** One run of `mtp-strava` as a child process, with its JSON lines as they come. */
export interface CliRun {
  child: ChildProcess;
  lines: string[];
  stderr: string[];
  /** Resolves with the exit code (null when killed by a signal). */
  exit: Promise<number | null>;
}

/** Starts `bin/mtp-strava.js` with `args`; `onLine` sees each stdout line (e.g. to kill it mid-step). */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  onLine?: (line: string, run: CliRun) => void,
): CliRun {
  const child = spawn(process.execPath, ['bin/mtp-strava.js', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const run: CliRun = {
    child,
    lines: [],
    stderr: [],
    exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  createInterface({ input: child.stdout }).on('line', (line) => {
    run.lines.push(line);
    onLine?.(line, run);
  });
  createInterface({ input: child.stderr }).on('line', (line) => run.stderr.push(line));
  return run;
}
