/** What a report may name, from the content: the officials, the channels they can be reached by, the languages the site publishes. Browser-safe. */
import { campaignChannels, type Channel } from '../appeal/vocabulary.ts';
import type { Language } from '../i18n/languages.ts';

export interface ReportChoices {
  /** The officials' ids, in the order the content gives (their `order`). */
  targets: readonly string[];
  /** The channels any official can be reached by (letter always), in the usual order. */
  channels: readonly Channel[];
  /** The languages the site publishes, the original first. */
  languages: readonly Language[];
}

/** An official as far as the choices go: their id, their place on the page, their contact details. */
type ChoosableTarget = { id: string; order: number } & Parameters<
  typeof campaignChannels
>[0][number];

/** The choices of a campaign whose officials are these and whose editions these. */
export function reportChoices(
  targets: readonly ChoosableTarget[],
  languages: readonly Language[],
): ReportChoices {
  const ordered = [...targets].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return {
    targets: ordered.map((target) => target.id),
    channels: campaignChannels(targets),
    languages,
  };
}
