/** Reading the public tally from the database: its shards summed, a few hundred rows at most whatever the number of reports. Server only. */
import { orOutage, withStorage } from '../database/pool';
import type { ReportChoices } from '../reports/choices';
import { tallyFromRows, tallyQuery, type Tally, type TallyRow } from './tally';

/** The public tally, every dimension. */
export async function readTally(choices: ReportChoices): Promise<Tally> {
  return withStorage('read the tally', async (pool) =>
    tallyFromRows((await pool.query<TallyRow>(tallyQuery)).rows, choices),
  );
}

/** The public tally, or how long to wait while the database is down (the outage is logged). */
export const readTallyOrOutage = (choices: ReportChoices) => orOutage(() => readTally(choices));
