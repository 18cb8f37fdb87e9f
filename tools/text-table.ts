/** Plain-text tables for people reading a terminal: the desk's lists and the benchmark's figures. */

export type Cell = string | number | null;

const numbers = new Intl.NumberFormat('en');

interface Layout {
  /** Which cells sit to the right of their column: numbers, unless the table says otherwise. */
  right?: (cell: Cell, column: number) => boolean;
  /** A line of dashes under the first row. */
  rule?: boolean;
}

/** Rows as columns padded to their widest cell; numbers written 1,234. */
export function textTable(
  rows: readonly (readonly Cell[])[],
  { right = (cell) => typeof cell === 'number', rule = false }: Layout = {},
): string[] {
  const text = (cell: Cell) =>
    cell === null ? '' : typeof cell === 'number' ? numbers.format(cell) : cell;
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach(
      (cell, column) => (widths[column] = Math.max(widths[column] ?? 0, text(cell).length)),
    );
  }
  const line = (row: readonly Cell[]) =>
    widths
      .map((width, column) => {
        const cell = row[column] ?? null;
        return right(cell, column) ? text(cell).padStart(width) : text(cell).padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const [heading, ...body] = rows;
  if (!heading) return [];
  return [
    line(heading),
    ...(rule ? [widths.map((width) => '-'.repeat(width)).join('  ')] : []),
    ...body.map(line),
  ];
}
