/** Plain-text tables, number formats and goals for the console report. */
import { textTable } from '../text-table.ts';

/** One figure beside the goal it is measured against, in the closing summary. */
export interface Goal {
  figure: string;
  measured: string;
  target: string;
  met: boolean;
}

/** 1 KB = 1,000 bytes, as Chrome DevTools counts and as the targets are read. */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

export function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : Math.round(value).toLocaleString('en-US')} ms`;
}

export function perSecond(value: number, unit: string): string {
  return `${Math.round(value).toLocaleString('en-US')} ${unit}/s`;
}

/** Rows as columns, the first row a heading with a rule under it, the first column to the left and the figures to the right. */
export const table = (rows: readonly (readonly string[])[]) =>
  textTable(rows, { rule: true, right: (_, column) => column > 0 });
