/**
 * An appeal unlike the one under test, from tests/fixtures/closed/content: one edition, in
 * Brazilian Portuguese, at the root; three officials; a picture; news that kept it open, then an
 * outcome that closed it. It is built and served like the real site (the browser tests use the
 * same build), with no code changed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayStart } from '../src/lib/deadline/deadline';
import type { Tally } from '../src/lib/tally/tally';
import { appeal, appealIn, projectRoot } from './support/appeal';
import { inHtml } from './support/html';
import { startSite, validReport, type ReportSite } from './support/site';
import { buildVariant } from './support/variant';

const fixture = appealIn(join(projectRoot, 'tests', 'fixtures', 'closed', 'content'));
const t = fixture.strings('pt-BR');
const { deadlineTimeZone: timeZone } = fixture.appeal('pt-BR');

describe('a single-language appeal closed by its outcome, built and served', () => {
  let site: ReportSite;
  beforeAll(async () => {
    site = await startSite({ root: buildVariant('closed', { content: fixture.root }) });
  }, 300_000);
  afterAll(async () => {
    await site?.stop();
  });

  const page = async (path: string) => {
    const response = await fetch(`${site.url}${path}`);
    return { status: response.status, html: await response.text() };
  };

  it('serves its one edition at the root, with no other edition and no language switch', async () => {
    const { status, html } = await page('/');
    expect(status).toBe(200);
    expect(html).toMatch(/<html lang="pt-BR"/);
    expect(html).not.toContain('hreflang=');
    expect(html).not.toContain(inHtml(t.switchTo));
    for (const lang of appeal.translations) expect((await page(`/${lang}/`)).status).toBe(404);
  });

  it('leads with its outcome, and lists its officials as the record with the channels each has', async () => {
    const { html } = await page('/');
    const [outcome] = fixture.updates('pt-BR');
    expect(/<h1>([^<]*)<\/h1>/.exec(html)?.[1]).toBe(inHtml(outcome?.title ?? ''));
    expect(html.match(/class="card target"/g)).toHaveLength(fixture.targets.length);
    for (const target of fixture.targets) expect(html).toContain(`data-target="${target.id}"`);
    expect(html).not.toContain('data-channel="fax"');
    expect(html.match(/data-report-target/g)).toHaveLength(fixture.targets.length);
    // The report form asks only for the channels its officials can be reached by.
    expect(html).not.toContain('name="counts.fax"');
    expect(html).toContain('name="counts.contact-form"');
  });

  it("shows the appeal's picture from content as AVIF and WebP at several widths, with its alt text and credit", async () => {
    const { html } = await page('/');
    const picture = /<picture>[\s\S]*?<\/picture>/.exec(html)?.[0] ?? '';
    expect(picture).toMatch(/<source[^>]+type="image\/avif"/);
    expect(picture).toMatch(/<source[^>]+type="image\/webp"/);
    const hero = fixture.appeal('pt-BR').hero!;
    expect(picture).toContain(`alt="${inHtml(hero.alt)}"`);
    expect(html).toContain(inHtml(hero.credit));
    const avif = /srcset="([^" ]+\.avif)/.exec(picture)?.[1] ?? '';
    expect((await fetch(`${site.url}${avif}`)).headers.get('content-type')).toBe('image/avif');
  });

  it("says every interface word from its own strings table, and none of another edition's", async () => {
    const { html } = await page('/');
    for (const text of [
      t.reportSubmit,
      t.officialsRecordHeading,
      t.reportLanguageOther,
      t.updatesHeading,
    ])
      expect(html).toContain(inHtml(text));
    const own = new Set(Object.values(t).filter((text) => typeof text === 'string'));
    const others = appeal.languages
      .flatMap((lang) => Object.values(appeal.strings(lang)))
      .filter(
        (text): text is string => typeof text === 'string' && text.length > 12 && !own.has(text),
      );
    expect(others.filter((text) => html.includes(inHtml(text)))).toEqual([]);
  });

  it('lists both updates in its feed, each from the start of its day where the deadline is set', async () => {
    const feed = (await page('/updates.xml')).html;
    expect(feed).toContain('<language>pt-BR</language>');
    for (const update of fixture.updates('pt-BR'))
      expect(feed).toContain(`<pubDate>${dayStart(update.date, timeZone).toUTCString()}</pubDate>`);
  });

  it('counts a report naming its last official, in the language it was written in, on the day where the deadline is set', async () => {
    const last = fixture.targets.at(-1)!.id;
    const report = validReport({ targets: [last], counts: { letter: 2 }, language: 'pt-BR' });
    expect((await site.postReport(report)).status).toBe(201);
    const tally = (await (await fetch(`${site.url}/api/tally`)).json()) as Tally;
    expect(Object.keys(tally.byTarget)).toEqual(fixture.choices.targets);
    expect(tally.byTarget[last]).toBe(1);
    expect(tally.byLanguage['pt-BR']).toEqual({ actions: 2, reports: 1 });
    expect(tally.byDay[new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date())]).toEqual({
      actions: 2,
      reports: 1,
    });
  });

  it('explains a bad report in its language, whatever language the request asks for', async () => {
    const response = await site.postReport(validReport({ targets: [], language: 'pt-BR' }), {
      headers: { 'accept-language': 'fr-FR' },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      t.problems['targets-missing'],
    );
  });
});
