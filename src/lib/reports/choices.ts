/** What a report may name, from the content: the officials and the languages the site publishes. Browser-safe. */
import type { Language } from '../i18n/languages.ts';

export interface ReportChoices {
  /** The officials' ids, in the order the content gives (their `order`). */
  targets: readonly string[];
  /** The languages the site publishes, the original first. */
  languages: readonly Language[];
}

/** The choices of a campaign whose officials are these (each with its `order`) and whose editions these. */
export function reportChoices(
  targets: readonly { id: string; order: number }[],
  languages: readonly Language[],
): ReportChoices {
  const ordered = [...targets].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { targets: ordered.map((target) => target.id), languages };
}
