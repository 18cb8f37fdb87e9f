import { formatDay, isPastDeadline } from '../lib/deadline/deadline';
import { readerLocale } from '../lib/i18n/languages';

/** The page may have been built before the deadline and read after it, in any locale: the label, the date and the notice follow the reader's clock. */
export function enhanceDeadline(): void {
  const locale = readerLocale(document.documentElement.lang, navigator.languages);
  for (const block of document.querySelectorAll<HTMLElement>('[data-deadline]')) {
    const date = block.dataset['deadline'] ?? '';
    const past = isPastDeadline(new Date(), date, block.dataset['timeZone'] ?? 'UTC');
    const time = block.querySelector('time');
    if (time) time.textContent = formatDay(date, locale);
    const label = block.querySelector<HTMLElement>('[data-deadline-label]');
    if (label)
      label.textContent = `${(past ? label.dataset['past'] : label.dataset['open']) ?? ''}:`;
    const notice = block.querySelector<HTMLElement>('[data-after-deadline]');
    if (notice) notice.hidden = !past;
  }
}
