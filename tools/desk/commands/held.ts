/** `held`: the reports waiting for an organizer's decision. */
import type { Command } from '../command.ts';
import { transaction } from '../connect.ts';
import { badInput, exitCodes } from '../errors.ts';
import { selectionFrom } from '../input.ts';
import { count, reportsTable } from '../format.ts';
import { heldReports } from '../queries.ts';

export const selectionOptions = {
  reason: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
} as const;

export const held: Command = {
  summary: 'the held reports awaiting review (--reason, --since, --until)',
  help: `Usage: npm run desk -- held [--reason R] [--since T] [--until T] [--json]

Lists the reports held back from the public tally and not rejected, oldest first: id, when it
arrived, why it was held, the officials, actions per channel, language and country. Reports hold
nothing about their sender.

Options:
  --reason R   only those held for R: honeypot, too-fast or surge
  --since T    only those received at T or later
  --until T    only those received before T
  --json       the same as JSON (an array)

Times: 2021-12-17 (from 00:00 UTC), 2021-12-17T10:00Z (UTC unless it names a zone), or a time
ago: 30m, 2h, 3d.`,
  options: { ...selectionOptions, json: { type: 'boolean' } },
  prepare(values, positionals) {
    if (positionals.length > 0)
      throw badInput(
        `held takes no arguments (got "${positionals.join(' ')}"); to choose reports use --reason, --since, --until.`,
      );
    const selection = selectionFrom(values);
    return async ({ client, database, io }) => {
      const reports = await transaction(client, 'read', () => heldReports(client, selection));
      if (values.json) {
        io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
      } else if (reports.length === 0) {
        io.stdout(
          `No held reports${Object.keys(selection).length > 0 ? ' match' : ''} in ${database.label}.\n`,
        );
      } else {
        io.stdout(
          `Held reports in ${database.label}:\n${reportsTable(reports)}\n${count(reports.length, 'held report')}. Count the genuine ones with \`release <id…>\`; rule the others out with \`reject <id…>\`.\n`,
        );
      }
      return exitCodes.done;
    };
  },
};
