// Keyset pages: a cursor names the row a page ends at, so pages stay stable while rows are added, and no OFFSET
// scan grows with the page number. A query reads one row more than a page in its reading order; the row beyond
// tells whether there is more that way. Reading back (towards the first page) reads in reverse order and turns
// the page round, so a page is always shown in the list's own order.

import { type SelectQueryBuilder, type StringReference, sql } from 'kysely';
import { z } from 'zod';
import { blankToUndefined } from '../http/validation.js';

/** A position in a list ordered by (instant, id). */
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
  blankToUndefined,
  z
    .string()
    .regex(CURSOR)
    .transform((s) => decodeCursor(s)!)
    .optional(),
);

/**
 * Orders a query by (at, id) and reads one page (plus the row beyond it) past `cursor`: upwards when
 * `ascending`, downwards otherwise.
 */
export function readByKey<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  key: { at: StringReference<DB, TB>; id: StringReference<DB, TB> },
  opts: { cursor: Cursor | undefined; ascending: boolean; limit: number },
): SelectQueryBuilder<DB, TB, O> {
  const { cursor, ascending } = opts;
  let read = q;
  if (cursor) {
    read = read.where(
      sql<boolean>`(${sql.ref(key.at)}, ${sql.ref(key.id)}) ${sql.raw(ascending ? '>' : '<')} (${cursor.at}, ${cursor.id})`,
    );
  }
  const order = ascending ? 'asc' : 'desc';
  return read
    .orderBy(sql.ref(key.at), order)
    .orderBy(sql.ref(key.id), order)
    .limit(opts.limit + 1);
}

/** The rows of a page in display order, and whether more lay beyond it in the direction of reading. */
export function pageOf<T>(rows: T[], limit: number, backwards: boolean): { items: T[]; more: boolean } {
  const items = rows.slice(0, limit);
  if (backwards) items.reverse();
  return { items, more: rows.length > limit };
}

export type Paged<T> = { items: T[]; nextCursor: string | null; prevCursor: string | null };

/**
 * The cursors to the pages either side of a page: `backwards` when it was read back from a `before`-style
 * cursor (then there is always a next page), `hadCursor` when it was not the first page.
 */
export function cursorsOf<T>(
  items: T[],
  more: boolean,
  opts: { backwards: boolean; hadCursor: boolean; key: (row: T) => string },
): Omit<Paged<T>, 'items'> {
  const first = items[0];
  const last = items.at(-1);
  const hasNext = opts.backwards ? true : more;
  const hasPrev = opts.backwards ? more : opts.hadCursor;
  return {
    nextCursor: hasNext && last ? opts.key(last) : null,
    prevCursor: hasPrev && first ? opts.key(first) : null,
  };
}

/** Rows read with `readByKey` (or the like) turned into a page with the cursors either side. */
export function toPage<T>(
  rows: T[],
  opts: { limit: number; backwards: boolean; hadCursor: boolean; key: (row: T) => string },
): Paged<T> {
  const { items, more } = pageOf(rows, opts.limit, opts.backwards);
  return { items, ...cursorsOf(items, more, opts) };
}
