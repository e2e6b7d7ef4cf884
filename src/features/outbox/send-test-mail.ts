// A test message to the administrator's own address, to check delivery (or that mail is kept without SMTP).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { enqueueMail } from '../../platform/mail/outbox.js';

export const TEST_MAIL_TEMPLATE = 'outbox.mail.test';

export async function sendTestMail(
  ctx: AppContext,
  actor: Actor,
  input: { ip: string | null },
): Promise<{ mailId: string }> {
  authorize(actor, 'mail.outbox.read');
  return ctx.db.transaction().execute(async (trx) => {
    const mailId = await enqueueMail(trx, ctx.jobs, {
      to: actor.email,
      locale: actor.locale,
      template: TEST_MAIL_TEMPLATE,
      vars: { email: actor.email },
    });
    await audit(trx, {
      actor,
      action: 'mail.test_queued',
      subject: { type: 'mail', id: mailId },
      ip: input.ip,
    });
    return { mailId };
  });
}
