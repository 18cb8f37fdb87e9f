/** GET /api/tally.csv: the same figures as /api/tally, one row per dimension and key, for spreadsheets. */
import { tallyRoute } from '../../lib/tally/http';
import { tallyCsv } from '../../lib/tally/tally';

export const prerender = false;

export const { GET, HEAD, ALL } = tallyRoute({
  contentType: 'text/csv; charset=utf-8; header=present',
  body: tallyCsv,
  headers: { 'content-disposition': 'inline; filename="tally.csv"' },
});
