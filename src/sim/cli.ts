import { parseArgs } from 'node:util';
import { startSimulator } from './index';
import type { SimOptions } from './sim-config';

/** Parses a non-negative integer option, or throws a one-line message. */
function integer(
  name: string,
  raw: string | undefined,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > max)
    throw new Error(`--${name} must be an integer from 0 to ${max}`);
  return Number(raw);
}

/** Reads the command line into simulator options; throws on anything it does not know. */
function readOptions(argv: string[]): SimOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      'auto-approve': { type: 'boolean' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'processing-delay-ms': { type: 'string' },
      seed: { type: 'string' },
    },
  });
  return {
    port: integer('port', values.port, 65535) ?? 0,
    autoApprove: values['auto-approve'] ?? false,
    clientId: values['client-id'],
    clientSecret: values['client-secret'],
    processingDelayMs: integer('processing-delay-ms', values['processing-delay-ms']),
    seed: integer('seed', values.seed, 0xffffffff),
  };
}

/**
 * `tsx src/sim/cli.ts --port <n> [--auto-approve] [--client-id X] [--client-secret Y]
 * [--processing-delay-ms N] [--seed N]`: serves the simulator until SIGINT/SIGTERM.
 * Prints exactly one line on stdout, which scripts wait for to learn the URL.
 */
async function main(): Promise<void> {
  let options: SimOptions;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`mtp simulator: ${(error as Error).message.split('\n')[0] ?? 'bad arguments'}`);
    process.exit(2);
  }
  const sim = await startSimulator(options);
  console.log(`MTP simulator listening at ${sim.url}`);
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`mtp simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
