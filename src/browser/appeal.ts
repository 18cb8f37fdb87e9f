/** The site's one script for its pages with a form or a tally line: each part enhances markup that already works without it. */
import { enhanceCopyButtons } from './clipboard';
import { enhanceDeadline } from './deadline';
import { enhanceSampleLetter } from './sample-letter';
import { enhanceTally } from './tally';

enhanceDeadline();
enhanceCopyButtons();
enhanceSampleLetter();
enhanceTally();

/**
 * The report form's code is fetched when the form comes into view or is reached by keyboard, not
 * in the first view that most readers leave from. A press before it has arrived waits for it; if
 * it cannot arrive, the form is sent as a plain form, which works without it.
 */
const form = document.querySelector<HTMLFormElement>('form[data-report]');
if (form) {
  let enhanced: Promise<void> | undefined;
  const enhance = () =>
    (enhanced ??= import('./report-form').then(({ enhanceReportForm }) => enhanceReportForm(form)));
  const early = (event: SubmitEvent) => {
    event.preventDefault();
    form.removeEventListener('submit', early);
    enhance().then(
      () => form.requestSubmit(event.submitter as HTMLButtonElement | null),
      () => form.submit(),
    );
  };
  form.addEventListener('submit', early);
  form.addEventListener(
    'focusin',
    () => void enhance().then(() => form.removeEventListener('submit', early)),
    { once: true },
  );
  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void enhance().then(() => form.removeEventListener('submit', early));
    });
    observer.observe(form);
  }
}
