// Instants are stored in UTC and shown in the viewer's zone with the zone named, so an embargo's hour is
// never ambiguous: "2026-11-22 15:04 JST (UTC+09:00)".
export type Zoned = { locale: 'ja' | 'en'; timeZone: string };

export const DAY_MS = 86_400_000;

/** Whole days from `since` to `now` (a queue's "age"); never negative, should a clock run behind. */
export function ageInDays(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

function parts(date: Date, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

/** Offset of `timeZone` at `date`, as `+09:00`. */
export function utcOffset(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
  const minutes = Math.round((asUtc - Math.floor(date.getTime() / 60000) * 60000) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A short zone name where one is well known (JST, UTC), else the IANA name. */
export function zoneAbbreviation(timeZone: string): string {
  if (timeZone === 'Asia/Tokyo') return 'JST';
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  return timeZone;
}

export function formatInstant(date: Date, z: Zoned): string {
  const p = parts(date, z.timeZone);
  const offset = utcOffset(date, z.timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${zoneAbbreviation(z.timeZone)} (UTC${offset})`;
}

export function formatDate(date: Date, z: Zoned): string {
  const p = parts(date, z.timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}
