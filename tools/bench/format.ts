/** Plain-text tables, number formats and target checks for the console report. */

/** One figure beside its target in the closing summary. */
export interface Target {
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

/** Lays out rows as columns padded to their widest cell; the first row is the heading. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const [heading, ...body] = rows;
  if (!heading) return [];
  return [line(heading), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)];
}
