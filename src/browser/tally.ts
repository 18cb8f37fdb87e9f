import { tallyLine, type TallyLineStrings } from '../lib/tally/line';
import type { Headline } from '../lib/tally/tally';

/** Writes the campaign's figures into every tally line of the page. */
export function showTally(tally: Headline | undefined): void {
  if (!tally) return;
  const lang = document.documentElement.lang;
  for (const line of document.querySelectorAll<HTMLElement>('[data-tally]')) {
    const strings = JSON.parse(line.dataset['tally'] ?? '{}') as TallyLineStrings;
    line.textContent = tallyLine(strings, tally, lang);
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
