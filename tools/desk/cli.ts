/**
 * The organizers' desk: `npm run desk -- <command>`. Reads the arguments, checks them before any
 * connection, runs one command in one transaction, and answers with an exit code that means something.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { campaignChoices } from './campaign.ts';
import type { Command, DeskIO, Options } from './command.ts';
import { connect, findDatabase, unusableDatabase, type Database } from './connect.ts';
import { DeskError, badInput, exitCodes } from './errors.ts';
import { exportCommand } from './commands/export.ts';
import { held } from './commands/held.ts';
import { recount } from './commands/recount.ts';
import { reject, release } from './commands/review.ts';
import { status } from './commands/status.ts';

export type { DeskIO } from './command.ts';

const commands: Record<string, Command> = {
  status,
  held,
  release,
  reject,
  export: exportCommand,
  recount,
};

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const help = `The organizers' desk: read the tally, decide held reports, export the figures.

Usage: npm run desk -- <command> [options]
       npm run desk -- <command> --help

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(9)}${command.summary}`)
  .join('\n')}

--json on any command answers in JSON for scripts (for export it is the format, CSV otherwise).
Piping or saving the output? Add -s so npm's own header stays out of it:
  npm run -s desk -- export --what tally > tally.csv

Which database:
  NETLIFY_DB_URL set     that database: production or a deploy preview (see the README)
  nothing set            the local site's while \`npm start\` runs in this checkout

Reasons a report is held (--reason): honeypot, too-fast, surge.
Times (--since, --until): 2021-12-17 (from 00:00 UTC), 2021-12-17T10:00Z (UTC unless it names a
zone), or a time ago: 30m, 2h, 3d. --since includes its time, --until does not.

Exit codes:
  0  done
  1  a check failed: the tally disagrees with the counted reports (status)
  2  bad input, or a report in the wrong state: nothing was changed
  3  no database: none named, not running, unreachable, or without this site's tables
  4  something unexpected went wrong (the message says what)
`;

/** Runs one desk command; returns its exit code. Everything it says goes through `io`. */
export async function runDesk(args: readonly string[], io: DeskIO): Promise<number> {
  let database: Database | undefined;
  try {
    const [name, ...rest] = args;
    if (
      name === undefined ||
      name === '--help' ||
      name === '-h' ||
      (name === 'help' && rest.length === 0)
    ) {
      io.stdout(help);
      return exitCodes.done;
    }
    const topic = name === 'help' ? rest[0] : undefined;
    const command = commands[topic ?? name];
    if (!command)
      throw badInput(
        `Unknown command "${topic ?? name}": the commands are ${Object.keys(commands).join(', ')} (npm run desk -- --help).`,
      );
    let parsed;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: { ...command.options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      // Node's message goes on to explain `--`; its first sentence is the one that helps here.
      throw badInput(
        `${(error as Error).message.split(/\.( |$)/)[0]}: see npm run desk -- ${name} --help.`,
      );
    }
    if (topic !== undefined || parsed.values.help) {
      io.stdout(`${command.help}\n`);
      return exitCodes.done;
    }
    const run = command.prepare(parsed.values as Options, parsed.positionals);
    database = findDatabase(io.env, io.root ?? projectRoot);
    const client = await connect(database);
    try {
      return await run({ client, database, io, choices: campaignChoices(projectRoot) });
    } finally {
      await client.end().catch(() => {});
    }
  } catch (error) {
    const known =
      error instanceof DeskError ? error : database && unusableDatabase(database, error);
    if (known) {
      io.stderr(`${known.message}\n`);
      return known.exitCode;
    }
    io.stderr(`Something unexpected went wrong: ${(error as Error).message ?? error}\n`);
    return exitCodes.unexpected;
  }
}
