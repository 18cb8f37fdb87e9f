/**
 * /api/reports and /api/tally over real HTTP against the production build, on the embedded
 * database and on a real PostgreSQL server. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channels } from '../src/lib/appeal/vocabulary';
import { checkReport, reportLimits } from '../src/lib/reports/schema';
import { stringsOf } from './support/content';
import { testDatabases } from './support/databases';
import { clientNumber, startSiteOn, validReport, type ReportSite } from './support/site';

for (const database of testDatabases()) {
  describe.skipIf(database.skip !== undefined)(`on ${database.name}`, () => {
    let site: ReportSite;
    let client = 0;
    /** Each test speaks from its own address unless it is about the rate limit. */
    const nextClient = () => clientNumber(++client);
    const en = stringsOf('en');
    const m = en.problems;
    const choices = { targets: ['minister', 'ambassador'], languages: ['en', 'es'] };

    beforeAll(async () => {
      site = await startSiteOn(database);
    });
    afterAll(async () => {
      await site?.stop();
    });

    const json = 'application/json';
    const form = 'application/x-www-form-urlencoded';
    const big = 'x'.repeat(10_000);

    // [what is wrong, body, content type, status, field named, message shown]
    const badInputs: [string, string, string, number, string | null, string | null][] = [
      ['malformed JSON', '{"id": ', json, 422, 'report', m['body-unreadable']],
      ['an empty body', '', json, 422, 'report', m['body-unreadable']],
      ['JSON null', 'null', json, 422, 'report', m['body-unreadable']],
      [
        'a JSON array of reports',
        JSON.stringify([validReport()]),
        json,
        422,
        'report',
        m['body-unreadable'],
      ],
      ['a JSON string', '"report"', json, 422, 'report', m['body-unreadable']],
      ['a JSON number', '42', json, 422, 'report', m['body-unreadable']],
      ['bytes that are not UTF-8', '\udcff', json, 422, 'report', m['body-unreadable']],
      [
        'a missing id',
        JSON.stringify(validReport({ id: undefined })),
        json,
        422,
        'id',
        m['id-invalid'],
      ],
      [
        'an id that is not a UUID',
        JSON.stringify(validReport({ id: '12345' })),
        json,
        422,
        'id',
        m['id-invalid'],
      ],
      [
        'an id with markup',
        JSON.stringify(validReport({ id: '<script>alert(1)</script>' })),
        json,
        422,
        'id',
        m['id-invalid'],
      ],
      [
        'an id as a number',
        JSON.stringify(validReport({ id: 7 })),
        json,
        422,
        'id',
        m['id-invalid'],
      ],
      [
        'no officials',
        JSON.stringify(validReport({ targets: [] })),
        json,
        422,
        'targets',
        m['targets-missing'],
      ],
      [
        'officials left out',
        JSON.stringify(validReport({ targets: undefined })),
        json,
        422,
        'targets',
        m['targets-missing'],
      ],
      [
        'an unknown official',
        JSON.stringify(validReport({ targets: ['president'] })),
        json,
        422,
        'targets',
        m['targets-unknown'],
      ],
      [
        'an official as a string, not a list',
        JSON.stringify(validReport({ targets: 'minister' })),
        json,
        422,
        'targets',
        m['field-invalid'],
      ],
      [
        'the same official twice',
        JSON.stringify(validReport({ targets: ['minister', 'minister'] })),
        json,
        422,
        'targets',
        m['targets-unknown'],
      ],
      [
        'an official with control characters',
        JSON.stringify(validReport({ targets: ['minister\u0000'] })),
        json,
        422,
        'targets',
        m['targets-unknown'],
      ],
      [
        'a negative count',
        JSON.stringify(validReport({ counts: { email: -1 } })),
        json,
        422,
        'counts.email',
        m['count-negative'],
      ],
      [
        'a fractional count',
        JSON.stringify(validReport({ counts: { email: 0.5 } })),
        json,
        422,
        'counts.email',
        m['count-not-whole'],
      ],
      [
        'a huge count',
        JSON.stringify(validReport({ counts: { email: 1e12 } })),
        json,
        422,
        'counts.email',
        en.format(m['count-too-many'], { max: reportLimits.perChannel }),
      ],
      [
        'a count just over the cap',
        JSON.stringify(validReport({ counts: { fax: reportLimits.perChannel + 1 } })),
        json,
        422,
        'counts.fax',
        en.format(m['count-too-many'], { max: reportLimits.perChannel }),
      ],
      [
        'a count as a string',
        JSON.stringify(validReport({ counts: { email: '1' } })),
        json,
        422,
        'counts.email',
        m['count-not-whole'],
      ],
      [
        'a count as true',
        JSON.stringify(validReport({ counts: { email: true } })),
        json,
        422,
        'counts.email',
        m['count-not-whole'],
      ],
      [
        'an exponent that is not whole',
        '{"counts":{"email":1e-3}}',
        json,
        422,
        'counts.email',
        m['count-not-whole'],
      ],
      [
        'all counts zero',
        JSON.stringify(validReport({ counts: { email: 0 } })),
        json,
        422,
        'counts',
        m['counts-none'],
      ],
      [
        'no counts',
        JSON.stringify(validReport({ counts: undefined })),
        json,
        422,
        'counts',
        m['counts-none'],
      ],
      [
        'counts as a list',
        JSON.stringify(validReport({ counts: [1, 2] })),
        json,
        422,
        'counts',
        m['field-invalid'],
      ],
      [
        'more actions than a report may hold',
        JSON.stringify(validReport({ counts: { email: 50, letter: 50, phone: 50 } })),
        json,
        422,
        'counts',
        en.format(m['counts-too-many'], { max: reportLimits.perReport }),
      ],
      [
        'an unknown channel',
        JSON.stringify(validReport({ counts: { email: 1, pigeon: 1 } })),
        json,
        422,
        'counts.pigeon',
        m['field-unknown'],
      ],
      [
        'a __proto__ key in counts',
        '{"counts":{"__proto__":{"email":1}}}',
        json,
        422,
        'counts.__proto__',
        m['field-unknown'],
      ],
      [
        'a __proto__ key in the report',
        `{"__proto__":{"isAdmin":true},${JSON.stringify(validReport()).slice(1)}`,
        json,
        422,
        '__proto__',
        m['field-unknown'],
      ],
      [
        'a constructor key',
        JSON.stringify(validReport({ constructor: { prototype: {} } })),
        json,
        422,
        'constructor',
        m['field-unknown'],
      ],
      [
        'an extra field asking for personal data',
        JSON.stringify(validReport({ email: 'me@example.org' })),
        json,
        422,
        'email',
        m['field-unknown'],
      ],
      [
        'a language the site does not publish',
        JSON.stringify(validReport({ language: 'fr' })),
        json,
        422,
        'language',
        m['language-invalid'],
      ],
      [
        'no language',
        JSON.stringify(validReport({ language: undefined })),
        json,
        422,
        'language',
        m['language-invalid'],
      ],
      [
        'a country name instead of a code',
        JSON.stringify(validReport({ country: 'Peru' })),
        json,
        422,
        'country',
        m['country-invalid'],
      ],
      [
        'a country with markup',
        JSON.stringify(validReport({ country: '<b>' })),
        json,
        422,
        'country',
        m['country-invalid'],
      ],
      [
        'a country with control characters',
        JSON.stringify(validReport({ country: 'P\u0007' })),
        json,
        422,
        'country',
        m['country-invalid'],
      ],
      [
        'a very long country',
        JSON.stringify(validReport({ country: 'P'.repeat(500) })),
        json,
        422,
        'country',
        m['country-invalid'],
      ],
      [
        'no start time',
        JSON.stringify(validReport({ startedAt: undefined })),
        json,
        422,
        'startedAt',
        m['started-invalid'],
      ],
      [
        'a negative start time',
        JSON.stringify(validReport({ startedAt: -5 })),
        json,
        422,
        'startedAt',
        m['started-invalid'],
      ],
      [
        'a honeypot that is an object',
        JSON.stringify(validReport({ website: { url: 'x' } })),
        json,
        422,
        'website',
        m['field-invalid'],
      ],
      [
        'a form with an unknown official',
        'targets=president&counts.email=1&language=en&startedAt=1',
        form,
        422,
        null,
        m['targets-unknown'],
      ],
      [
        'a form with words in a number box',
        'targets=minister&counts.email=many&language=en&startedAt=1',
        form,
        422,
        null,
        m['count-not-whole'],
      ],
      [
        'a form with an extra field',
        'targets=minister&counts.email=1&language=en&startedAt=1&name=Ana',
        form,
        422,
        null,
        m['field-unknown'],
      ],
      ['a form with nothing in it', '', form, 422, null, m['targets-missing']],
      ['plain text', 'I wrote to the minister', 'text/plain', 415, null, null],
      [
        'a multipart form',
        '--x\r\nContent-Disposition: form-data; name="id"\r\n\r\n1\r\n--x--',
        'multipart/form-data; boundary=x',
        415,
        null,
        null,
      ],
      ['XML', '<report/>', 'application/xml', 415, null, null],
      ['no content type', JSON.stringify(validReport()), '', 415, null, null],
      [
        'an oversized JSON body',
        JSON.stringify(validReport({ website: big })),
        json,
        413,
        null,
        null,
      ],
      [
        'an oversized form',
        `targets=minister&counts.email=1&language=en&startedAt=1&website=${big}`,
        form,
        413,
        null,
        null,
      ],
    ];

    describe('a bad report is refused with a reason and changes nothing', () => {
      it('covers at least forty kinds of bad input', () => {
        expect(badInputs.length).toBeGreaterThanOrEqual(40);
      });

      it.each(badInputs.map(([what, ...rest]) => [`${what} → ${rest[2]}`, ...rest] as const))(
        '%s',
        async (_, body, type, status, field, message) => {
          const before = await site.stored();
          // Without JavaScript a form posts to the report page; everything else goes to the API.
          const response =
            type === form
              ? await site.postForm(body, { client: nextClient() })
              : await site.postReport(body, { type, client: nextClient() });
          expect(response.status).toBe(status);
          const text = await response.text();
          if (type === form) {
            // A browser without JavaScript gets the form again, each problem in words, in the page's language.
            expect(response.headers.get('content-type')).toMatch(/^text\/html/);
            expect(text).toContain(en.reportProblemTitle);
            expect(text).toContain('action="/report/"');
            expect(text).toContain((message ?? en.reportTooLarge).replaceAll("'", '&#39;'));
          } else {
            expect(response.headers.get('content-type')).toBe(
              'application/problem+json; charset=utf-8',
            );
            const problem = JSON.parse(text) as {
              status: number;
              errors?: { field: string; message: string }[];
            };
            expect(problem.status).toBe(status);
            if (field)
              expect(problem.errors).toContainEqual(expect.objectContaining({ field, message }));
          }
          expect(await site.stored()).toEqual(before);
        },
      );
    });

    describe('recording a report', () => {
      it('answers 201 with the tally raised by the report, then 200 with the same tally for the same id', async () => {
        const before = (await (await fetch(`${site.url}/api/tally`)).json()) as {
          actions: number;
          reports: number;
          byChannel: Record<string, number>;
        };
        const report = validReport({
          targets: ['minister', 'ambassador'],
          counts: { email: 2, phone: 1 },
          country: 'pe',
        });
        const first = await site.postReport(report, { client: nextClient() });
        expect(first.status).toBe(201);
        const created = (await first.json()) as {
          status: string;
          id: string;
          tally: typeof before;
        };
        expect(created.status).toBe('recorded');
        expect(created.tally.actions).toBe(before.actions + 3);
        expect(created.tally.reports).toBe(before.reports + 1);
        const counted = (await (await fetch(`${site.url}/api/tally`)).json()) as typeof before;
        expect(counted.byChannel['email']).toBe(before.byChannel['email']! + 2);
        const again = await site.postReport(report, { client: nextClient() });
        expect(again.status).toBe(200);
        const repeated = (await again.json()) as { status: string; tally: typeof before };
        expect(repeated.status).toBe('already-recorded');
        expect(repeated.tally).toEqual(created.tally);
      });

      it('stores no address, name or email: only the report and a salted hash for the rate limit', async () => {
        const address = '203.0.113.99';
        expect((await site.postReport(validReport(), { client: address })).status).toBe(201);
        const dump = JSON.stringify([
          (await site.query('SELECT * FROM reports')).rows,
          (await site.query('SELECT * FROM report_rate_limits')).rows,
        ]);
        expect(dump).not.toContain(address);
        const columns = (
          await site.query<{ column_name: string }>(
            `SELECT column_name FROM information_schema.columns WHERE table_name = 'reports'`,
          )
        ).rows.map((row) => row.column_name);
        expect(columns.sort()).toEqual(
          [
            'actions',
            'counts',
            'country',
            'id',
            'language',
            'received_at',
            'received_on',
            'rejected_at',
            'review_reasons',
            'suspicious',
            'targets',
          ].sort(),
        );
      });

      it('redirects a form post without JavaScript to the thank-you page, which shows the tally', async () => {
        const before = await site.stored();
        const response = await site.postForm(
          'targets=ambassador&counts.letter=1&counts.email=&language=es&country=&website=&startedAt=1',
          { client: nextClient() },
        );
        expect(response.status).toBe(303);
        const location = response.headers.get('location') ?? '';
        expect(location).toMatch(/^\/thanks\/\?report=[0-9a-f-]{36}$/);
        expect((await site.stored()).reports).toBe(before.reports + 1);
        const thanks = await fetch(`${site.url}${location}`);
        expect(thanks.status).toBe(200);
        const html = await thanks.text();
        expect(html).toContain(en.thanksTitle);
        expect(html).toContain(en.thanksText);
        const tally = (await (await fetch(`${site.url}/api/tally`)).json()) as {
          actions: number;
          reports: number;
        };
        expect(html).toContain(
          en.format(en.thanksPlace, {
            actions: en.format(en.tallyActions, { count: tally.actions }),
            reports: en.format(en.tallyReports, { count: tally.reports }),
          }),
        );
        expect(html).toContain(
          `<dt>${en.tallyHeadlineActions}</dt><dd>${new Intl.NumberFormat('en').format(tally.actions)}</dd>`,
        );
      });

      it('does not say a report is in when the thank-you page is opened without sending one', async () => {
        const html = await (await fetch(`${site.url}/thanks/`)).text();
        expect(html).not.toContain(en.thanksText);
        expect(html).toContain(en.thanksDirect);
      });

      it('counts a report written in a language the site does not publish, as the appeal invites', async () => {
        const report = validReport({ language: 'other' });
        const response = await site.postReport(report, { client: nextClient() });
        expect(response.status).toBe(201);
        const stored = await site.query<{ language: string }>(
          'SELECT language FROM reports WHERE id = $1',
          [report['id']],
        );
        expect(stored.rows[0]?.language).toBe('other');
      });

      it('counts a form sent twice without JavaScript (a double click, a resubmitted page) once', async () => {
        const before = await site.stored();
        const client = nextClient();
        const body = 'id=&targets=minister&counts.phone=2&language=es&startedAt=1';
        const first = await site.postForm(body, { client });
        const second = await site.postForm(body, { client });
        expect([first.status, second.status]).toEqual([303, 303]);
        const after = await site.stored();
        expect(after.reports).toBe(before.reports + 1);
        // Another supporter sending the same answers is another report.
        await site.postForm(body, { client: nextClient() });
        expect((await site.stored()).reports).toBe(before.reports + 2);
      });

      it('answers a form post that asks for JSON with JSON', async () => {
        const response = await site.postReport(
          `id=${crypto.randomUUID()}&targets=minister&counts.fax=1&language=en&startedAt=1`,
          { type: form, accept: json, client: nextClient() },
        );
        expect(response.status).toBe(201);
        expect(((await response.json()) as { status: string }).status).toBe('recorded');
      });

      it("refuses a post from another site's page, in the page's or the request's language, with the site's headers, and stores nothing", async () => {
        const before = await site.stored();
        const evil = { origin: 'https://evil.example' };
        const page = await site.postForm('targets=minister&counts.fax=1&language=en&startedAt=1', {
          page: '/es/report/',
          client: nextClient(),
          headers: evil,
        });
        expect(page.status).toBe(403);
        expect(page.headers.get('content-type')).toMatch(/^text\/html/);
        expect(await page.text()).toContain(stringsOf('es').reportCrossSite);
        for (const headers of [
          evil,
          { origin: 'null' },
          { origin: '', 'sec-fetch-site': 'cross-site' },
        ]) {
          const api = await site.postReport(validReport(), {
            client: nextClient(),
            headers: { ...headers, 'accept-language': 'es-PE' },
          });
          expect(api.status).toBe(403);
          expect(api.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
          expect(api.headers.get('content-security-policy')).toContain("default-src 'self'");
          expect(api.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
          expect(api.headers.get('x-content-type-options')).toBe('nosniff');
          expect(((await api.json()) as { detail: string }).detail).toBe(
            stringsOf('es').reportCrossSite,
          );
        }
        expect(await site.stored()).toEqual(before);
      });

      it('answers a post with no type and no origin 415, not 403', async () => {
        const response = await fetch(`${site.url}/api/reports`, {
          method: 'POST',
          body: JSON.stringify(validReport()),
          headers: { 'content-type': '' },
        });
        expect(response.status).toBe(415);
        expect(response.headers.get('content-type')).toBe(
          'application/problem+json; charset=utf-8',
        );
      });

      it("answers other methods with 405, the allowed method and the site's headers, with or without an Origin", async () => {
        for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
          for (const headers of [{ origin: site.url }, {}]) {
            const response = await fetch(`${site.url}/api/reports`, { method, headers });
            expect(response.status).toBe(405);
            expect(response.headers.get('allow')).toBe('POST');
            expect(response.headers.get('content-type')).toBe(
              'application/problem+json; charset=utf-8',
            );
            expect(response.headers.get('x-content-type-options')).toBe('nosniff');
          }
        }
      });
    });

    describe('abuse', () => {
      it('keeps a filled honeypot or a too-fast form out of the tally but answers exactly as it answers a person', async () => {
        type Answer = { status: string; tally: { actions: number; reports: number } };
        const totals = async () =>
          (await (await fetch(`${site.url}/api/tally`)).json()) as Answer['tally'];
        // A person's answer shows the totals as they stood, with their report added.
        const beforePerson = await totals();
        const person = (await (
          await site.postReport(validReport({ counts: { email: 2 } }), { client: nextClient() })
        ).json()) as Answer;
        expect(person).toMatchObject({
          status: 'recorded',
          tally: { actions: beforePerson.actions + 2, reports: beforePerson.reports + 1 },
        });
        // So does a held bot's, although its report is not counted.
        const before = await site.stored();
        const beforeBots = await totals();
        const honeypot = await site.postReport(
          validReport({ website: 'https://cheap-pills.example', counts: { email: 2 } }),
          { client: nextClient() },
        );
        const tooFast = await site.postReport(validReport({ startedAt: Date.now() - 500 }), {
          client: nextClient(),
        });
        expect(honeypot.status).toBe(201);
        expect(tooFast.status).toBe(201);
        expect((await honeypot.json()) as Answer).toMatchObject({
          status: 'recorded',
          tally: { actions: beforeBots.actions + 2, reports: beforeBots.reports + 1 },
        });
        expect(((await tooFast.json()) as Answer).tally).toEqual({
          actions: beforeBots.actions + 1,
          reports: beforeBots.reports + 1,
        });
        const after = await site.stored();
        expect(after.reports).toBe(before.reports + 2);
        expect(after.tally).toBe(before.tally);
        const held = await site.query<{ review_reasons: string[] }>(
          'SELECT review_reasons FROM reports WHERE suspicious ORDER BY received_at DESC LIMIT 2',
        );
        expect(held.rows.map((row) => row.review_reasons).sort()).toEqual([
          ['honeypot'],
          ['too-fast'],
        ]);
      });

      it('holds reports for review once the whole campaign takes more than its surge limit in ten minutes', async () => {
        const recent = (
          await site.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM report_surge_admissions WHERE admitted_at > now() - interval '10 minutes'`,
          )
        ).rows[0]!.n;
        process.env['REPORTS_SURGE_LIMIT'] = String(recent + 2);
        try {
          const before = await site.stored();
          const answers = [];
          // Four supporters, each from their own address: no per-client limit is involved.
          for (let n = 0; n < 4; n += 1)
            answers.push((await site.postReport(validReport(), { client: nextClient() })).status);
          expect(answers).toEqual([201, 201, 201, 201]);
          const after = await site.stored();
          expect(after.reports).toBe(before.reports + 4);
          const counted = (await (await fetch(`${site.url}/api/tally`)).json()) as {
            reports: number;
          };
          const held = await site.query<{ review_reasons: string[] }>(
            `SELECT review_reasons FROM reports WHERE 'surge' = ANY(review_reasons)`,
          );
          expect(held.rows).toHaveLength(2);
          expect(counted.reports).toBe(Number(/all:=\d+\/(\d+)/.exec(before.tally)?.[1] ?? 0) + 2);
        } finally {
          delete process.env['REPORTS_SURGE_LIMIT'];
        }
      });

      it('counts a held report once an organizer releases it, and refuses to hold back a counted one', async () => {
        const held = validReport({ website: 'https://spam.example', counts: { fax: 3 } });
        expect((await site.postReport(held, { client: nextClient() })).status).toBe(201);
        const before = (await (
          await fetch(`${site.url}/api/tally`, { cache: 'no-store' })
        ).json()) as { actions: number; byChannel: { fax: number } };
        await site.query(`UPDATE reports SET review_reasons = '{}' WHERE id = $1`, [held['id']]);
        const after = (await (
          await fetch(`${site.url}/api/tally`, { cache: 'no-store' })
        ).json()) as { actions: number; byChannel: { fax: number } };
        expect(after.actions).toBe(before.actions + 3);
        expect(after.byChannel.fax).toBe(before.byChannel.fax + 3);
        await expect(
          site.query(`UPDATE reports SET review_reasons = '{honeypot}' WHERE id = $1`, [
            held['id'],
          ]),
        ).rejects.toThrow(/already in the tally/);
      });

      it('answers 429 with Retry-After once one address has sent 20 reports in ten minutes, without storing more', async () => {
        const address = '192.0.2.200';
        for (let n = 0; n < 20; n += 1)
          expect((await site.postReport(validReport(), { client: address })).status).toBe(201);
        const before = await site.stored();
        const refused = await site.postReport(validReport(), { client: address });
        expect(refused.status).toBe(429);
        const retryAfter = Number(refused.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(600);
        expect((await site.stored()).reports).toBe(before.reports);
        // Another address is not affected.
        expect((await site.postReport(validReport(), { client: nextClient() })).status).toBe(201);
      });

      it('shows a page saying when to try again to a form post over the limit', async () => {
        const address = '192.0.2.201';
        for (let n = 0; n < 20; n += 1) await site.postReport(validReport(), { client: address });
        const refused = await site.postForm(
          'targets=minister&counts.email=1&language=en&startedAt=1',
          { client: address },
        );
        expect(refused.status).toBe(429);
        expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
        const page = await refused.text();
        expect(page).toContain(
          en.format(en.reportTooMany, {
            minutes: Math.ceil(Number(refused.headers.get('retry-after')) / 60),
          }),
        );
        // The answers come back filled in, ready to send again.
        expect(page).toMatch(/<input[^>]*value="minister"[^>]*checked/);
      });
    });

    describe('the tally', () => {
      it('is cached briefly by browsers and the CDN, and revalidates with ETag', async () => {
        const response = await fetch(`${site.url}/api/tally`);
        expect(response.status).toBe(200);
        expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
        expect(response.headers.get('netlify-cdn-cache-control')).toMatch(
          /^public, durable, s-maxage=\d+, stale-while-revalidate=\d+$/,
        );
        const etag = response.headers.get('etag');
        expect(etag).toMatch(/^"[0-9a-f]+"$/);
        const tally = (await response.json()) as {
          byChannel: Record<string, number>;
          byTarget: Record<string, number>;
          updatedAt: string;
        };
        expect(Object.keys(tally.byChannel)).toEqual([...channels]);
        expect(Object.keys(tally.byTarget).sort()).toEqual(['ambassador', 'minister']);
        expect(Date.parse(tally.updatedAt)).not.toBeNaN();
        const unchanged = await fetch(`${site.url}/api/tally`, {
          headers: { 'if-none-match': etag! },
        });
        expect(unchanged.status).toBe(304);
        expect(await unchanged.text()).toBe('');
        await site.postReport(validReport(), { client: nextClient() });
        expect(
          (await fetch(`${site.url}/api/tally`, { headers: { 'if-none-match': etag! } })).status,
        ).toBe(200);
      });

      it('answers other methods with 405', async () => {
        const response = await fetch(`${site.url}/api/tally`, {
          method: 'POST',
          headers: { origin: site.url, 'content-type': json },
          body: '{}',
        });
        expect(response.status).toBe(405);
        expect(response.headers.get('allow')).toBe('GET, HEAD');
      });
    });

    describe('any JSON body', () => {
      const targetIds = ['minister', 'ambassador'];
      const nearReport = fc.record(
        {
          id: fc.oneof(fc.uuid(), fc.string()),
          targets: fc.oneof(fc.subarray(targetIds), fc.array(fc.string(), { maxLength: 3 })),
          counts: fc.oneof(
            fc.dictionary(
              fc.constantFrom(...channels),
              fc.oneof(fc.integer({ min: -2, max: 60 }), fc.double(), fc.string()),
            ),
            fc.anything(),
          ),
          language: fc.oneof(fc.constantFrom('en', 'es'), fc.string()),
          country: fc.oneof(fc.constantFrom('PE', 'de', '', 'ZZ'), fc.string()),
          website: fc.oneof(fc.constant(''), fc.string()),
          startedAt: fc.oneof(fc.constant(Date.now() - 60_000), fc.integer(), fc.double()),
          extra: fc.anything(),
        },
        { requiredKeys: [] },
      );

      it('is never answered with a server error, and changes storage only when it is a valid report', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              fc.json(),
              nearReport.map((report) => JSON.stringify(report)),
            ),
            async (body) => {
              const before = await site.stored();
              const response = await site.postReport(body, { client: nextClient() });
              await response.arrayBuffer();
              expect(response.status).toBeLessThan(500);
              let parsed: unknown;
              try {
                parsed = JSON.parse(body);
              } catch {
                parsed = undefined;
              }
              const valid = parsed !== undefined && checkReport(parsed, choices).success;
              const after = await site.stored();
              if (valid) expect([200, 201]).toContain(response.status);
              else expect(after).toEqual(before);
            },
          ),
          { numRuns: 200 },
        );
      });
    });
  });
}
