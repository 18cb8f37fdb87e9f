import { otherLanguage, type Channel } from '../lib/appeal/vocabulary';
import {
  explainProblems,
  type ExplainedProblem,
  type ReportProblemCode,
} from '../lib/reports/problems';
import type { Headline } from '../lib/tally/tally';
import { announce } from './announce';
import { showTally } from './tally';

type Rules = typeof import('./report-rules');

/** What the form says, in the page's language, from its data-strings attribute (src/components/ReportForm.astro). */
interface FormStrings {
  sending: string;
  sent: string;
  alreadySent: string;
  retrying: string;
  failed: string;
  rateLimited: string;
  problemsHeading: string;
  problems: Record<ReportProblemCode, string>;
}

/** Attempts for one report when the connection or the storage fails; each re-sends the same id. */
const attempts = 4;
/** The longest Retry-After the form waits out by itself; a longer one is told to the supporter. */
const longestWaitSeconds = 10;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let rules: Promise<Rules> | undefined;
/**
 * The shared rules (zod) are fetched while the supporter reads or fills the form, not in the first
 * view. A failed fetch is forgotten, so the next press fetches them again; browsers keep a failed
 * module import, so the retry asks for the same file under a new address.
 */
function loadRules(): Promise<Rules> {
  rules ??= import('./report-rules').catch((error: unknown) => {
    const url = /https?:\/\/\S+?\.js/.exec(String(error))?.[0];
    return url
      ? (import(/* @vite-ignore */ `${url}?retry=${Date.now()}`) as Promise<Rules>)
      : Promise.reject(error);
  });
  rules.catch(() => (rules = undefined));
  return rules;
}

type Outcome =
  | { kind: 'counted'; created: boolean; tally: Headline | undefined }
  | { kind: 'problems'; problems: ExplainedProblem[] }
  | { kind: 'refused'; reason: string }
  | { kind: 'failed' };

async function readJson(response: Response): Promise<Record<string, unknown>> {
  try {
    return (await response.json()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * Sends one report under one id. Only what can succeed later is sent again: a lost request or
 * answer, a busy or unreachable server (502, 503, 504), a rate limit that lifts within seconds.
 * Anything else is answered at once with the server's own reason.
 */
async function send(body: unknown, lang: string, onRetry: () => void): Promise<Outcome> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let retryAfter = 2 ** attempt * 500;
    try {
      const response = await fetch('/api/reports', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'accept-language': lang,
        },
        body: JSON.stringify(body),
      });
      const answer = await readJson(response);
      if (response.status === 200 || response.status === 201) {
        return {
          kind: 'counted',
          created: response.status === 201,
          tally: answer['tally'] as Headline | undefined,
        };
      }
      if (response.status === 422)
        return {
          kind: 'problems',
          problems: (answer['errors'] as ExplainedProblem[] | undefined) ?? [],
        };
      const seconds = Number(response.headers.get('retry-after'));
      const lifts = Number.isFinite(seconds) && seconds > 0 && seconds <= longestWaitSeconds;
      const retryable =
        [502, 503, 504].includes(response.status) || (response.status === 429 && lifts);
      if (!retryable)
        return {
          kind: 'refused',
          reason: typeof answer['detail'] === 'string' ? answer['detail'] : '',
        };
      if (lifts) retryAfter = seconds * 1000;
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
 * `seenAt` is when the supporter could first see the form (src/browser/appeal.ts): the time it took
 * them to fill it is counted from then, not from when this code arrived.
 */
export function enhanceReportForm(form: HTMLFormElement, seenAt: number): void {
  const strings = JSON.parse(form.dataset['strings'] ?? '{}') as FormStrings;
  const lang = document.documentElement.lang;
  const idField = form.querySelector<HTMLInputElement>('input[data-report-id]');
  const startedField = form.querySelector<HTMLInputElement>('input[data-report-started]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const status = form.querySelector<HTMLElement>('[data-status]');
  const summary = form.querySelector<HTMLElement>('[data-problems]');
  // What a report may name is what the form offers: the officials' boxes, the channels' counts, the languages' radio buttons.
  const values = (selector: string) =>
    [...form.querySelectorAll<HTMLInputElement>(selector)].map((input) => input.value);
  const choices = {
    targets: values('input[data-report-target]'),
    channels: [...form.querySelectorAll<HTMLInputElement>('input[data-report-channel]')].map(
      (input) => input.dataset['reportChannel'] as Channel,
    ),
    languages: values('input[name="language"]').filter((value) => value !== otherLanguage),
  };
  if (!idField || !startedField || !button || !status || !summary) return;

  /** A filled form gets one id, kept through every retry and double click until it is counted. */
  const newReport = (startedAt: number) => {
    idField.value = crypto.randomUUID();
    startedField.value = String(startedAt);
  };
  newReport(seenAt);
  form.noValidate = true;

  const say = (message: string) => announce(status, message);
  const clearProblems = () => {
    summary.hidden = true;
    summary.replaceChildren();
    for (const slot of form.querySelectorAll<HTMLElement>('.field-error')) {
      slot.hidden = true;
      slot.textContent = '';
    }
    for (const invalid of form.querySelectorAll('[aria-invalid]'))
      invalid.removeAttribute('aria-invalid');
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

  // The form is in view or in use (src/browser/appeal.ts): fetch its rules now, ahead of the first press.
  void loadRules().catch(() => {});

  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    // The button stays focusable while busy (aria-disabled, not disabled), so focus never falls to the page.
    button.setAttribute('aria-disabled', 'true');
    say(strings.sending);
    const finish = (message: string) => {
      sending = false;
      button.removeAttribute('aria-disabled');
      say(message);
    };
    let checks: Rules;
    try {
      checks = await loadRules();
    } catch {
      return finish(strings.failed);
    }
    const fields = new URLSearchParams();
    for (const [name, value] of new FormData(form))
      if (typeof value === 'string') fields.append(name, value);
    const report = checks.reportFromForm(fields);
    const check = checks.checkReport(report, choices);
    if (!check.success) {
      finish('');
      showProblems(explainProblems(check.problems, strings.problems, lang));
      return;
    }
    clearProblems();
    const outcome = await send(report, lang, () => say(strings.retrying));
    if (outcome.kind === 'counted') {
      finish(outcome.created ? strings.sent : strings.alreadySent);
      showTally(outcome.tally);
      form.reset();
      newReport(Date.now());
    } else if (outcome.kind === 'problems') {
      finish('');
      showProblems(outcome.problems);
    } else if (outcome.kind === 'refused') {
      finish(outcome.reason || strings.failed);
    } else {
      finish(strings.failed);
    }
  });
}
