// Keyset pages over (instant, id) for the case queues and the reception queue: a cursor names the row a page
// ends at, so pages stay stable while rows are added, and no OFFSET scan grows with the page number.
import { z } from 'zod';

export type Cursor = { at: Date; id: string };

const CURSOR = /^(\d{1,15})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeCursor(c: Cursor): string {
  return `${c.at.getTime()}.${c.id}`;
}

export function decodeCursor(s: string): Cursor | null {
  const m = CURSOR.exec(s);
  return m ? { at: new Date(Number(m[1])), id: m[2]! } : null;
}

/** A query-string cursor: blank is none, anything malformed is a validation error. */
export const cursorParam = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .string()
    .regex(CURSOR)
    .transform((s) => decodeCursor(s)!)
    .optional(),
);

export type Paged<T> = { items: T[]; nextCursor: string | null; prevCursor: string | null };

/**
 * Turns the rows of a keyset query (read with limit + 1, backwards when `before` was given) into a page in
 * display order with the cursors to the pages either side.
 */
export function toPage<T>(
  rows: T[],
  opts: { limit: number; backwards: boolean; hadCursor: boolean; key: (row: T) => Cursor },
): Paged<T> {
  const more = rows.length > opts.limit;
  const items = rows.slice(0, opts.limit);
  if (opts.backwards) items.reverse();
  const first = items[0];
  const last = items.at(-1);
  const hasNext = opts.backwards ? true : more;
  const hasPrev = opts.backwards ? more : opts.hadCursor;
  return {
    items,
    nextCursor: hasNext && last ? encodeCursor(opts.key(last)) : null,
    prevCursor: hasPrev && first ? encodeCursor(opts.key(first)) : null,
  };
}
