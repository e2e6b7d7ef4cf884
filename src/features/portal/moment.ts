// A counter-proposed publication moment, as the form gives it (datetime-local + a time zone) or as the API gives
// it (ISO 8601 with an offset): one exact instant, at least an hour ahead, or a field error that says why not.
// The wall-clock conversion and the lead-time rule are the coordination schedule's own (schedule-policy.ts).
import { localMomentToUtc, validateProposedMoment } from '../coordination/schedule-policy.js';
import { invalid } from './input.js';

export type MomentInput = { local: unknown; timeZone: unknown } | { iso: unknown };

/** ISO 8601 with a date, hours and minutes and an explicit offset (`Z` or `±HH:MM`): never a zone-less time. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function fromIso(raw: unknown, field: string): Date {
  if (typeof raw !== 'string' || !ISO_WITH_OFFSET.test(raw)) return invalid(field, 'momentIso');
  const at = new Date(raw);
  if (Number.isNaN(at.getTime())) return invalid(field, 'momentIso');
  // a date such as 2027-02-30 rolls over in Date; it is refused rather than moved
  const [y, mo, d] = raw.slice(0, 10).split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return invalid(field, 'momentIso');
  return at;
}

export function parseMoment(
  input: MomentInput,
  now: Date,
  field = 'publishAt',
): { at: Date; timeZone: string } {
  let at: Date;
  let timeZone = 'UTC';
  if ('iso' in input) {
    at = fromIso(input.iso, field);
  } else {
    if (typeof input.local !== 'string' || input.local === '') return invalid(field, 'momentRequired');
    const r = localMomentToUtc(input.local, typeof input.timeZone === 'string' ? input.timeZone : '');
    if (!r.ok) return invalid(r.error === 'zone' ? 'timeZone' : field, `moment_${r.error}`);
    at = r.at;
    timeZone = input.timeZone as string;
  }
  const check = validateProposedMoment(at, now);
  if (check === 'past') return invalid(field, 'momentPast');
  if (check === 'too-soon') return invalid(field, 'momentTooSoon');
  return { at, timeZone };
}
