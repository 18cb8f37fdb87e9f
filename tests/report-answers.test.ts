/**
 * What a report's sender can learn from the answers it gets: a report held for review (a filled
 * honeypot, a form sent too fast) is answered exactly as a person's is, by JSON, through the form's
 * redirect to the thank-you page, and on a retry; and how reports sent without JavaScript are told
 * apart. Real HTTP against the production build, on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Headline } from '../src/lib/tally/tally';
import { appeal } from './support/appeal';
import { testDatabases } from './support/databases';
import { clientNumber, startSiteOn, type ReportSite } from './support/site';

const [target = ''] = appeal.choices.targets;
const [lang = ''] = appeal.choices.languages;
const t = appeal.strings(lang);

/** Who sends the report, and what in it decides whether it is held. */
const senders = [
  { who: 'a person', held: false, fields: () => ({ website: '', startedAt: Date.now() - 60_000 }) },
  {
    who: 'a bot that fills the honeypot',
    held: true,
    fields: () => ({ website: 'https://spam.example', startedAt: Date.now() - 60_000 }),
  },
  {
    who: 'a bot that sends the form at once',
    held: true,
    fields: () => ({ website: '', startedAt: Date.now() }),
  },
];

for (const database of testDatabases()) {
  describe.skipIf(database.skip !== undefined)(`on ${database.name}`, () => {
    let site: ReportSite;
    let client = 0;
    beforeAll(async () => {
      site = await startSiteOn(database);
    });
    afterAll(async () => {
      await site?.stop();
    });

    const publicTotals = async (): Promise<Headline> => {
      const { actions, reports } = (await (
        await fetch(`${site.url}/api/tally`)
      ).json()) as Headline;
      return { actions, reports };
    };
    const isHeld = async (id: string) =>
      (
        await site.query<{ held: boolean }>(
          'SELECT suspicious AS held FROM reports WHERE id = $1',
          [id],
        )
      ).rows[0]?.held;

    describe('a held report is answered as a person is', () => {
      it.each(senders)(
        '$who: the JSON answer, and the answer to a retry, are the totals before it plus its report',
        async ({ held, fields }) => {
          const before = await publicTotals();
          const report = {
            id: crypto.randomUUID(),
            targets: [target],
            counts: { letter: 2 },
            language: lang,
            ...fields(),
          };
          const from = clientNumber(++client);
          const first = await site.postReport(report, { client: from });
          const again = await site.postReport(report, { client: from });
          expect([first.status, again.status]).toEqual([201, 200]);
          const expected = { actions: before.actions + 2, reports: before.reports + 1 };
          expect(((await first.json()) as { tally: Headline }).tally).toEqual(expected);
          expect(((await again.json()) as { tally: Headline }).tally).toEqual(expected);
          expect(await isHeld(report.id)).toBe(held);
        },
      );

      it.each(senders)(
        '$who, without JavaScript: the thank-you page it is sent to shows the totals before it plus its report',
        async ({ held, fields }) => {
          const before = await publicTotals();
          const { website, startedAt } = fields();
          const form = new URLSearchParams({
            targets: target,
            'counts.letter': '3',
            language: lang,
            website,
            startedAt: String(startedAt),
          });
          const posted = await site.postForm(form.toString(), { client: clientNumber(++client) });
          expect(posted.status).toBe(303);
          const location = posted.headers.get('location') ?? '';
          const id = new URL(location, site.url).searchParams.get('report') ?? '';
          expect(await isHeld(id)).toBe(held);
          const page = await (await fetch(new URL(location, site.url))).text();
          expect(page).toContain(t.thanksText);
          const figure = (label: string) =>
            Number(
              new RegExp(`<dt>${label}</dt><dd>([^<]+)</dd>`).exec(page)?.[1]?.replace(/\D/g, ''),
            );
          expect({
            actions: figure(t.tallyHeadlineActions),
            reports: figure(t.tallyHeadlineReports),
          }).toEqual({
            actions: before.actions + 3,
            reports: before.reports + 1,
          });
        },
      );
    });

    describe('reports sent without JavaScript', () => {
      const answers = new URLSearchParams({
        targets: target,
        'counts.phone': '1',
        language: lang,
        startedAt: '1',
      });
      const idOnPage = async () =>
        /<input[^>]*name="id"[^>]*value="([0-9a-f-]{36})"/.exec(
          await (await fetch(`${site.url}/report/`)).text(),
        )?.[1];

      it('count once when the same report page is sent twice, and twice when two people on one network each send their own page with the same answers', async () => {
        const network = clientNumber(++client);
        const [mine, theirs] = [await idOnPage(), await idOnPage()];
        expect(mine).toBeDefined();
        expect(theirs).not.toBe(mine);
        const before = (await site.stored()).reports;
        for (const id of [mine, mine, theirs]) {
          const form = new URLSearchParams(answers);
          form.set('id', id ?? '');
          expect((await site.postForm(form.toString(), { client: network })).status).toBe(303);
        }
        expect((await site.stored()).reports).toBe(before + 2);
      });

      it('count once per network and day when a page without its own id sends the same answers again', async () => {
        const network = clientNumber(++client);
        const before = (await site.stored()).reports;
        for (let n = 0; n < 2; n += 1)
          expect((await site.postForm(answers.toString(), { client: network })).status).toBe(303);
        expect((await site.stored()).reports).toBe(before + 1);
        expect(
          (await site.postForm(answers.toString(), { client: clientNumber(++client) })).status,
        ).toBe(303);
        expect((await site.stored()).reports).toBe(before + 2);
      });
    });
  });
}
