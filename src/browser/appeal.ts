/** The site's one script for its pages with a form or a tally line: each part enhances markup that already works without it. */
import { enhanceCopyButtons } from './clipboard';
import { enhanceDeadline } from './deadline';
import { enhanceSampleLetter } from './sample-letter';
import { enhanceTally } from './tally';

enhanceDeadline();
enhanceCopyButtons();
enhanceSampleLetter();
enhanceTally();

/** A moment of the page's timeline (as performance.now() counts) on the reader's clock, as a report's start is written. */
const onReadersClock = (moment: number) => Math.floor(Date.now() - (performance.now() - moment));
/** When the page was first drawn, on the page's timeline: 0 (the navigation) where browsers do not say. */
const firstDrawn = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;

/**
 * The report form's code is fetched when the form comes into view or is reached by keyboard, not
 * in the first view that most readers leave from. A press before it has arrived waits for it; if
 * it cannot arrive, the form is sent as a plain form, which works without it. The time a supporter
 * takes to fill the form counts from when they could first see it (from the first drawing of the
 * page if it is in view when this runs), never from when its code arrived on a slow connection.
 */
const form = document.querySelector<HTMLFormElement>('form[data-report]');
if (form) {
  let seenAt: number | undefined;
  let enhanced: Promise<void> | undefined;
  const enhance = () =>
    (enhanced ??= import('./report-form').then(({ enhanceReportForm }) =>
      enhanceReportForm(form, seenAt ?? onReadersClock(firstDrawn())),
    ));
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
    () => {
      seenAt ??= Date.now();
      void enhance().then(() => form.removeEventListener('submit', early));
    },
    { once: true },
  );
  if ('IntersectionObserver' in window) {
    let firstLook = true;
    const observer = new IntersectionObserver((entries) => {
      const visible = entries.find((entry) => entry.isIntersecting);
      const initially = firstLook;
      firstLook = false;
      if (!visible) return;
      observer.disconnect();
      seenAt ??= onReadersClock(initially ? Math.min(visible.time, firstDrawn()) : visible.time);
      void enhance().then(() => form.removeEventListener('submit', early));
    });
    observer.observe(form);
  }
}
