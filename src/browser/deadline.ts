import { isPastDeadline } from '../lib/deadline/deadline';

/**
 * The page may have been built before the deadline and read after it: the label and the notice
 * follow the reader's clock, in the deadline's time zone. The date stays as the edition writes it.
 */
export function enhanceDeadline(): void {
  for (const block of document.querySelectorAll<HTMLElement>('[data-deadline]')) {
    const past = isPastDeadline(
      new Date(),
      block.dataset['deadline'] ?? '',
      block.dataset['timeZone'] ?? 'UTC',
    );
    const label = block.querySelector<HTMLElement>('[data-deadline-label]');
    if (label) label.textContent = (past ? label.dataset['past'] : label.dataset['open']) ?? '';
    const notice = block.querySelector<HTMLElement>('[data-after-deadline]');
    if (notice) notice.hidden = !past;
  }
}
