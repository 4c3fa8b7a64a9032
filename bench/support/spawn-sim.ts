import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A simulator in its own process, so its memory and CPU do not count against the client's. */
export interface SimProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `src/sim/cli.ts` on a random port and waits for its one line with the URL. */
export async function spawnSim(args: string[] = []): Promise<SimProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/sim/cli.ts', '--port', '0', ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('simulator did not start within 30 s')),
      30_000,
    );
    lines.on('line', (line) => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
