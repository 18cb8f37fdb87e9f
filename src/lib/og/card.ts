/**
 * What an edition's sharing card says, from the content and the appeal's state at build time:
 * the title, a kicker, and a line for the state (its deadline, past it, or its outcome).
 */
import { getCampaign } from '../appeal/campaign';
import type { Language } from '../i18n/languages';
import { i18nFor } from '../i18n/translator';
import type { OgImageInput } from './og-image';

export async function ogCard(lang: Language, now = new Date()): Promise<OgImageInput> {
  const campaign = await getCampaign(lang);
  const { t, day } = await i18nFor(lang);
  const { appeal } = campaign;
  const state = campaign.stateAt(now);
  const stateLine =
    state.kind === 'open'
      ? `${t.deadlineLabel}: ${day(appeal.deadline)}`
      : state.kind === 'past-deadline'
        ? `${t.deadlinePastLabel}: ${day(appeal.deadline)}`
        : `${t.updateOutcome}: ${state.outcome.title}`;
  // Open appeals are black on yellow; once the deadline has passed or the case closed, yellow on black.
  return {
    title: appeal.title,
    kicker: `${t.siteName} ${appeal.ua}`,
    stateLine,
    lang,
    theme: state.kind === 'open' ? 'yellow' : 'black',
  };
}
