// Allocating identifiers (受付番号, advisory IDs) from the patterns of src/domain/id-format.ts: one counter row
// per (pattern, year), advanced in the caller's transaction. The row lock serialises concurrent allocations
// across app nodes; a rolled-back transaction gives its number back, so IDs are unique and gapless.
import { sql } from 'kysely';
import { counterKey, formatId } from '../domain/id-format.js';
import type { Database } from './db/database.js';

export async function allocateId(trx: Database, pattern: string, date: Date): Promise<string> {
  const key = counterKey(pattern, date);
  const r = await sql<{ last_value: string }>`
    insert into id_counters (pattern, year, last_value) values (${key.pattern}, ${key.year}, 1)
    on conflict (pattern, year) do update set last_value = id_counters.last_value + 1
    returning last_value`.execute(trx);
  return formatId(pattern, { seq: Number(r.rows[0]!.last_value), date });
}

/**
 * `n` consecutive IDs of `pattern` for `date`'s counter row in one statement (`last_value + n`), for bulk work
 * such as the advisory import: the same row lock and the same gapless rule as allocateId, in the caller's
 * transaction. Returns them in order.
 */
export async function allocateIds(trx: Database, pattern: string, date: Date, n: number): Promise<string[]> {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`allocateIds: n must be a whole number ≥ 0, got ${n}`);
  if (n === 0) return [];
  const key = counterKey(pattern, date);
  const r = await sql<{ last_value: string }>`
    insert into id_counters (pattern, year, last_value) values (${key.pattern}, ${key.year}, ${n})
    on conflict (pattern, year) do update set last_value = id_counters.last_value + ${n}
    returning last_value`.execute(trx);
  const last = Number(r.rows[0]!.last_value);
  return Array.from({ length: n }, (_, i) => formatId(pattern, { seq: last - n + 1 + i, date }));
}
