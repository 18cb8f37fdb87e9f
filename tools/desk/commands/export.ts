/** `export`: the counted reports, or the tally with every dimension, as CSV or JSON on stdout. */
import { channels } from '../../../src/lib/appeal/vocabulary.ts';
import type { Command } from '../command.ts';
import { transaction } from '../connect.ts';
import { badInput, exitCodes } from '../errors.ts';
import { csv, type CsvCell as Cell } from '../../../src/lib/csv.ts';
import { countedReports, publicTally, readTally } from '../queries.ts';
import { tallyCsv } from '../../../src/lib/tally/tally.ts';

export const exportCommand: Command = {
  summary: 'the counted reports or the tally, as CSV (default) or JSON, to stdout',
  help: `Usage: npm run -s desk -- export [--csv | --json] [--what reports|tally] > file

(-s keeps npm's own header out of the file.)

Writes, for a spreadsheet or the report to officials:
  --what reports   (default) every counted report, one a row: id, received_at (UTC), received_on
                   (the day in the appeal's time zone), targets (space-separated), actions per
                   channel (one column each), actions, language, country
  --what tally     the tally with every dimension, one row per dimension and key: dimension, key,
                   actions, reports, exactly as /api/tally.csv gives it (countries with fewer than
                   five reports added into "other")
Held and rejected reports are left out, as in the public tally. Reports hold nothing about
their sender.

Options:
  --csv    CSV (the default): RFC 4180, UTF-8, a header row, CRLF line ends
  --json   JSON: an array of objects`,
  options: { csv: { type: 'boolean' }, json: { type: 'boolean' }, what: { type: 'string' } },
  prepare(values, positionals) {
    if (positionals.length > 0)
      throw badInput(
        `export takes no arguments (got "${positionals.join(' ')}"); write --what reports or --what tally.`,
      );
    if (values.csv && values.json) throw badInput('Choose --csv or --json, not both.');
    const what = values.what ?? 'reports';
    if (what !== 'reports' && what !== 'tally')
      throw badInput(`--what "${what}": choose reports or tally.`);
    return async ({ client, io, choices }) => {
      const write = (objects: object[], rows: () => Cell[][]) =>
        io.stdout(values.json ? `${JSON.stringify(objects, null, 2)}\n` : csv(rows()));
      if (what === 'tally') {
        // The public tally's figures and privacy rule, in the same format as the site's /api/tally(.csv).
        const tally = publicTally(
          await transaction(client, 'read', () => readTally(client)),
          choices,
        );
        io.stdout(values.json ? `${JSON.stringify(tally, null, 2)}\n` : tallyCsv(tally));
        return exitCodes.done;
      }
      const reports = await transaction(client, 'read', () => countedReports(client));
      // Every channel the site knows, then any other a report names, so each row has the same columns.
      const used = [
        ...channels,
        ...new Set(
          reports
            .flatMap((report) => Object.keys(report.counts))
            .filter((channel) => !(channels as readonly string[]).includes(channel)),
        ),
      ];
      const objects = reports.map(
        ({ id, receivedAt, receivedOn, targets, counts, actions, language, country }) => ({
          id,
          receivedAt,
          receivedOn,
          targets,
          counts,
          actions,
          language,
          country,
        }),
      );
      write(objects, () => [
        ['id', 'received_at', 'received_on', 'targets', ...used, 'actions', 'language', 'country'],
        ...objects.map((r) => [
          r.id,
          r.receivedAt.toISOString(),
          r.receivedOn,
          r.targets.join(' '),
          ...used.map((channel) => r.counts[channel] ?? 0),
          r.actions,
          r.language,
          r.country,
        ]),
      ]);
      return exitCodes.done;
    };
  },
};
