/**
 * POST /api/reports: the enhanced report form sends JSON here and reads the answer as JSON, in the
 * language it asks for (Accept-Language). Without JavaScript the form posts to the report page of
 * its edition instead (src/pages/[...locale]/report.astro), through the same pipeline.
 */
import type { APIRoute } from 'astro';
import { problemResponse } from '../../lib/http/responses';
import { outcomeAsJson } from '../../lib/reports/answer';
import { receiveReport } from '../../lib/reports/intake';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const { outcome } = await receiveReport(context, context.locals.campaign.intake);
  return outcomeAsJson(outcome, context.locals.i18n);
};

/** Anything but POST: say which method works. */
export const ALL: APIRoute = ({ locals }) =>
  problemResponse(405, locals.i18n.t.reportWrongMethod, { headers: { allow: 'POST' } });
