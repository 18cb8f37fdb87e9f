/** Many supporters at once: every report counted exactly once. Real HTTP, real Postgres. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../src/lib/appeal/schema';
import type { Tally } from '../src/lib/reports/tally';
import { clientNumber, startSite, validReport, type ReportSite } from './support/site';

let site: ReportSite;

/** Sends a report the way the page does: the same id again after a 503, until it is stored. */
async function sendUntilStored(report: object, client: string): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await site.postReport(report, { client });
    await response.arrayBuffer();
    if (response.status !== 503 || attempt === 20) return response.status;
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}

beforeAll(async () => {
  // 550 reports in seconds is a surge by the campaign's default; here it is the load under test.
  process.env['REPORTS_SURGE_LIMIT'] = '100000';
  site = await startSite();
});
afterAll(async () => {
  delete process.env['REPORTS_SURGE_LIMIT'];
  await site?.stop();
});

const tally = async () => (await (await fetch(`${site.url}/api/tally`)).json()) as Tally;

describe('reports sent at the same moment', () => {
  it('raises the tally by exactly 500 for 500 different reports sent at once, channel by channel', async () => {
    const before = await tally();
    const reports = Array.from({ length: 500 }, (_, n) =>
      validReport({
        targets: n % 3 === 0 ? ['minister', 'ambassador'] : [n % 2 ? 'minister' : 'ambassador'],
        counts: { [channels[n % channels.length]!]: 1 + (n % 3), ...(n % 5 === 0 ? { letter: 1 } : {}) },
      }),
    );
    // All 500 leave at once; any the local database cannot take in time get 503 and are re-sent with the same id.
    const statuses = await Promise.all(reports.map((report, n) => sendUntilStored(report, clientNumber(n))));
    expect(statuses.every((status) => status === 201 || status === 200)).toBe(true);

    const after = await tally();
    const sent = Object.fromEntries(channels.map((channel) => [channel, 0])) as Record<string, number>;
    for (const report of reports) for (const [channel, count] of Object.entries(report['counts'] as Record<string, number>)) sent[channel]! += count;
    expect(after.reports - before.reports).toBe(500);
    expect(after.actions - before.actions).toBe(Object.values(sent).reduce((sum, count) => sum + count, 0));
    for (const channel of channels) expect(after.byChannel[channel] - before.byChannel[channel]).toBe(sent[channel]);
    expect(after.byTarget['minister']! - before.byTarget['minister']!).toBe(reports.filter((report) => (report['targets'] as string[]).includes('minister')).length);
    // The totals row agrees with the reports themselves.
    const recount = await site.query<{ actions: number; reports: number }>('SELECT sum(actions)::int AS actions, count(*)::int AS reports FROM reports WHERE NOT suspicious');
    expect(recount.rows[0]).toEqual({ actions: after.actions, reports: after.reports });
  });

  it('counts a report once when the same id arrives 50 times at once (double clicks, retries)', async () => {
    const before = await tally();
    const report = validReport({ counts: { phone: 2 } });
    const statuses = await Promise.all(Array.from({ length: 50 }, (_, n) => sendUntilStored(report, clientNumber(1000 + n))));
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(49);
    const after = await tally();
    expect(after.reports - before.reports).toBe(1);
    expect(after.byChannel.phone - before.byChannel.phone).toBe(2);
  });
});
