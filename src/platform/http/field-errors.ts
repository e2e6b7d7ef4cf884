// A refused form shown again: the use case's refusal as field errors worded in the reader's language, beside
// the text that was posted. Use cases give catalog keys (`directory.errors.…`) or messages already worded (zod's
// own); only keys are translated, so a worded message is shown as it is. An error without fields becomes one
// form-wide error under `_`.
import { AppError, type FieldErrors } from '../errors.js';
import type { T } from '../i18n/i18n.js';
import { isCatalogKey } from './validation.js';

/** The error's fields (or its message as the form-wide `_` error), each message in the reader's language. */
export function wordedFields(t: T, err: AppError): FieldErrors {
  const fields = err.fields ?? { _: [err.messageKey] };
  return Object.fromEntries(
    Object.entries(fields).map(([k, list]) => [k, list.map((m) => (isCatalogKey(m) ? t(m) : m))]),
  );
}

/** A use case's validation error as field errors in the reader's language; anything else is thrown on. */
export function fieldErrorsOf(req: { t: T }, err: unknown): FieldErrors {
  if (err instanceof AppError && err.code === 'validation') return wordedFields(req.t, err);
  throw err;
}

/** The posted text fields (any other value left out), to show again beside the errors. */
export function postedValues(body: unknown): Record<string, string> {
  const b = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(b).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
