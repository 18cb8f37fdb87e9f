import { formatDeadline, isPastDeadline } from '../lib/deadline/deadline';
import { readerLocale } from '../lib/i18n/languages';

/** The page may have been built before the deadline and read after it, in any locale. */
export function enhanceDeadline(): void {
  const locale = readerLocale(document.documentElement.lang, navigator.languages);
  for (const block of document.querySelectorAll<HTMLElement>('[data-deadline]')) {
    const date = block.dataset['deadline'] ?? '';
    const timeZone = block.dataset['timeZone'] ?? 'UTC';
    const time = block.querySelector('time');
    if (time) time.textContent = formatDeadline(date, locale);
    const notice = block.querySelector<HTMLElement>('[data-after-deadline]');
    if (notice) notice.hidden = !isPastDeadline(new Date(), date, timeZone);
  }
}
