import { Command, InvalidArgumentError, Option } from 'commander';
import { createCliServices, type CliServices } from './cli-services';
import { logout, whoami } from './commands/account-commands';
import { diagnostics } from './commands/diagnostics';
import { loginMtpw } from './commands/login-mtpw';
import { loginStrava } from './commands/login-strava';
import { retry, status, upload } from './commands/queue-commands';
import { review } from './commands/review-command';
import { watchFolder } from './commands/watch-command';
import { backlogLine } from './backlog-line';
import { printError } from './human-error';
import { addShapeFlags, shapeOptionsFromFlags, type ShapeFlagValues } from './shape-flags';

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 16)
    throw new InvalidArgumentError('a whole number from 1 to 16');
  return n;
};

const settleSeconds = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 3600)
    throw new InvalidArgumentError('a number of seconds from 0 to 3600');
  return n;
};

/** Runs a command; its boolean result (every item done?) becomes the exit code. */
const action =
  <A extends unknown[]>(
    work: (services: CliServices, ...args: A) => Promise<boolean | void> | boolean | void,
  ) =>
  async (...args: A) => {
    try {
      const ok = await work(createCliServices(), ...args);
      process.exitCode = ok === false ? 1 : 0;
    } catch (error) {
      printError(error);
      process.exitCode = 1;
    }
  };

const program = new Command()
  .name('mtp-strava')
  .description('Upload Map the Paths sequences to Strava and link them in Map the Paths Web.')
  .showHelpAfterError()
  // Usage mistakes exit 2 (subcommands inherit this, so it comes before them); --help and --version exit 0.
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

const login = program.command('login').description('connect an account');
login
  .command('strava')
  .description('sign in to Strava in your browser')
  .option('--no-open', 'print the sign-in address instead of opening a browser')
  .addOption(
    new Option('--timeout <seconds>', 'how long to wait for the sign-in')
      .argParser(Number)
      .default(300),
  )
  .action(
    action((s, o: { open: boolean; timeout: number }) =>
      loginStrava(s, { open: o.open, timeoutS: o.timeout }),
    ),
  );
login
  .command('mtpw')
  .description('sign in to Map the Paths (paste the app.mtp.desktop:// address it redirects to)')
  .option('--redirect-url <url>', 'the app.mtp.desktop://… address, instead of pasting it')
  .option('--no-open', 'print the sign-in address instead of opening a browser')
  .action(
    action((s, o: { open: boolean; redirectUrl?: string }) =>
      loginMtpw(s, { open: o.open, ...(o.redirectUrl ? { redirectUrl: o.redirectUrl } : {}) }),
    ),
  );

program
  .command('logout')
  .description('sign out (Strava: revoke, then forget)')
  .addArgument(
    program
      .createArgument('[service]', 'strava or mtpw (default: both)')
      .choices(['strava', 'mtpw']),
  )
  .action(action((s, service?: 'strava' | 'mtpw') => logout(s, service ?? 'all')));

program
  .command('whoami')
  .description('show the connected accounts')
  .option('--json', 'JSON output')
  .action(action((s, o: { json?: boolean }) => whoami(s, Boolean(o.json))));

addShapeFlags(
  program
    .command('upload')
    .description('upload sequence folders (or a folder of them) to Strava')
    .argument('<folder...>')
    .option('--create-mtpw', 'create the Map the Paths sequence when the folder has none')
    .option('--concurrency <n>', 'steps at once (default 2)', positiveInt)
    .option('--json', 'JSON lines instead of the live display'),
).action(
  action(
    (
      s,
      folders: string[],
      o: ShapeFlagValues & { createMtpw?: boolean; concurrency?: number; json?: boolean },
    ) => {
      const shape = shapeOptionsFromFlags(o);
      return upload(s, folders, {
        createMtpw: Boolean(o.createMtpw),
        shape,
        json: Boolean(o.json),
        ...(o.concurrency ? { concurrency: o.concurrency } : {}),
      });
    },
  ),
);

program
  .command('review')
  .description('list the sequence folders not yet on Strava (default: ~/MTP/sequences)')
  .argument('[dir]', 'the folder of sequence folders')
  .option('--json', 'JSON lines')
  .action(
    action((s, dir: string | undefined, o: { json?: boolean }) =>
      review(s, dir, { json: Boolean(o.json) }),
    ),
  );

program
  .command('watch')
  .description('upload each new sequence folder of a folder once it is complete, until Ctrl-C')
  .argument('<dir>', 'the folder of sequence folders (e.g. ~/MTP/sequences)')
  .option('--create-mtpw', 'create the Map the Paths sequence when the folder has none')
  .addOption(
    new Option('--settle <seconds>', 'how long the JSON and GPX must stay unchanged')
      .argParser(settleSeconds)
      .default(5),
  )
  .option('--json', 'JSON lines')
  .action(
    action((s, dir: string, o: { createMtpw?: boolean; settle: number; json?: boolean }) =>
      watchFolder(s, dir, {
        createMtpw: Boolean(o.createMtpw),
        json: Boolean(o.json),
        stableMs: o.settle * 1000,
      }),
    ),
  );

program
  .command('status')
  .description('show the queue')
  .option('--json', 'JSON lines')
  .action(
    action(async (s, o: { json?: boolean }) => {
      const allDone = status(s, { json: Boolean(o.json) });
      const line = o.json ? undefined : await backlogLine(s.strava(), s.pipeline().items());
      if (line) console.log(line);
      return allDone;
    }),
  );

program
  .command('retry')
  .description('retry failed items from the step that failed')
  .argument('[id]', 'one item (see `status`)')
  .option('--all', 'every failed item')
  .option('--json', 'JSON lines')
  .action(
    action((s, id: string | undefined, o: { all?: boolean; json?: boolean }) =>
      retry(s, o.all ? undefined : id, { json: Boolean(o.json) }),
    ),
  );

program
  .command('diagnostics')
  .description('write a .tar.gz for support: logs, versions, settings without secrets, the queue')
  .requiredOption('--out <file>', 'the .tar.gz to write')
  .action(action((s, o: { out: string }) => diagnostics(s, { out: o.out })));

await program.parseAsync(process.argv);
