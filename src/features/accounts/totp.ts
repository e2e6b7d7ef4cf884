// Second factor: TOTP (RFC 6238, 30-second steps, ±1 step accepted) and one-time recovery codes.
import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Clock } from '../../platform/clock.js';
import { sha256Hex } from '../../platform/crypto.js';

export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
// no 0/o, 1/l/i: codes are read off paper
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_LENGTH = 10;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(opts: { issuer: string; label: string; secret: string }): string {
  return generateURI({ issuer: opts.issuer, label: opts.label, secret: opts.secret });
}

export function secretContext(userId: string): string {
  return `users.totp:${userId}`;
}

export function isTotpShaped(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/**
 * The time step a code belongs to, or null when it is wrong — or not later than `afterStep`, the step
 * last accepted for this user, so a code that has been used once is refused for the rest of its window.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  clock: Clock,
  afterStep: number | null,
): Promise<number | null> {
  if (!isTotpShaped(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(clock.now().getTime() / 1000),
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Ten fresh recovery codes as shown to the user: `abcde-fghjk`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(
      { length: RECOVERY_LENGTH },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    );
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

export function normalizeRecoveryCode(code: string): string | null {
  const c = code.replace(/[\s-]/g, '').toLowerCase();
  return c.length === RECOVERY_LENGTH && [...c].every((ch) => RECOVERY_ALPHABET.includes(ch)) ? c : null;
}

/** Codes carry ~49 bits of randomness, so a SHA-256 bound to the user is enough (and allows a lookup). */
export function recoveryCodeHash(userId: string, normalized: string): string {
  return sha256Hex(`${userId}:${normalized}`);
}
