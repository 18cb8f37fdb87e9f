import { format, type Plural } from '../lib/i18n/format';
import type { Headline } from '../lib/reports/tally';

/** What a tally line says, from its data-tally attribute (src/components/TallyLine.astro). */
interface TallyLineStrings {
  line: string;
  actions: Plural;
  reports: Plural;
}

/** "12 actions reported in 5 reports so far." in the page's language, or nothing before the first report. */
export function tallyText(strings: TallyLineStrings, tally: Headline, lang: string): string {
  if (tally.reports === 0) return '';
  return format(lang, strings.line, {
    actions: format(lang, strings.actions, { count: tally.actions }),
    reports: format(lang, strings.reports, { count: tally.reports }),
  });
}

/** Writes the campaign's figures into every tally line of the page. */
export function showTally(tally: Headline | undefined): void {
  if (!tally) return;
  const lang = document.documentElement.lang;
  for (const line of document.querySelectorAll<HTMLElement>('[data-tally]')) {
    const text = tallyText(
      JSON.parse(line.dataset['tally'] ?? '{}') as TallyLineStrings,
      tally,
      lang,
    );
    line.textContent = text;
  }
}

/** The tally is worth a glance but never worth delaying the page: fetched once the page is idle. */
export function enhanceTally(): void {
  if (!document.querySelector('[data-tally]')) return;
  const load = () =>
    fetch('/api/tally', { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<Headline>) : undefined))
      .then(showTally)
      .catch(() => {});
  if ('requestIdleCallback' in window) requestIdleCallback(() => void load());
  else setTimeout(() => void load(), 1);
}
