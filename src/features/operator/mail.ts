// The reception body hears of every answer by mail: its staff who have worked the case (or, before anyone has,
// all of its staff), each in their own language, the handling number at the start of the subject. The mail says
// what kind of answer came and where to read it — never the operator's text, which may describe the flaw.
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { ResponseVia } from '../../platform/db/schema/website.js';
import { type T, translator } from '../../platform/i18n/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { caseStaffOf } from '../accounts/staff-recipients.js';
import { websiteCasePath } from '../website/views/paths.js';
import { subjectPrefix } from '../website/website-rules.js';

export async function mailReception(
  trx: Database,
  ctx: AppContext,
  c: { caseId: string; reference: string },
  template: 'acknowledged' | 'investigation' | 'notVulnerability' | 'completion' | 'leakPublished',
  via: ResponseVia,
  vars: (t: T) => Record<string, string> = () => ({}),
): Promise<number> {
  const staff = await caseStaffOf(trx, c.caseId, 'reception_body');
  for (const s of staff) {
    const t = translator(s.locale);
    await enqueueMail(trx, ctx.jobs, {
      to: s.email,
      locale: s.locale,
      template: `operator.mail.${template}`,
      vars: {
        prefix: subjectPrefix(ctx.config.websiteNotice.subjectPrefix, c.reference),
        reference: c.reference,
        link: `${ctx.config.publicUrl}${websiteCasePath(c.reference)}`,
        via: t(`operator.case.answers.via.${via}`),
        ...vars(t),
      },
      related: { type: 'case', id: c.caseId },
    });
  }
  return staff.length;
}
