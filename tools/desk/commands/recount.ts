/** `recount`: rebuilds the tally from the counted reports when it disagrees with them. */
import type { Command } from '../command.ts';
import { transaction } from '../connect.ts';
import { badInput, exitCodes } from '../errors.ts';
import { changesTable, count } from '../format.ts';
import { differences, figures, readTally, recount as recountRows } from '../queries.ts';

export const recount: Command = {
  summary: 'rebuild the tally from the counted reports when it disagrees with them',
  help: `Usage: npm run desk -- recount [--json]

Recounts the tally from the counted reports and, if any figure differs, rebuilds it (tally_recount())
and prints each figure that changed, before → after. One transaction: reports can neither arrive
nor be released while it runs, so the rebuilt tally matches the rows exactly. A tally that agrees
is left as it is.

Options:
  --json   the same as JSON`,
  options: { json: { type: 'boolean' } },
  prepare(values, positionals) {
    if (positionals.length > 0)
      throw badInput(`recount takes no arguments (got "${positionals.join(' ')}").`);
    return async ({ client, database, io }) => {
      const changes = await transaction(client, 'write', async () => {
        // Holds off new and released reports until this commits (tally_recount() takes the same lock).
        await client.query('LOCK TABLE reports IN SHARE MODE');
        const before = figures(await readTally(client));
        if (differences(before, await recountRows(client)).length === 0) return [];
        await client.query('SELECT tally_recount()');
        return differences(before, figures(await readTally(client)));
      });
      if (values.json)
        io.stdout(`${JSON.stringify({ rebuilt: changes.length > 0, changes }, null, 2)}\n`);
      else if (changes.length === 0)
        io.stdout(
          `The tally in ${database.label} agrees with the counted reports: nothing to rebuild.\n`,
        );
      else
        io.stdout(
          `Rebuilt the tally in ${database.label} from the counted reports; ${count(changes.length, 'figure')} changed:\n${changesTable(changes)}\n`,
        );
      return exitCodes.done;
    };
  },
};
