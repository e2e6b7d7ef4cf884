// The finder replaces a follow-up link that may have leaked: the old one stops working at once, the new one is
// shown once. When the finder gave an address, the new link is mailed too — so that if someone else holding the
// old link replaced it, the finder still gets back in.

import { audit } from '../../platform/audit.js';
import type { LinkActor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { canActAsFinder } from './finder-access.js';
import { REPORT_EVENTS } from './report-events.js';
import { openIdentity } from './report-sealing.js';
import { followUpUrl } from './submit-report.js';

export async function rotateFollowUpLink(
  ctx: AppContext,
  actor: LinkActor,
  input: { currentToken: string; ip?: string | null },
): Promise<{ token: string; trackingNumber: string }> {
  if (!canActAsFinder(actor, { id: actor.subjectId, finder_user_id: null })) throw notFound();
  const token = randomToken();
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    // only the link presented may be replaced: of two concurrent replacements, the second finds nothing
    const report = await trx
      .updateTable('reports')
      .set({ follow_up_token_hash: sha256Hex(token) })
      .where('id', '=', actor.subjectId)
      .where('follow_up_token_hash', '=', sha256Hex(input.currentToken))
      .where('follow_up_revoked_at', 'is', null)
      .returning(['id', 'tracking_number', 'locale', 'finder_identity_enc'])
      .executeTakeFirst();
    if (!report) throw notFound();
    await appendEvent(trx, {
      streamType: 'report',
      streamId: report.id,
      type: REPORT_EVENTS.linkRotated,
      actorUserId: null,
      at: now,
    });
    await audit(trx, {
      actor,
      action: REPORT_EVENTS.linkRotated,
      subject: { type: 'report', id: report.id },
      ip: input.ip ?? null,
    });
    const { email } = openIdentity(ctx.secrets, report.id, report.finder_identity_enc);
    if (email) {
      await enqueueMail(trx, ctx.jobs, {
        to: email,
        locale: report.locale,
        template: 'intake.mail.linkRotated',
        vars: {
          trackingNumber: report.tracking_number,
          followUpUrl: followUpUrl(ctx.config.publicUrl, token),
        },
        related: { type: 'report', id: report.id },
        restrictedTo: 'reception_body',
      });
    }
    return { token, trackingNumber: report.tracking_number };
  });
}
