// Choices offered in the account forms: time zones people here actually use, and token lifetimes.
import { isValidTimeZone } from '../../config.js';

export const TIME_ZONES = [
  'Asia/Tokyo',
  'UTC',
  'Asia/Seoul',
  'Asia/Shanghai',
  'Asia/Taipei',
  'Asia/Hong_Kong',
  'Asia/Singapore',
  'Asia/Bangkok',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Pacific/Honolulu',
] as const;

/** The offered zones, plus the current one when it was set elsewhere (configuration, CLI). */
export function timeZoneChoices(current: string): string[] {
  return (TIME_ZONES as readonly string[]).includes(current) ? [...TIME_ZONES] : [current, ...TIME_ZONES];
}

/** An IANA zone name: letters, digits, `/`, `_`, `+`, `-`, and one the runtime knows. */
export function isAcceptedTimeZone(zone: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone) && isValidTimeZone(zone);
}

export const TOKEN_EXPIRY_CHOICES = ['30', '90', '365', 'never'] as const;
export type TokenExpiry = (typeof TOKEN_EXPIRY_CHOICES)[number];

export function expiryDays(choice: TokenExpiry): number | undefined {
  return choice === 'never' ? undefined : Number(choice);
}
