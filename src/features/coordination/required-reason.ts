// A reason the coordinator must give (removing a developer, withdrawing a vulnerability): one line or several, up
// to 2,000 characters, not blank; otherwise a field error on `reason`.
import { AppError } from '../../platform/errors.js';
import { text } from '../../platform/http/validation.js';

const reasonSchema = text(2000).pipe(text(2000).min(1));

export function requiredReason(raw: unknown): string {
  const reason = reasonSchema.safeParse(typeof raw === 'string' ? raw : '');
  if (!reason.success) {
    throw new AppError('validation', 'errors.validation', { reason: ['coordination.errors.reasonRequired'] });
  }
  return reason.data;
}
