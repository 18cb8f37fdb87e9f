import type { ReportProblem } from '../lib/reports/schema';
import type { Tally } from '../lib/reports/tally';
import type { Language } from '../lib/appeal/vocabulary';
import { readerLocale } from '../i18n/languages';

/** The shared schema (with zod) is fetched when the supporter starts on the form, not on first view. */
const loadSchema = () => import('../lib/reports/schema');

/** Attempts for one report when the connection or the storage fails; each re-sends the same id. */
const attempts = 4;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** "{actions} actions…" with numbers in the page's locale. */
export function tallyText(template: string, tally: Pick<Tally, 'actions' | 'reports'>, locale: string): string {
  const number = new Intl.NumberFormat(locale);
  return template.replace('{actions}', number.format(tally.actions)).replace('{reports}', number.format(tally.reports));
}

type Outcome =
  | { kind: 'counted'; created: boolean; tally: Tally | undefined }
  | { kind: 'problems'; problems: ReportProblem[] }
  | { kind: 'rate-limited' }
  | { kind: 'failed' };

async function readJson(response: Response): Promise<Record<string, unknown>> {
  try {
    return (await response.json()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Sends one report, retrying lost responses and storage outages with the same id, so it counts once. */
async function send(body: unknown, lang: Language, onRetry: () => void): Promise<Outcome> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let retryAfter = 2 ** attempt * 500;
    try {
      const response = await fetch('/api/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': lang },
        body: JSON.stringify(body),
      });
      const answer = await readJson(response);
      if (response.status === 200 || response.status === 201) {
        return { kind: 'counted', created: response.status === 201, tally: answer['tally'] as Tally | undefined };
      }
      if (response.status === 422) return { kind: 'problems', problems: (answer['errors'] as ReportProblem[] | undefined) ?? [] };
      if (response.status === 429) return { kind: 'rate-limited' };
      const seconds = Number(response.headers.get('retry-after'));
      if (Number.isFinite(seconds) && seconds > 0) retryAfter = Math.min(seconds, 10) * 1000;
    } catch {
      // The request or its answer was lost: the report may be stored, and re-sending its id is safe.
    }
    if (attempt < attempts) {
      onRetry();
      await wait(retryAfter);
    }
  }
  return { kind: 'failed' };
}

/**
 * With JavaScript the report form checks itself with the shared schema, sends JSON, shows problems
 * beside their fields and the new tally without leaving the page. Without it, the form posts as HTML.
 */
export function enhanceReportForm(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-report]');
  if (!form) return;
  const text = (key: string) => form.dataset[key] ?? '';
  const lang = (document.documentElement.lang || 'en') as Language;
  const idField = form.querySelector<HTMLInputElement>('input[data-report-id]');
  const startedField = form.querySelector<HTMLInputElement>('input[data-report-started]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const status = form.querySelector<HTMLElement>('[data-status]');
  const summary = form.querySelector<HTMLElement>('[data-problems]');
  const targetIds = [...form.querySelectorAll<HTMLInputElement>('input[data-report-target]')].map((box) => box.value);
  if (!idField || !startedField || !button || !status || !summary) return;

  /** A filled form gets one id, kept through every retry and double click until it is counted. */
  const newReport = () => {
    idField.value = crypto.randomUUID();
    startedField.value = String(Date.now());
  };
  newReport();
  form.noValidate = true;

  const clearProblems = () => {
    summary.hidden = true;
    summary.replaceChildren();
    for (const slot of form.querySelectorAll<HTMLElement>('.field-error')) {
      slot.hidden = true;
      slot.textContent = '';
    }
    for (const invalid of form.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
  };
  const showProblems = (problems: ReportProblem[]) => {
    clearProblems();
    const heading = document.createElement('h3');
    heading.textContent = text('problemsHeading');
    const list = document.createElement('ul');
    for (const problem of problems) {
      const container = form.querySelector<HTMLElement>(`[data-field="${problem.field}"]`);
      // Each field's own message slot is a direct child; a group's slot is not one of its fields'.
      const slot = container?.querySelector<HTMLElement>(':scope > .field-error');
      const control = container?.querySelector<HTMLElement>(':is(input, select)');
      const item = document.createElement('li');
      if (slot && control) {
        slot.textContent = problem.message;
        slot.hidden = false;
        // A problem with a whole group (no official chosen) is described on the group, not pinned on its first box.
        if (!container?.matches('fieldset')) control.setAttribute('aria-invalid', 'true');
        const link = document.createElement('a');
        link.href = `#${control.id || slot.id}`;
        link.textContent = problem.message;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          control.focus();
        });
        item.append(link);
      } else {
        item.textContent = problem.message;
      }
      list.append(item);
    }
    summary.replaceChildren(heading, list);
    summary.hidden = false;
    summary.focus();
  };
  const showTally = (tally: Tally | undefined) => {
    if (!tally) return;
    for (const line of document.querySelectorAll<HTMLElement>('[data-tally]')) {
      line.textContent = tallyText(text('tallyLine'), tally, readerLocale(lang, navigator.languages));
      line.hidden = false;
    }
  };

  form.addEventListener('focusin', () => void loadSchema(), { once: true });
  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    const { checkReport, reportFromForm } = await loadSchema();
    const fields = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') fields.append(name, value);
    const report = reportFromForm(fields);
    const check = checkReport(report, targetIds, lang);
    if (!check.success) {
      sending = false;
      showProblems(check.problems);
      return;
    }
    clearProblems();
    button.disabled = true;
    status.textContent = text('sending');
    await send(report, lang, () => (status.textContent = text('retrying'))).then((outcome) => {
      sending = false;
      button.disabled = false;
      if (outcome.kind === 'counted') {
        status.textContent = outcome.created ? text('sent') : text('alreadySent');
        showTally(outcome.tally);
        form.reset();
        newReport();
      } else if (outcome.kind === 'problems') {
        status.textContent = '';
        showProblems(outcome.problems);
      } else {
        status.textContent = outcome.kind === 'rate-limited' ? text('rateLimited') : text('failed');
      }
    });
  });

  // The tally is worth a glance but never worth delaying the page: fetch it once the page is idle.
  const loadTally = () =>
    fetch('/api/tally', { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<Tally>) : undefined))
      .then(showTally)
      .catch(() => {});
  if ('requestIdleCallback' in window) requestIdleCallback(() => void loadTally());
  else setTimeout(() => void loadTally(), 1);
}
