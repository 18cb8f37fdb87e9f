/**
 * The report routes as HTTP: what a request must be (type, size, origin, method), what each
 * answer is (status, type, headers, the page or the problem details, in which language), and that
 * a refused request changes nothing. The rules a report must meet are the schema's own tests
 * (report-schema.test.ts); storing reports is tested on both databases (reports-storage.test.ts).
 * Real HTTP against the production build, on the embedded database.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../src/lib/reports/schema';
import { appeal } from './support/appeal';
import { inHtml } from './support/html';
import { clientNumber, startSite, validForm, validReport, type ReportSite } from './support/site';

const json = 'application/json';
const form = 'application/x-www-form-urlencoded';
const big = 'x'.repeat(10_000);
const [original, other = original] = [appeal.defaultLanguage, ...appeal.translations];
const t = appeal.strings(original);
const tOther = appeal.strings(other);

let site: ReportSite;
let client = 0;
/** Each request speaks from its own address, so no test meets the rate limit by accident. */
const nextClient = () => clientNumber(++client);
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

describe('a request that cannot be a report is refused with its reason and changes nothing', () => {
  const rows = [
    { what: 'plain text', body: 'I wrote to the minister', type: 'text/plain', status: 415 },
    {
      what: 'a multipart form',
      body: '--x\r\nContent-Disposition: form-data; name="id"\r\n\r\n1\r\n--x--',
      type: 'multipart/form-data; boundary=x',
      status: 415,
    },
    { what: 'XML', body: '<report/>', type: 'application/xml', status: 415 },
    { what: 'no content type', body: JSON.stringify(validReport()), type: '', status: 415 },
    {
      what: 'an oversized JSON body',
      body: JSON.stringify(validReport({ website: big })),
      type: json,
      status: 413,
      message: t.reportTooLarge,
    },
    {
      what: 'malformed JSON',
      body: '{"id": ',
      type: json,
      status: 422,
      message: t.problems['body-unreadable'],
    },
    {
      what: 'an empty body',
      body: '',
      type: json,
      status: 422,
      message: t.problems['body-unreadable'],
    },
    {
      what: 'bytes that are not UTF-8',
      body: '\udcff',
      type: json,
      status: 422,
      message: t.problems['body-unreadable'],
    },
    {
      what: 'a report the schema refuses',
      body: JSON.stringify(validReport({ targets: [] })),
      type: json,
      status: 422,
      message: t.problems['targets-missing'],
      field: 'targets',
    },
  ];
  it.each(rows)(
    "$what → $status, as problem details with the site's headers",
    async ({ body, type, status, message, field }) => {
      const before = await site.stored();
      const response = await site.postReport(body, { type, client: nextClient() });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const problem = (await response.json()) as {
        status: number;
        detail: string;
        errors?: { field: string; message: string; pointer: string }[];
      };
      expect(problem.status).toBe(status);
      if (status === 415)
        expect(response.headers.get('accept')).toBe(
          'application/json, application/x-www-form-urlencoded',
        );
      if (message) expect(problem.detail).toContain(message);
      if (field)
        expect(problem.errors).toContainEqual({
          field,
          code: 'targets-missing',
          message,
          pointer: `#/${field}`,
        });
      expect(await site.stored()).toEqual(before);
    },
  );

  it.each([
    {
      what: 'an oversized form',
      body: `${validForm()}&website=${big}`,
      status: 413,
      message: t.reportTooLarge,
    },
    {
      what: 'a form the schema refuses',
      body: validForm({ 'counts.letter': 'many' }),
      status: 422,
      message: t.problems['count-not-whole'],
    },
  ])(
    'without JavaScript, $what comes back as the report page, the problem in words, the answers kept',
    async ({ body, status, message }) => {
      const before = await site.stored();
      const response = await site.postForm(body, { client: nextClient() });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const page = await response.text();
      expect(page).toContain(t.reportProblemTitle);
      expect(page).toContain(`action="${appeal.path(original, '/report/')}"`);
      expect(page).toContain(inHtml(message));
      expect(await site.stored()).toEqual(before);
    },
  );

  it("refuses a post from another site's page in the page's language, or in the one the request asks for", async () => {
    const before = await site.stored();
    const evil = { origin: 'https://evil.example' };
    const page = await site.postForm(validForm(), {
      page: appeal.path(other, '/report/'),
      client: nextClient(),
      headers: evil,
    });
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain(inHtml(tOther.reportCrossSite));
    for (const headers of [
      evil,
      { origin: 'null' },
      { origin: '', 'sec-fetch-site': 'cross-site' },
    ]) {
      const api = await site.postReport(validReport(), {
        client: nextClient(),
        headers: { ...headers, 'accept-language': other },
      });
      expect(api.status).toBe(403);
      expect(api.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(api.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(((await api.json()) as { detail: string }).detail).toBe(tOther.reportCrossSite);
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

describe('a report that is counted', () => {
  it('without JavaScript, goes on to the thank-you page of its edition, which says it is in', async () => {
    for (const lang of appeal.languages) {
      const strings = appeal.strings(lang);
      const response = await site.postForm(validForm(), {
        page: appeal.path(lang, '/report/'),
        client: nextClient(),
      });
      expect(response.status).toBe(303);
      const location = response.headers.get('location') ?? '';
      expect(location).toMatch(
        new RegExp(`^${appeal.path(lang, '/thanks/')}\\?report=[0-9a-f-]{36}$`),
      );
      const thanks = await fetch(`${site.url}${location}`);
      expect(thanks.status).toBe(200);
      expect(thanks.headers.get('cache-control')).toBe('no-store');
      const html = await thanks.text();
      expect(html).toContain(inHtml(strings.thanksText));
    }
  });

  it('does not say a report is in when the thank-you page is opened without one, or with an id no report has', async () => {
    for (const address of ['/thanks/', `/thanks/?report=${crypto.randomUUID()}`]) {
      const html = await (await fetch(`${site.url}${address}`)).text();
      expect(html, address).not.toContain(inHtml(t.thanksText));
      expect(html, address).toContain(inHtml(t.thanksDirect));
    }
  });

  it('answers a form post that asks for JSON with JSON', async () => {
    const response = await site.postReport(`id=${crypto.randomUUID()}&${validForm()}`, {
      type: form,
      accept: json,
      client: nextClient(),
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { status: string }).status).toBe('recorded');
  });
});

describe('any JSON body', () => {
  const nearReport = fc.record(
    {
      id: fc.oneof(fc.uuid(), fc.string()),
      targets: fc.oneof(
        fc.subarray([...appeal.choices.targets]),
        fc.array(fc.string(), { maxLength: 3 }),
      ),
      counts: fc.oneof(
        fc.dictionary(
          fc.constantFrom(...appeal.choices.channels),
          fc.oneof(fc.integer({ min: -2, max: 60 }), fc.double(), fc.string()),
        ),
        fc.anything(),
      ),
      language: fc.oneof(fc.constantFrom(...appeal.languages, 'other'), fc.string()),
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
          const valid = parsed !== undefined && checkReport(parsed, appeal.choices).success;
          if (valid) expect([200, 201]).toContain(response.status);
          else expect(await site.stored()).toEqual(before);
        },
      ),
      { numRuns: 100 },
    );
  });
});
