/** The running tally as one sentence, in the page's language: "12 actions in 5 reports so far." Browser-safe. */
import { format, type Plural } from '../i18n/format';
import type { Headline } from './tally';

/** What a tally line says, from its data-tally attribute (src/components/tally/TallyLine.astro). */
export interface TallyLineStrings {
  /** The sentence, with {actions} and {reports} where the two counted phrases go. */
  line: string;
  actions: Plural;
  reports: Plural;
}

/** The sentence, or nothing before the first report: never "0 actions" as encouragement. */
export function tallyLine(strings: TallyLineStrings, tally: Headline, lang: string): string {
  if (tally.reports === 0) return '';
  return format(lang, strings.line, {
    actions: format(lang, strings.actions, { count: tally.actions }),
    reports: format(lang, strings.reports, { count: tally.reports }),
  });
}
