// 配信登録の申込み: anyone asks for advisories by mail; a confirmation mail with a secret link completes it
// (double opt-in). The caller always gets the same answer — new address, unconfirmed, already subscribed — so the
// form cannot tell who subscribes. An unconfirmed request asked again gets its link again (at most a few times a
// day, so the form cannot flood someone's mailbox); a confirmed address gets nothing more.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { Locale } from '../../platform/db/schema.js';
import { AppError, forbidden } from '../../platform/errors.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { type SubscriptionInput, subscriptionErrors, subscriptionForm } from './subscription-form.js';
import {
  CONFIRM_VALID_DAYS,
  confirmPath,
  subscriptionToken,
  subscriptionTokenHash,
} from './subscription-token.js';

export const CONFIRM_TEMPLATE = 'publication.mail.confirm';
/** confirmation mails per subscription and day, at most */
const MAX_CONFIRMATIONS_PER_DAY = 3;

async function mailConfirmation(
  trx: Database,
  ctx: AppContext,
  s: { id: string; email: string; locale: Locale },
): Promise<boolean> {
  const recent = await trx
    .selectFrom('mail_messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('related_type', '=', 'advisory_subscription')
    .where('related_id', '=', s.id)
    .where('template', '=', CONFIRM_TEMPLATE)
    .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= MAX_CONFIRMATIONS_PER_DAY) return false;
  await enqueueMail(trx, ctx.jobs, {
    to: s.email,
    locale: s.locale,
    template: CONFIRM_TEMPLATE,
    vars: {
      url: `${ctx.config.publicUrl}${confirmPath(subscriptionToken(ctx.secrets, s.id))}`,
      days: CONFIRM_VALID_DAYS,
    },
    related: { type: 'advisory_subscription', id: s.id },
  });
  return true;
}

export async function requestSubscription(
  ctx: AppContext,
  actor: Actor,
  input: SubscriptionInput,
  meta: { ip?: string | null } = {},
): Promise<void> {
  if (!can(actor, 'publication.subscribe')) throw forbidden();
  const parsed = subscriptionForm.safeParse(input);
  if (!parsed.success)
    throw new AppError('validation', 'errors.validation', subscriptionErrors(parsed.error));
  const { email, locale } = parsed.data;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('advisory_subscriptions')
      .select(['id', 'confirmed_at'])
      .where(sql`lower(email)`, '=', email)
      .where('unsubscribed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    let id: string;
    if (existing) {
      id = existing.id;
      if (existing.confirmed_at) {
        await audit(trx, {
          actor,
          action: 'advisory-subscription.requested',
          subject: { type: 'advisory_subscription', id },
          ip: meta.ip ?? null,
          detail: { sent: false, reason: 'already_confirmed' },
        });
        return;
      }
      // asking again restarts the confirmation link's validity
      await trx
        .updateTable('advisory_subscriptions')
        .set({ locale, created_at: now })
        .where('id', '=', id)
        .execute();
    } else {
      id = randomUUID();
      const inserted = await trx
        .insertInto('advisory_subscriptions')
        .values({
          id,
          email,
          locale,
          token_hash: subscriptionTokenHash(subscriptionToken(ctx.secrets, id)),
          created_at: now,
        })
        // the same address asked for at the same moment by another request: that one mails
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return;
    }
    const sent = await mailConfirmation(trx, ctx, { id, email, locale });
    await audit(trx, {
      actor,
      action: 'advisory-subscription.requested',
      subject: { type: 'advisory_subscription', id },
      ip: meta.ip ?? null,
      detail: sent ? { sent } : { sent, reason: 'throttled' },
    });
  });
}
