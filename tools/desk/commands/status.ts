/** `status`: the public tally, checked against a recount from the rows, the review queue, arrivals, limits. */
import { reportSettings } from '../../../src/lib/reports/settings.ts';
import type { Command } from '../command.ts';
import { transaction } from '../connect.ts';
import { badInput, exitCodes } from '../errors.ts';
import { amount, count, labelledLines, figure, figureName, minute } from '../format.ts';
import {
  arrivals,
  differences,
  figures,
  publicTally,
  readTally,
  recount,
  reviewQueue,
} from '../queries.ts';

const list = (entries: Record<string, number>) =>
  Object.entries(entries)
    .map(([key, n]) => `${key} ${figure(n)}`)
    .join(' · ') || 'none';

export const status: Command = {
  summary:
    'the public tally, checked against a recount from the rows; held reports; recent reports; limits',
  help: `Usage: npm run desk -- status [--json]

Shows the public tally, recounts it from the counted reports (changing nothing) and compares every
dimension and key, then the held reports by reason, the reports received in the last hour and day,
and the rate and surge limits. Exits 1, naming each figure, when the tally and the rows disagree
(\`recount\` repairs that).

The limits shown are read from this shell's environment (REPORTS_RATE_LIMIT, REPORTS_SURGE_LIMIT;
20 and 500 per ten minutes when unset). The deployed function reads its own from Netlify's site
settings: see \`netlify env:list\`.

Options:
  --json   the same as JSON`,
  options: { json: { type: 'boolean' } },
  prepare(values, positionals) {
    if (positionals.length > 0)
      throw badInput(`status takes no arguments (got "${positionals.join(' ')}").`);
    return async ({ client, database, io, choices }) => {
      const read = await transaction(client, 'read', async () => ({
        tally: await readTally(client),
        recounted: await recount(client),
        held: await reviewQueue(client),
        lastHour: await arrivals(client, '1 hour'),
        lastDay: await arrivals(client, '1 day'),
      }));
      const tally = publicTally(read.tally, choices);
      const disagreements = differences(figures(read.tally), read.recounted);
      const { rateLimit, surgeLimit, windowMs } = reportSettings(io.env);
      const limits = {
        rateLimit,
        surgeLimit,
        windowMinutes: windowMs / 60_000,
        readFrom: "this shell's environment (the deployed function's: netlify env:list)",
      };
      if (values.json) {
        const recounted = {
          agrees: disagreements.length === 0,
          figures: read.recounted.length,
          disagreements,
        };
        io.stdout(
          `${JSON.stringify({ tally, recount: recounted, held: read.held, received: { lastHour: read.lastHour, lastDay: read.lastDay }, limits }, null, 2)}\n`,
        );
      } else {
        const times =
          tally.firstReportAt && tally.updatedAt
            ? `; first ${minute(new Date(tally.firstReportAt))}, last change ${minute(new Date(tally.updatedAt))} (UTC)`
            : '';
        const arrived = ({ received, counted }: { received: number; counted: number }) =>
          `${figure(received)} (${figure(counted)} counted)`;
        io.stdout(
          `${labelledLines([
            ['Database', database.label],
            ['Public tally', `${amount(tally)}${times}`],
            ['  per channel', `${list(tally.byChannel)} (actions)`],
            ['  per official', `${list(tally.byTarget)} (reports naming them)`],
            [
              'Recount',
              disagreements.length > 0
                ? `DISAGREES with the tally on ${count(disagreements.length, 'figure')}`
                : `agrees with the tally on all ${count(read.recounted.length, 'figure')} (dimension, key)`,
            ],
            [
              'Held',
              `${read.held.held === 0 ? 'no reports' : `${count(read.held.held, 'report')}`} awaiting review${read.held.held === 0 ? '' : ` (${list(read.held.byReason)})`}; ${figure(read.held.rejected)} rejected`,
            ],
            ['Received', `last hour ${arrived(read.lastHour)} · last day ${arrived(read.lastDay)}`],
            [
              'Limits',
              `${figure(rateLimit)} reports per client, ${figure(surgeLimit)} counted for the campaign, per ${limits.windowMinutes} minutes`,
            ],
            ['', "as set in this shell's environment (REPORTS_RATE_LIMIT, REPORTS_SURGE_LIMIT);"],
            ['', "the deployed function's are in Netlify's site settings: netlify env:list"],
          ])}\n`,
        );
      }
      if (disagreements.length === 0) return exitCodes.done;
      const each = disagreements.map(
        (d) => `${figureName(d)}: the tally says ${amount(d.before)}, the rows ${amount(d.after)}`,
      );
      io.stderr(
        `The tally disagrees with the counted reports on ${each.join('; ')}. Run \`npm run desk -- recount\` to rebuild it from the rows.\n`,
      );
      return exitCodes.checkFailed;
    };
  },
};
