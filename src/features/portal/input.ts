// Checks of what a developer types, shared by the forms and the JSON API: each failure is a field error naming a
// catalog entry (`portal.errors.…`), so both say it in the reader's language.
import type { PartyStatus } from '../../platform/db/schema/coordination.js';
import { AppError } from '../../platform/errors.js';
import { text } from '../../platform/http/validation.js';

/** The statuses a developer gives itself; `unknown` is where it starts and `no_response` is the coordinator's mark. */
export const DEVELOPER_STATUSES = [
  'investigating',
  'affected',
  'not_affected',
  'fixed',
  'disputed',
] as const satisfies readonly PartyStatus[];
export type DeveloperStatus = (typeof DEVELOPER_STATUSES)[number];

export const LONG_TEXT = 20_000;
export const REASON_TEXT = 4_000;

export function invalid(field: string, key: string): never {
  throw new AppError('validation', 'errors.validation', { [field]: [`portal.errors.${key}`] });
}

/** Optional free text: trimmed, bounded, no control characters; empty is null. */
export function optionalText(raw: unknown, field: string, max = LONG_TEXT): string | null {
  if (raw === undefined || raw === null) return null;
  const r = text(max).safeParse(typeof raw === 'string' ? raw : String(raw));
  if (!r.success) return invalid(field, 'text');
  return r.data === '' ? null : r.data;
}

/** Required free text. */
export function requiredText(raw: unknown, field: string, max = LONG_TEXT, emptyKey = 'required'): string {
  const v = optionalText(raw, field, max);
  if (v === null) return invalid(field, emptyKey);
  return v;
}

export function developerStatus(raw: unknown): DeveloperStatus {
  if (typeof raw === 'string' && (DEVELOPER_STATUSES as readonly string[]).includes(raw))
    return raw as DeveloperStatus;
  return invalid('status', 'status');
}

/** A vulnerability's ordinal (`<reference>.<ordinal>`), as a path segment or a number. */
export function ordinalOf(raw: unknown): number | null {
  const s = typeof raw === 'number' ? String(raw) : raw;
  if (typeof s !== 'string' || !/^[1-9][0-9]{0,3}$/.test(s)) return null;
  return Number(s);
}

/**
 * Runs every check and reports all their field errors together (a form shows every problem at once, not one per
 * submission); returns the checks' results when none failed.
 */
export function checkAll<T extends readonly (() => unknown)[]>(
  ...checks: T
): { [K in keyof T]: ReturnType<T[K]> } {
  const fields: Record<string, string[]> = {};
  const results: unknown[] = [];
  for (const check of checks) {
    try {
      results.push(check());
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
      for (const [k, list] of Object.entries(err.fields)) fields[k] = [...(fields[k] ?? []), ...list];
    }
  }
  if (Object.keys(fields).length > 0) throw new AppError('validation', 'errors.validation', fields);
  return results as { [K in keyof T]: ReturnType<T[K]> };
}
