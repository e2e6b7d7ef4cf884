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
