// The subscribers' publication mail (購読者への通知), out of the publish transaction: that transaction claims the
// 'subscribers' notice row of the revision and enqueues one 'publication.notify-subscribers' job (transactional
// outbox: the job exists if and only if the publication committed). The job mails the confirmed subscribers in
// batches of SUBSCRIBER_BATCH, one transaction each, so 5,000 subscribers no longer hold the publish transaction
// (and the other due advisories) for half a minute.
//
// Each subscriber at most once per advisory revision: a batch claims its subscribers with rows in
// advisory_subscriber_notices (insert … on conflict do nothing returning) in the transaction that writes their
// mail. A crash mid-batch rolls back the batch's claims with its mail, so a retry sends that batch again and
// nothing of the committed ones; two runs at once meet on the primary key (the second waits for the first's
// commit, then finds those subscribers claimed and goes on with the rest).
//
// Who: subscriptions confirmed at or before the publication (the claim row's moment) and not ended when their
// batch runs — an address confirmed afterwards gets nothing for this advisory, one that unsubscribed in between
// gets nothing either.
import { sql } from 'kysely';
import { z } from 'zod';
import type { AdvisoryDocument } from '../../domain/advisory-document.js';
import type { AppContext } from '../../platform/context.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { template, vars } from './publication-notices.js';
import { subscriptionToken, unsubscribePath } from './subscription-token.js';

export const SUBSCRIBER_BATCH = 500;

export const subscriberFanOutInput = z.object({
  advisoryId: z.uuid(),
  revision: z.number().int().min(1),
});
export type SubscriberFanOut = z.infer<typeof subscriberFanOutInput>;

/** Seams for tests: a smaller batch, and the mail step (to crash half-way). */
export type FanOutOptions = { batchSize?: number; sendMail?: typeof enqueueMail };

/** Mails every subscriber of the revision not mailed yet. The number of mails this run queued. */
export async function notifySubscribersOfPublication(
  ctx: AppContext,
  input: SubscriberFanOut,
  opts: FanOutOptions = {},
): Promise<{ mailed: number }> {
  const { advisoryId, revision } = input;
  // the publication as it committed: the claim of the subscribers' notice and the public document of the revision
  const pub = await ctx.db
    .selectFrom('advisory_publication_notices as n')
    .innerJoin('advisories as a', 'a.id', 'n.advisory_id')
    .innerJoin('public_advisory_revisions as r', (j) =>
      j.onRef('r.advisory_id', '=', 'a.public_id').onRef('r.revision', '=', 'n.revision'),
    )
    // the current revision's document is kept once, in public_advisories (migration 0016)
    .innerJoin('public_advisories as p', 'p.id', 'r.advisory_id')
    .select(['n.sent_at', sql<unknown>`coalesce(r.document, p.document)`.as('document'), 'a.case_id'])
    .where('n.advisory_id', '=', advisoryId)
    .where('n.revision', '=', revision)
    .where('n.audience', '=', 'subscribers')
    .executeTakeFirst();
  if (!pub) {
    ctx.log.warn({ advisoryId, revision }, 'subscriber fan-out: no such publication, nothing sent');
    return { mailed: 0 };
  }
  const p = { doc: pub.document as unknown as AdvisoryDocument };
  const publishedAt = pub.sent_at;
  const batchSize = opts.batchSize ?? SUBSCRIBER_BATCH;
  const send = opts.sendMail ?? enqueueMail;
  let mailed = 0;
  for (;;) {
    const claimed = await ctx.db.transaction().execute(async (trx) => {
      const candidates = await trx
        .selectFrom('advisory_subscriptions as s')
        .select(['s.id', 's.email', 's.locale'])
        .where('s.confirmed_at', 'is not', null)
        .where('s.confirmed_at', '<=', publishedAt)
        .where('s.unsubscribed_at', 'is', null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('advisory_subscriber_notices as x')
                .select('x.subscription_id')
                .whereRef('x.subscription_id', '=', 's.id')
                .where('x.advisory_id', '=', advisoryId)
                .where('x.revision', '=', revision),
            ),
          ),
        )
        .orderBy('s.id')
        .limit(batchSize)
        .execute();
      if (candidates.length === 0) return null;
      const now = ctx.clock.now();
      // in id order, as every run does, so two runs wait on each other rather than deadlock
      const mine = new Set(
        (
          await trx
            .insertInto('advisory_subscriber_notices')
            .values(
              candidates.map((s) => ({
                advisory_id: advisoryId,
                revision,
                subscription_id: s.id,
                sent_at: now,
              })),
            )
            .onConflict((oc) => oc.doNothing())
            .returning('subscription_id')
            .execute()
        ).map((r) => r.subscription_id),
      );
      for (const s of candidates) {
        if (!mine.has(s.id)) continue; // another run has it
        await send(trx, ctx.jobs, {
          to: s.email,
          locale: s.locale,
          template: template(p, 'subscriber'),
          vars: {
            ...vars(ctx, p, s.locale),
            unsubscribeUrl: `${ctx.config.publicUrl}${unsubscribePath(subscriptionToken(ctx.secrets, s.id))}`,
          },
          related: { type: 'advisory_subscription', id: s.id },
        });
      }
      return mine.size;
    });
    if (claimed === null) break;
    mailed += claimed;
  }
  return { mailed };
}
