/** /updates.xml and /es/updates.xml: the appeal's updates as an RSS feed, newest first, in each edition's language. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { dayStart } from '../../lib/deadline/deadline';
import { editionParams } from '../../lib/i18n/editions';

export const getStaticPaths = editionParams;

export const GET: APIRoute = async ({ locals, site }) => {
  const { lang, t, format, path, label } = locals.i18n;
  const { appeal } = locals.campaign;
  const address = (page: string) => new URL(path(page), site).href;
  return rss({
    title: `${label(t.updatesHeading)} ${t.urgentAction} ${appeal.ua}, ${appeal.title}`,
    description: appeal.summary,
    site: address('/'),
    customData: `<language>${lang}</language>`,
    items: locals.updates.map((update) => ({
      title: update.title,
      link: address(`/#update-${update.id}`),
      pubDate: dayStart(update.date, appeal.deadlineTimeZone),
      description: update.summary,
      content: `${update.html}<p><a href="${update.source.url}">${format(t.updateSource, { document: update.source.document })}</a></p>`,
      categories: [update.kind === 'outcome' ? t.updateOutcome : t.updateFurtherInformation],
    })),
  });
};
