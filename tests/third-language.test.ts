/**
 * The next appeal, in another language, with no code change: the fixture in
 * tests/fixtures/third-language/content/ (Brazilian Portuguese only, three officials, no fax, a
 * deadline in São Paulo time, one update) replaces content/ in a copy of the project, which is
 * built and served like the real site. Its content passes the schemas, its pages speak Portuguese
 * throughout, and its reports are counted against its own officials and time zone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { appealSchema, letterSchema, targetSchema, updateSchema } from '../src/lib/appeal/schema';
import { dayStart } from '../src/lib/deadline/deadline';
import type { Tally } from '../src/lib/tally/tally';
import { editionsIn } from '../src/integrations/editions';
import { readFolder, readStringTables, stringsOf } from './support/content';
import { startSite, validReport, type ReportSite } from './support/site';
import { buildVariant, type Variant } from './support/variant';

const fixture = join(import.meta.dirname, 'fixtures', 'third-language', 'content');
const pt = stringsOf('pt-BR', fixture);
const en = stringsOf('en');

describe('the third-language fixture’s content', () => {
  it('publishes one edition, in Brazilian Portuguese, at the root', () => {
    expect(editionsIn(pathToFileURL(`${fixture}/`))).toEqual({
      languages: ['pt-BR'],
      defaultLanguage: 'pt-BR',
    });
    expect(Object.keys(readStringTables(fixture))).toEqual(['pt-BR']);
  });

  it.each([
    ['appeal', appealSchema],
    ['targets', targetSchema],
    ['letters', letterSchema],
  ] as const)('every file in %s/ passes its schema', (folder, schema) => {
    for (const [file, { data }] of Object.entries(readFolder(folder, fixture))) {
      const result = schema.safeParse(data);
      expect(
        result.success,
        `${folder}/${file}.md: ${result.error ? z.prettifyError(result.error) : ''}`,
      ).toBe(true);
    }
  });

  it('gives three officials, none with a fax, and an update that still asks for action', () => {
    const targets = Object.values(readFolder('targets', fixture)).map(({ data }) =>
      targetSchema.parse(data),
    );
    expect(targets).toHaveLength(3);
    expect(targets.every((target) => target.fax === undefined)).toBe(true);
    const updates = readdirSync(join(fixture, 'updates'), {
      recursive: true,
      encoding: 'utf8',
    }).filter((file) => file.endsWith('.md'));
    expect(updates).toHaveLength(1);
    const update = updateSchema.parse(
      yaml.load(
        readFileSync(join(fixture, 'updates', updates[0]!), 'utf8').split(/^---\s*$/m)[1] ?? '',
      ),
    );
    expect(update.actionsRequested).toBe(true);
  });
});

describe('the third-language site, built and served', () => {
  let variant: Variant;
  let site: ReportSite;
  beforeAll(async () => {
    variant = buildVariant('third-language', { content: fixture });
    site = await startSite({ root: variant.root });
  }, 300_000);
  afterAll(async () => {
    await site?.stop();
    variant?.remove();
  });

  const page = async (path: string) => {
    const response = await fetch(`${site.url}${path}`);
    return { status: response.status, html: await response.text() };
  };

  it('builds from content and one strings table alone', () => {
    expect(variant.output).toContain('Complete!');
  });

  it('serves the appeal in Portuguese at the root, with no other edition and no language switch', async () => {
    const { status, html } = await page('/');
    expect(status).toBe(200);
    expect(html).toMatch(/<html lang="pt-BR"/);
    expect(html).toContain('Exemplo de apelo');
    expect(html).not.toContain('hreflang=');
    expect(html).not.toContain(pt.switchTo);
    expect((await page('/es/')).status).toBe(404);
  });

  it('lists its three officials with their channels, and no fax', async () => {
    const { html } = await page('/');
    expect(html.match(/class="card target"/g)).toHaveLength(3);
    for (const id of ['ministra', 'defensor', 'prefeita'])
      expect(html).toContain(`data-target="${id}"`);
    expect(html).not.toContain('data-channel="fax"');
    expect(html).toContain('data-channel="contact-form"');
    expect(html.match(/data-report-target/g)).toHaveLength(3);
  });

  it("shows the appeal's picture from content as AVIF and WebP at several widths, with its alt text and credit", async () => {
    const { html } = await page('/');
    const picture = /<picture>[\s\S]*?<\/picture>/.exec(html)?.[0] ?? '';
    expect(picture).toMatch(/<source[^>]+type="image\/avif"/);
    expect(picture).toMatch(/<source[^>]+type="image\/webp"/);
    expect(picture).toMatch(/sizes="\(min-width: 72rem\) 72rem, 100vw"/);
    expect(picture).toContain('alt="Ilustração de exemplo, em amarelo e preto, sem pessoas."');
    expect(html).toContain('Imagem de exemplo: equipe do site');
    const avif = /srcset="([^" ]+\.avif)/.exec(picture)?.[1] ?? '';
    const image = await fetch(`${site.url}${avif}`);
    expect(image.headers.get('content-type')).toBe('image/avif');
  });

  it('says every interface word in Portuguese, from its strings table, and none of the English table’s', async () => {
    const { html } = await page('/');
    for (const text of [
      pt.reportSubmit,
      pt.officialsHeading,
      pt.reportLanguageOther,
      pt.updatesHeading,
    ])
      expect(html).toContain(text.replaceAll("'", '&#39;'));
    const english = Object.values(en).filter(
      (text): text is string =>
        typeof text === 'string' && text.length > 12 && !Object.values(pt).includes(text),
    );
    expect(english.filter((text) => html.includes(text))).toEqual([]);
  });

  it('closes its deadline at the end of the day in São Paulo and lists its update', async () => {
    const { html } = await page('/');
    expect(html).toContain('data-time-zone="America/Sao_Paulo"');
    expect(html).toContain('<time datetime="2026-02-10"');
    const feed = (await page('/updates.xml')).html;
    expect(feed).toContain('<language>pt-BR</language>');
    expect(feed).toContain(
      `<pubDate>${dayStart('2026-02-10', 'America/Sao_Paulo').toUTCString()}</pubDate>`,
    );
  });

  it('counts a report naming its third official, in the language it was written in, on the day in São Paulo', async () => {
    const report = validReport({
      targets: ['prefeita'],
      counts: { 'contact-form': 2 },
      language: 'pt-BR',
    });
    expect((await site.postReport(report)).status).toBe(201);
    const tally = (await (await fetch(`${site.url}/api/tally`)).json()) as Tally;
    expect(Object.keys(tally.byTarget).sort()).toEqual(['defensor', 'ministra', 'prefeita']);
    expect(tally.byTarget['prefeita']).toBe(1);
    expect(tally.byLanguage['pt-BR']).toEqual({ actions: 2, reports: 1 });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(
      new Date(),
    );
    expect(tally.byDay[today]).toEqual({ actions: 2, reports: 1 });
  });

  it('explains a bad report in Portuguese, whatever language the request asks for', async () => {
    const response = await site.postReport(validReport({ targets: [], language: 'pt-BR' }), {
      headers: { 'accept-language': 'fr-FR' },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      pt.problems['targets-missing'],
    );
  });
});
