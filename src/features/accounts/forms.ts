// The accounts feature's form schemas and one parser that words every message in the user's language.
// Our own refinements carry `accounts.validation.…` catalog keys; zod's own messages come already localized.
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../platform/auth/passwords.js';
import type { Locale } from '../../platform/db/schema.js';
import type { FieldErrors } from '../../platform/errors.js';
import { type Parsed, parseInput, text } from '../../platform/http/validation.js';
import { translator } from '../../platform/i18n/i18n.js';
import { TOKEN_EXPIRY_CHOICES } from './time-zones.js';

const required = (max: number) =>
  z.string().max(max, { message: 'accounts.validation.tooLong' }).min(1, 'accounts.validation.required');

export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, 'accounts.validation.passwordTooShort')
  .max(PASSWORD_MAX_LENGTH, 'accounts.validation.passwordTooLong');

const mismatch = { message: 'accounts.validation.passwordMismatch' };

export const loginForm = z.object({
  email: required(254).transform((e) => e.trim().toLowerCase()),
  password: required(PASSWORD_MAX_LENGTH),
});

export const codeForm = z.object({
  code: z
    .string()
    .transform((c) => c.replace(/[\s-]/g, '').toLowerCase())
    .pipe(z.string().min(1, 'accounts.validation.required').max(32, 'accounts.validation.codeFormat')),
});

export const forgotPasswordForm = z.object({
  email: z
    .email({ message: 'validation.email' })
    .max(254)
    .transform((e) => e.toLowerCase()),
});

// a new password is typed twice; a mismatch is reported on the second field
export const resetPasswordForm = z
  .object({ password: newPassword, passwordConfirm: z.string() })
  .refine((o) => o.password === o.passwordConfirm, { ...mismatch, path: ['passwordConfirm'] });

export const invitationForm = z
  .object({
    displayName: text(200).pipe(z.string().min(1, 'accounts.validation.required')),
    password: newPassword,
    passwordConfirm: z.string(),
  })
  .refine((o) => o.password === o.passwordConfirm, { ...mismatch, path: ['passwordConfirm'] });

export const changePasswordForm = z
  .object({
    currentPassword: required(PASSWORD_MAX_LENGTH),
    newPassword: newPassword,
    newPasswordConfirm: z.string(),
  })
  .refine((o) => o.newPassword === o.newPasswordConfirm, { ...mismatch, path: ['newPasswordConfirm'] });

export const preferencesForm = z.object({
  locale: z.enum(['ja', 'en'], { message: 'accounts.validation.choose' }),
  timeZone: z.string().min(1, 'accounts.validation.required').max(64, 'accounts.validation.timeZone'),
});

export const tokenForm = z.object({
  tokenName: text(100).pipe(z.string().min(1, 'accounts.validation.required')),
  tokenExpiry: z.enum(TOKEN_EXPIRY_CHOICES, { message: 'accounts.validation.choose' }),
});

export const confirmPasswordForm = (field: string) => z.object({ [field]: required(PASSWORD_MAX_LENGTH) });

/** parseInput, then our own catalog keys worded in the user's language. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  locale: Locale,
): Parsed<z.output<S>> {
  const r = parseInput(schema, body, locale);
  if (r.ok) return r;
  return { ok: false, errors: wordErrors(r.errors, locale) };
}

/** Words `accounts.…` keys found in field errors (ours, or raised by a use case) in `locale`. */
export function wordErrors(errors: FieldErrors, locale: Locale): FieldErrors {
  const t = translator(locale);
  const vars = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  return Object.fromEntries(
    Object.entries(errors).map(([k, list]) => [
      k,
      list.map((m) => (m.startsWith('accounts.') ? t(m, vars) : m)),
    ]),
  );
}

/** A form body as a plain record (routes without a body schema receive `unknown`). */
export function formBody(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

export function stringField(body: unknown, name: string): string {
  const v = formBody(body)[name];
  return typeof v === 'string' ? v : '';
}
