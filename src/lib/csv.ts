/** CSV as RFC 4180 writes it: a field quoted when it holds a comma, a quote or a line break, quotes doubled, CRLF line ends. */
export type CsvCell = string | number | null;

export function csv(rows: readonly (readonly CsvCell[])[]): string {
  const field = (cell: CsvCell) => {
    const text = cell === null ? '' : String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');
}
