/** Plain-text tables and number formats for the console report. */

/** 1 KB = 1,000 bytes, as Chrome DevTools counts and as the targets are read. */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

export function bytes(count: number): string {
  return `${count.toLocaleString('en-US')} B`;
}

export function bytesAndKb(count: number): string {
  return `${bytes(count)} (${kb(count)})`;
}

export function ms(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} ms`;
}

/** Lays out rows as columns padded to their widest cell; the first row is the heading. */
export function table(rows: readonly (readonly string[])[], align: readonly ('left' | 'right')[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return (align[column] ?? (column === 0 ? 'left' : 'right')) === 'left' ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const [heading, ...body] = rows;
  if (!heading) return [];
  return [line(heading), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)];
}
