/** The public tally as /api/tally returns it. Browser-safe. */
import { channels, type Channel } from '../appeal/vocabulary';

/** The two figures a report's answer carries: where the campaign stands, the supporter's report included. */
export interface Headline {
  /** Actions in all reports counted publicly. */
  actions: number;
  /** Reports counted publicly. */
  reports: number;
}

export interface Tally extends Headline {
  /** Actions per channel; every channel is listed, 0 when nobody used it yet. */
  byChannel: Record<Channel, number>;
  /** Reports that name each official; a report naming both counts for both. */
  byTarget: Record<string, number>;
  /** When the tally last changed, ISO 8601; null before the first report. */
  updatedAt: string | null;
}

/** A row of the tally table (netlify/database/migrations): bigint columns arrive as strings. */
export interface TallyRow {
  dimension: string;
  key: string;
  actions: number | string;
  reports: number | string;
  updated_at: Date | string;
}

/** The tally from its table rows; officials and channels with no row yet count 0. */
export function tallyFromRows(rows: readonly TallyRow[], targetIds: readonly string[]): Tally {
  const tally: Tally = {
    actions: 0,
    reports: 0,
    byChannel: Object.fromEntries(channels.map((channel) => [channel, 0])) as Record<Channel, number>,
    byTarget: Object.fromEntries(targetIds.map((target) => [target, 0])),
    updatedAt: null,
  };
  for (const row of rows) {
    if (row.dimension === 'all') {
      tally.actions = Number(row.actions);
      tally.reports = Number(row.reports);
      // The campaign row exists from the start; it only says "changed" once a report is counted.
      if (tally.reports > 0) tally.updatedAt = new Date(row.updated_at).toISOString();
    } else if (row.dimension === 'channel' && (channels as readonly string[]).includes(row.key)) {
      tally.byChannel[row.key as Channel] = Number(row.actions);
    } else if (row.dimension === 'target' && targetIds.includes(row.key)) {
      tally.byTarget[row.key] = Number(row.reports);
    }
  }
  return tally;
}
