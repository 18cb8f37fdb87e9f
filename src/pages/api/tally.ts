/**
 * GET /api/tally: the public totals in every dimension, as JSON. The CDN serves it for a short
 * window and revalidates in the background, so a busy day costs one query per window, not one per visitor.
 */
import { tallyRoute } from '../../lib/tally/http';

export const prerender = false;

export const { GET, HEAD, ALL } = tallyRoute({
  contentType: 'application/json; charset=utf-8',
  body: (tally) => JSON.stringify(tally),
});
