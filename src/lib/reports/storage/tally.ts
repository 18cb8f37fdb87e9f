/** Reading the tally: its shards summed, a few hundred rows at most whatever the number of reports. Server only. */
import type { ReportChoices } from '../schema';
import { tallyFromRows, type Tally, type TallyRow } from '../tally';
import { withStorage } from './pool';

const tallyQuery = `SELECT dimension, key, sum(actions) AS actions, sum(reports) AS reports, min(first_at) AS first_at,
  max(updated_at) FILTER (WHERE reports > 0) AS updated_at FROM tally GROUP BY dimension, key`;

/** The public tally, every dimension. */
export async function readTally(choices: ReportChoices): Promise<Tally> {
  return withStorage('read the tally', async (pool) => tallyFromRows((await pool.query<TallyRow>(tallyQuery)).rows, choices.targets, choices.languages));
}
