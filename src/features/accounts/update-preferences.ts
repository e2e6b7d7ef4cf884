// Language and time zone of one's own account: every page and mail to them follows these.
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { isAcceptedTimeZone } from './time-zones.js';

export const updatePreferencesInput = z.object({ locale: z.enum(['ja', 'en']), timeZone: z.string() });

export async function updatePreferences(
  ctx: AppContext,
  actor: Actor,
  raw: z.input<typeof updatePreferencesInput> & { ip?: string | null },
): Promise<void> {
  authorize(actor, 'account.update', { userId: actor.kind === 'user' ? actor.userId : null });
  const input = updatePreferencesInput.parse(raw);
  if (!isAcceptedTimeZone(input.timeZone)) {
    throw new AppError('validation', 'errors.validation', { timeZone: ['accounts.validation.timeZone'] });
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ locale: input.locale, time_zone: input.timeZone })
      .where('id', '=', actor.userId)
      .execute();
    await appendEvent(trx, {
      streamType: 'user',
      streamId: actor.userId,
      type: 'user.preferences_updated',
      actorUserId: actor.userId,
      data: { locale: input.locale, timeZone: input.timeZone },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'account.preferences_updated',
      subject: { type: 'user', id: actor.userId },
      ip: raw.ip ?? null,
      detail: { locale: input.locale, timeZone: input.timeZone },
    });
  });
}
