/** The public tally as /api/tally returns it, built from the tally table's rows. Browser-safe. */
import { channels, otherLanguage, type Channel } from '../appeal/vocabulary';

/** The two figures a report's answer carries: where the campaign stands, the supporter's report included. */
export interface Headline {
  /** Actions in all reports counted publicly (reports held for review are left out). */
  actions: number;
  /** Reports counted publicly. */
  reports: number;
}

/** Reports sent from fewer countries than this are added into "other countries", never shown on their own. */
export const countryThreshold = 5;
/** The key of the countries with fewer than countryThreshold reports, added together. */
export const otherCountries = 'other';

export interface Tally extends Headline {
  /** Actions per channel; every channel is listed, 0 when nobody used it yet. */
  byChannel: Record<Channel, number>;
  /** Reports that name each official; a report naming both counts for both. */
  byTarget: Record<string, number>;
  /** Per day in the appeal's time zone (YYYY-MM-DD), oldest first. */
  byDay: Record<string, Headline>;
  /**
   * Per ISO 3166-1 country, most reports first; countries with fewer than countryThreshold reports
   * are added into "other". Reports that gave no country are not in it.
   */
  byCountry: Record<string, Headline>;
  /** Per language written in: each of the site's languages, then "other". */
  byLanguage: Record<string, Headline>;
  /** When the earliest counted report was received, ISO 8601; null before the first report. */
  firstReportAt: string | null;
  /** When the tally last changed, ISO 8601; null before the first report. */
  updatedAt: string | null;
}

/** A row of the tally, its shards added together: bigint columns arrive as strings. */
export interface TallyRow {
  dimension: string;
  key: string;
  actions: number | string;
  reports: number | string;
  first_at: Date | string | null;
  updated_at: Date | string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The tally from its rows; officials, channels and the site's languages with no row yet count 0. */
export function tallyFromRows(rows: readonly TallyRow[], targetIds: readonly string[], languages: readonly string[]): Tally {
  const tally: Tally = {
    actions: 0,
    reports: 0,
    byChannel: Object.fromEntries(channels.map((channel) => [channel, 0])) as Record<Channel, number>,
    byTarget: Object.fromEntries(targetIds.map((target) => [target, 0])),
    byDay: {},
    byCountry: {},
    byLanguage: Object.fromEntries([...languages, otherLanguage].map((lang) => [lang, { actions: 0, reports: 0 }])),
    firstReportAt: null,
    updatedAt: null,
  };
  const countries: [string, Headline][] = [];
  for (const row of rows) {
    const figures = { actions: Number(row.actions), reports: Number(row.reports) };
    if (row.dimension === 'all') {
      Object.assign(tally, figures);
      // The campaign row exists from the start; it only says when once a report is counted.
      if (figures.reports > 0) {
        tally.firstReportAt = iso(row.first_at);
        tally.updatedAt = iso(row.updated_at);
      }
    } else if (row.dimension === 'channel' && (channels as readonly string[]).includes(row.key)) {
      tally.byChannel[row.key as Channel] = figures.actions;
    } else if (row.dimension === 'target' && targetIds.includes(row.key)) {
      tally.byTarget[row.key] = figures.reports;
    } else if (row.dimension === 'day') {
      tally.byDay[row.key] = figures;
    } else if (row.dimension === 'country') {
      countries.push([row.key, figures]);
    } else if (row.dimension === 'language') {
      tally.byLanguage[row.key] = figures;
    }
  }
  tally.byDay = Object.fromEntries(Object.entries(tally.byDay).sort(([a], [b]) => a.localeCompare(b)));
  const other = { actions: 0, reports: 0 };
  for (const [country, figures] of countries.sort(([a, x], [b, y]) => y.reports - x.reports || a.localeCompare(b))) {
    if (figures.reports >= countryThreshold) tally.byCountry[country] = figures;
    else {
      other.actions += figures.actions;
      other.reports += figures.reports;
    }
  }
  if (other.reports > 0) tally.byCountry[otherCountries] = other;
  return tally;
}
