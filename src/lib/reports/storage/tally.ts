/** Reading the tally: its shards summed, a few hundred rows at most whatever the number of reports. Server only. */
import type { ReportChoices } from '../schema';
import { tallyFromRows, tallyQuery, type Tally, type TallyRow } from '../tally';
import { withStorage } from './pool';

/** The public tally, every dimension. */
export async function readTally(choices: ReportChoices): Promise<Tally> {
  return withStorage('read the tally', async (pool) =>
    tallyFromRows(
      (await pool.query<TallyRow>(tallyQuery)).rows,
      choices.targets,
      choices.languages,
    ),
  );
}
