// CSV (RFC 4180) that spreadsheets open safely: a cell that begins with = + - @ (or a tab or carriage return)
// would be run as a formula, so it is prefixed with an apostrophe; cells with quotes, commas or line breaks
// are quoted. Lines end in CRLF; a UTF-8 byte-order mark lets Excel read Japanese text correctly.
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
