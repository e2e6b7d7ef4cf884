// A publication moment as a person types it (datetime-local + a time zone) → an exact UTC instant, refused with a
// field error when it does not exist in that zone, is ambiguous, or is not in the future. Also how a moment is
// written in mails: in JST and in UTC, never ambiguous.
import { formatInstant } from '../../domain/time.js';
import type { Locale } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { localMomentToUtc, validateProposedMoment } from './schedule-policy.js';

const LOCAL_ERRORS = {
  syntax: 'momentFormat',
  nonexistent: 'momentInvalid',
  ambiguous: 'momentInvalid',
  zone: 'timeZone',
} as const;

export function parseProposedMoment(
  local: unknown,
  timeZone: unknown,
  now: Date,
  field = 'publishAt',
): { at: Date; timeZone: string } {
  const fail = (key: string, f = field): never => {
    throw new AppError('validation', 'errors.validation', { [f]: [`coordination.errors.${key}`] });
  };
  if (typeof timeZone !== 'string') return fail('timeZone', 'timeZone');
  if (typeof local !== 'string') return fail('momentFormat');
  const r = localMomentToUtc(local, timeZone);
  if (!r.ok) return r.error === 'zone' ? fail('timeZone', 'timeZone') : fail(LOCAL_ERRORS[r.error]);
  const check = validateProposedMoment(r.at, now);
  if (check === 'past') return fail('momentPast');
  if (check === 'too-soon') return fail('momentTooSoon');
  return { at: r.at, timeZone };
}

/** A moment for mail text: `2027-01-15 10:00 JST (UTC+09:00) / 2027-01-15 01:00 UTC (UTC+00:00)`. */
export function mailMoment(at: Date, locale: Locale): string {
  return `${formatInstant(at, { locale, timeZone: 'Asia/Tokyo' })} / ${formatInstant(at, { locale, timeZone: 'UTC' })}`;
}
