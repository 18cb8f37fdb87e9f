/** Reading the tally: a handful of rows kept current by the insert trigger, whatever the number of reports. Server only. */
import { tallyFromRows, type Headline, type Tally, type TallyRow } from '../tally';
import { withStorage } from './pool';

const tallyQuery = 'SELECT dimension, key, actions, reports, updated_at FROM tally';

/** The totals alone, as a report's answer shows them. */
export const headlineQuery = `SELECT actions, reports FROM tally WHERE dimension = 'all'`;
export interface HeadlineRow {
  actions: number | string;
  reports: number | string;
}
export function headlineFromRow(row: HeadlineRow | undefined): Headline {
  return { actions: Number(row?.actions ?? 0), reports: Number(row?.reports ?? 0) };
}

/** The public tally, every dimension. */
export async function readTally(targetIds: readonly string[]): Promise<Tally> {
  return withStorage('read the tally', async (pool) => tallyFromRows((await pool.query<TallyRow>(tallyQuery)).rows, targetIds));
}
