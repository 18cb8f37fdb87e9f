/**
 * `release` and `reject`: an organizer's decision on held reports, all of them or none in one
 * transaction. The selected rows are locked first, so two organizers deciding the same report at
 * once are served one after the other and the second finds it already decided.
 */
import type pg from 'pg';
import type { Command } from '../command.ts';
import { transaction } from '../connect.ts';
import { badInput, exitCodes } from '../errors.ts';
import { parseIds, selectionFrom } from '../input.ts';
import { amount, changesTable, count, minute, reportsTable } from '../format.ts';
import {
  differences,
  figures,
  headline,
  heldReports,
  lockReports,
  readTally,
  type StoredReport,
} from '../queries.ts';
import { selectionOptions } from './held.ts';

type Decision = 'release' | 'reject';

const done = { release: 'Released', reject: 'Rejected' } as const;

/** Why a report named by id cannot be decided, or undefined when it is held and not rejected. */
function unfit(
  decision: Decision,
  id: string,
  report: StoredReport | undefined,
): string | undefined {
  if (!report) return `no report has the id ${id}`;
  if (report.rejectedAt) {
    const when = `${minute(report.rejectedAt)} UTC`;
    return decision === 'release'
      ? `report ${id} was rejected at ${when} and is never counted`
      : `report ${id} was already rejected at ${when}`;
  }
  if (report.reasons.length === 0) {
    return decision === 'release'
      ? `report ${id} is already counted in the tally`
      : `report ${id} is counted in the tally, and only a held report can be rejected`;
  }
  return undefined;
}

const apply: Record<Decision, string> = {
  // The release trigger adds each report to the tally in this same statement.
  release: `UPDATE reports SET review_reasons = '{}' WHERE id = ANY ($1::uuid[]) AND suspicious AND rejected_at IS NULL`,
  reject: `UPDATE reports SET rejected_at = now() WHERE id = ANY ($1::uuid[]) AND suspicious AND rejected_at IS NULL`,
};

async function decide(
  client: pg.Client,
  decision: Decision,
  reports: readonly StoredReport[],
): Promise<void> {
  if (reports.length === 0) return;
  const { rowCount } = await client.query(apply[decision], [reports.map((report) => report.id)]);
  if (rowCount !== reports.length)
    throw new Error(`${rowCount} of the ${reports.length} locked reports changed`);
}

function reviewCommand(decision: Decision, summary: string, effect: string): Command {
  return {
    summary,
    help: `Usage: npm run desk -- ${decision} <id…> [--dry-run] [--json]
       npm run desk -- ${decision} --reason R [--since T] [--until T] [--dry-run] [--json]

${effect}
All the reports or none: an id that does not exist, or a report that is not held, stops the
command with nothing changed.

Options:
  --reason R   the reports held for R (honeypot, too-fast, surge); release leaves out
               those also held for another reason, and names them
  --since T    with --reason: only those received at T or later
  --until T    with --reason: only those received before T
  --dry-run    show what would change, change nothing
  --json       the same as JSON

Times: 2021-12-17 (from 00:00 UTC), 2021-12-17T10:00Z (UTC unless it names a zone), or a time
ago: 30m, 2h, 3d.`,
    options: { ...selectionOptions, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    prepare(values, positionals) {
      const selection = selectionFrom(values);
      if (positionals.length > 0 && Object.keys(selection).length > 0)
        throw badInput(`Give report ids or --reason, not both.`);
      if (positionals.length === 0 && !selection.reason) {
        throw badInput(
          selection.since || selection.until
            ? `--since and --until choose among the reports held for one --reason: add --reason.`
            : `Name the reports: \`${decision} <id…>\` (ids from \`held\`), or \`${decision} --reason R\`.`,
        );
      }
      const ids = parseIds(positionals);
      const dryRun = values['dry-run'] ?? false;
      return async ({ client, database, io }) => {
        const outcome = await transaction(
          client,
          'write',
          async () => {
            const selected =
              ids.length > 0
                ? await lockReports(client, ids)
                : await heldReports(client, selection, true);
            // Released by reason, a report also held for another one stays held: caught by the honeypot too, it is no fast typist.
            const alone = (report: StoredReport) =>
              ids.length > 0 || decision === 'reject' || report.reasons.length === 1;
            const reports = selected.filter(alone);
            const problems = ids
              .map((id) =>
                unfit(
                  decision,
                  id,
                  reports.find((report) => report.id === id),
                ),
              )
              .filter((problem) => problem !== undefined);
            if (problems.length > 0)
              throw badInput(
                `Nothing was ${done[decision].toLowerCase()}: ${problems.join('; ')}.`,
              );
            const before = await readTally(client);
            await decide(client, decision, reports);
            return {
              reports,
              leftOut: selected.filter((report) => !alone(report)),
              before,
              after: await readTally(client),
            };
          },
          !dryRun,
        );
        const tally = { before: headline(outcome.before), after: headline(outcome.after) };
        const changes = differences(figures(outcome.before), figures(outcome.after));
        if (values.json) {
          io.stdout(
            `${JSON.stringify({ decision, dryRun, reports: outcome.reports, leftOut: outcome.leftOut, tally, changes }, null, 2)}\n`,
          );
          return exitCodes.done;
        }
        const lines = [`Database: ${database.label}`];
        if (outcome.reports.length === 0) {
          lines.push(`No held reports match: nothing to ${decision}.`);
        } else {
          const reports = count(outcome.reports.length, 'held report');
          lines.push(
            dryRun
              ? `Dry run, nothing was changed. This would ${decision} ${reports}:`
              : `${done[decision]} ${reports}:`,
          );
          lines.push(reportsTable(outcome.reports));
          if (changes.length === 0) lines.push(`Public tally unchanged: ${amount(tally.after)}.`);
          else
            lines.push(
              `Public tally: ${amount(tally.before)} → ${amount(tally.after)}`,
              changesTable(changes),
            );
        }
        if (outcome.leftOut.length > 0) {
          const named = outcome.leftOut
            .map((report) => `${report.id} (${report.reasons.join(', ')})`)
            .join(', ');
          lines.push(
            `Left held, as also held for another reason: ${named}. Release by id any that is genuine.`,
          );
        }
        io.stdout(`${lines.join('\n')}\n`);
        return exitCodes.done;
      };
    },
  };
}

export const release = reviewCommand(
  'release',
  'count genuine held reports in the public tally (ids, or --reason R)',
  `Counts genuine held reports in the public tally, through the same trigger that counts a new
report, and prints the reports and every figure of the tally before and after.`,
);

export const reject = reviewCommand(
  'reject',
  'rule held reports out for good: kept for the record, never counted (ids, or --reason R)',
  `Rules held reports out for good: they stay stored for the record, are never counted, are no
longer listed by \`held\`, and can no longer be released. The public tally does not change.`,
);
