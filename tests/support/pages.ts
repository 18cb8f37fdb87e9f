/** The site's pages, one list for every test that visits them all, in every edition of the appeal under test. */
import type { AppealUnderTest } from './appeal';

export interface SitePage {
  path: string;
  /** The edition's language. */
  lang: string;
  kind: 'appeal' | 'letter' | 'report' | 'thanks' | 'tally' | 'not-found';
  /** Built once (static), or rendered for each request. */
  rendered: 'static' | 'on request';
}

/**
 * Each kind of page once per edition: the appeal, a printable letter (to the first official, in
 * the edition's language), the report form, the thank-you page, the report of actions, a missing page.
 */
export function sitePages(appeal: AppealUnderTest): SitePage[] {
  const [first] = appeal.targets;
  return appeal.languages.flatMap((lang): SitePage[] => {
    const at = (page: string) => appeal.path(lang, page);
    return [
      { path: at('/'), lang, kind: 'appeal', rendered: 'static' },
      {
        path: at(`/letters/${first?.id ?? ''}/${lang}/`),
        lang,
        kind: 'letter',
        rendered: 'static',
      },
      { path: at('/report/'), lang, kind: 'report', rendered: 'on request' },
      { path: at('/thanks/'), lang, kind: 'thanks', rendered: 'on request' },
      { path: at('/tally/'), lang, kind: 'tally', rendered: 'on request' },
      { path: at('/no-such-page/'), lang, kind: 'not-found', rendered: 'on request' },
    ];
  });
}
