// Who may enrol in TOTP: someone part-way through login who has no second factor yet (staff must enrol),
// or a signed-in user turning it on for their own account.
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, can } from '../../platform/auth/policy.js';

export function authorizeEnrolment(actor: Actor): { userId: string; email: string; pending: boolean } {
  if (actor.kind === 'mfa_pending' && !actor.enrolled && can(actor, 'mfa.complete')) {
    return { userId: actor.userId, email: actor.email, pending: true };
  }
  authorize(actor, 'mfa.manage', { userId: actor.kind === 'user' ? actor.userId : null });
  return { userId: actor.userId, email: actor.email, pending: false };
}
