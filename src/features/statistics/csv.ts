// The figures as CSV for spreadsheets: UTF-8 with a byte-order mark (Excel in Japan reads Japanese correctly),
// CRLF, RFC 4180 quoting and formula-injection safety — the audit trail's writer (features/audit/csv.ts).
// Numbers are written plain (no thousands separators); shares are whole percents, as in the tables.
import { CSV_BOM, csvLine } from '../audit/csv.js';
import type { Figure } from './figures.js';

function figureLines(f: Figure): string {
  return (
    csvLine(f.table.columns.map((c) => c.label)) +
    f.table.rows.map((r) => csvLine([r.head, ...r.cells.map((x) => (x === null ? '' : x))])).join('')
  );
}

/** One figure's table: a header line and a line per row. */
export function figureCsv(f: Figure): string {
  return CSV_BOM + figureLines(f);
}

/** Every figure of a report: for each, a line with its id and caption, its table, and an empty line. */
export function reportCsv(title: string, figures: Figure[]): string {
  return (
    CSV_BOM +
    csvLine([title]) +
    csvLine([]) +
    figures.map((f) => csvLine([f.id, f.caption]) + figureLines(f) + csvLine([])).join('')
  );
}
