/**
 * The public tally: what it holds, how the database's rows become it, the privacy rule on
 * countries, and its CSV. The one definition for the API, the pages, the browser and the
 * organizers' desk. Browser-safe, and runs on plain Node (the desk).
 */
import { otherLanguage, type Channel } from '../appeal/vocabulary.ts';
import { csv, type CsvCell } from '../csv.ts';
import type { ReportChoices } from '../reports/choices.ts';

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
  /** Actions per channel: every channel an official can be reached by, 0 when nobody used it yet. */
  byChannel: Partial<Record<Channel, number>>;
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

/** The tally table's rows with their shards added together (run by the report function and the organizers' desk). */
export const tallyQuery = `SELECT dimension, key, sum(actions) AS actions, sum(reports) AS reports, min(first_at) AS first_at,
  max(updated_at) FILTER (WHERE reports > 0) AS updated_at FROM tally GROUP BY dimension, key`;

const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

/** The tally from its rows; officials, channels and the site's languages with no row yet count 0. */
export function tallyFromRows(
  rows: readonly TallyRow[],
  { targets: targetIds, channels: campaignChannels, languages }: ReportChoices,
): Tally {
  const tally: Tally = {
    actions: 0,
    reports: 0,
    byChannel: Object.fromEntries(campaignChannels.map((channel) => [channel, 0])),
    byTarget: Object.fromEntries(targetIds.map((target) => [target, 0])),
    byDay: {},
    byCountry: {},
    byLanguage: Object.fromEntries(
      [...languages, otherLanguage].map((lang) => [lang, { actions: 0, reports: 0 }]),
    ),
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
    } else if (
      row.dimension === 'channel' &&
      (campaignChannels as readonly string[]).includes(row.key)
    ) {
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
  tally.byDay = Object.fromEntries(
    Object.entries(tally.byDay).sort(([a], [b]) => a.localeCompare(b)),
  );
  const other = { actions: 0, reports: 0 };
  for (const [country, figures] of countries.sort(
    ([a, x], [b, y]) => y.reports - x.reports || a.localeCompare(b),
  )) {
    if (figures.reports >= countryThreshold) tally.byCountry[country] = figures;
    else {
      other.actions += figures.actions;
      other.reports += figures.reports;
    }
  }
  if (other.reports > 0) tally.byCountry[otherCountries] = other;
  return tally;
}

/**
 * The tally as CSV (RFC 4180, a header row), one row per dimension and key: the same figures as the
 * JSON, countries under the threshold already added into "other".
 */
export function tallyCsv(tally: Tally): string {
  const rows: CsvCell[][] = [
    ['dimension', 'key', 'actions', 'reports'],
    ['all', '', tally.actions, tally.reports],
  ];
  for (const [channel, actions] of Object.entries(tally.byChannel))
    rows.push(['channel', channel, actions, null]);
  for (const [target, reports] of Object.entries(tally.byTarget))
    rows.push(['target', target, null, reports]);
  for (const [dimension, figures] of [
    ['day', tally.byDay],
    ['country', tally.byCountry],
    ['language', tally.byLanguage],
  ] as const) {
    for (const [key, { actions, reports }] of Object.entries(figures))
      rows.push([dimension, key, actions, reports]);
  }
  return csv(rows);
}
