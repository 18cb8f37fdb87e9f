import { otherLanguage } from '../lib/appeal/vocabulary';
import { format, type Plural } from '../lib/i18n/format';
import { explainProblems, type ExplainedProblem, type ReportProblemCode } from '../lib/reports/problems';
import type { Headline } from '../lib/reports/tally';

/** The shared schema (with zod) is fetched when the supporter starts on the form, not on first view. */
const loadSchema = () => import('../lib/reports/schema');

/** What the form says, in the page's language, from its data-strings attribute (src/components/ReportForm.astro). */
interface FormStrings {
  sending: string;
  sent: string;
  alreadySent: string;
  retrying: string;
  failed: string;
  rateLimited: string;
  problemsHeading: string;
  tallyActions: Plural;
  tallyReports: Plural;
  tallyLine: string;
  problems: Record<ReportProblemCode, string>;
}

/** Attempts for one report when the connection or the storage fails; each re-sends the same id. */
const attempts = 4;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** "12 actions reported in 5 reports so far." in the page's language, or nothing before the first report. */
export function tallyText(strings: Pick<FormStrings, 'tallyActions' | 'tallyReports' | 'tallyLine'>, tally: Headline, lang: string): string {
  if (tally.reports === 0) return '';
  return format(lang, strings.tallyLine, {
    actions: format(lang, strings.tallyActions, { count: tally.actions }),
    reports: format(lang, strings.tallyReports, { count: tally.reports }),
  });
}

type Outcome =
  | { kind: 'counted'; created: boolean; tally: Headline | undefined }
  | { kind: 'problems'; problems: ExplainedProblem[] }
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
async function send(body: unknown, lang: string, onRetry: () => void): Promise<Outcome> {
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
        return { kind: 'counted', created: response.status === 201, tally: answer['tally'] as Headline | undefined };
      }
      if (response.status === 422) return { kind: 'problems', problems: (answer['errors'] as ExplainedProblem[] | undefined) ?? [] };
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
  const strings = JSON.parse(form.dataset['strings'] ?? '{}') as FormStrings;
  const lang = document.documentElement.lang;
  const idField = form.querySelector<HTMLInputElement>('input[data-report-id]');
  const startedField = form.querySelector<HTMLInputElement>('input[data-report-started]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const status = form.querySelector<HTMLElement>('[data-status]');
  const summary = form.querySelector<HTMLElement>('[data-problems]');
  // What a report may name is what the form offers: the officials' boxes and the languages' radio buttons.
  const values = (selector: string) => [...form.querySelectorAll<HTMLInputElement>(selector)].map((input) => input.value);
  const choices = { targets: values('input[data-report-target]'), languages: values('input[name="language"]').filter((value) => value !== otherLanguage) };
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
  const showProblems = (problems: ExplainedProblem[]) => {
    clearProblems();
    const heading = document.createElement('h3');
    heading.textContent = strings.problemsHeading;
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
  const showTally = (tally: Headline | undefined) => {
    const text = tally ? tallyText(strings, tally, lang) : '';
    if (!text) return;
    for (const line of document.querySelectorAll<HTMLElement>('[data-tally]')) {
      line.textContent = text;
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
    const check = checkReport(report, choices);
    if (!check.success) {
      sending = false;
      showProblems(explainProblems(check.problems, strings.problems, lang));
      return;
    }
    clearProblems();
    button.disabled = true;
    status.textContent = strings.sending;
    await send(report, lang, () => (status.textContent = strings.retrying)).then((outcome) => {
      sending = false;
      button.disabled = false;
      if (outcome.kind === 'counted') {
        status.textContent = outcome.created ? strings.sent : strings.alreadySent;
        showTally(outcome.tally);
        form.reset();
        newReport();
      } else if (outcome.kind === 'problems') {
        status.textContent = '';
        showProblems(outcome.problems);
      } else {
        status.textContent = outcome.kind === 'rate-limited' ? strings.rateLimited : strings.failed;
      }
    });
  });

  // The tally is worth a glance but never worth delaying the page: fetch it once the page is idle.
  const loadTally = () =>
    fetch('/api/tally', { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<Headline>) : undefined))
      .then(showTally)
      .catch(() => {});
  if ('requestIdleCallback' in window) requestIdleCallback(() => void loadTally());
  else setTimeout(() => void loadTally(), 1);
}
