/**
 * What an edition's sharing card says, from the content and the appeal's state at build time:
 * the title, a kicker, and a line for the state (its deadline, past it, or its outcome).
 */
import type { Campaign } from '../appeal/campaign';
import type { AppealState } from '../appeal/state';
import type { I18n } from '../i18n/translator';
import type { OgImageInput } from './og-image';

export function ogCard(
  { appeal }: Campaign,
  state: AppealState<{ title: string; date: string; actionsRequested: boolean }>,
  { lang, t, day, label }: I18n,
): OgImageInput {
  const stateLine =
    state.kind === 'open'
      ? `${label(t.deadlineLabel)} ${day(appeal.deadline)}`
      : state.kind === 'past-deadline'
        ? `${label(t.deadlinePastLabel)} ${day(appeal.deadline)}`
        : `${label(t.updateOutcome)} ${state.outcome.title}`;
  // Open appeals are black on yellow; once the deadline has passed or the case closed, yellow on black.
  return {
    title: appeal.title,
    kicker: `${t.siteName} ${appeal.ua}`,
    stateLine,
    lang,
    theme: state.kind === 'open' ? 'yellow' : 'black',
  };
}
