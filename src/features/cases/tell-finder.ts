// Telling the finder of a case something by mail (発見者への連絡), from any feature, in the caller's transaction.
// The one place another feature's use case reaches the finder: the address is read through report-brief with the
// reception body's eyes (only the reception body ever holds it), and the mail is queued restricted to the reception
// body in the outbox, in the language the finder wrote in. Callers never see the address.
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { Locale } from '../../platform/db/schema.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { reportBrief } from './report-brief.js';

type Vars = Record<string, string | number>;

export type TellFinder = {
  caseId: string;
  /** a full catalog key prefix, e.g. `coordination.mail.endedFinder.not_vulnerability` */
  template: string;
  /** values for the template; a function when they depend on the finder's language. `trackingNumber` is added */
  vars?: Vars | ((locale: Locale) => Vars);
  /** what the outbox row is filed under: the case (default) or its report */
  relatedTo?: 'case' | 'report';
};

/**
 * In-transaction: queues the mail to the finder of the case's report. False (nothing queued) when the case has no
 * report (an overseas CSIRT's case) or the finder left no address.
 */
export async function tellFinderOfCase(
  trx: Database,
  ctx: Pick<AppContext, 'secrets' | 'jobs'>,
  input: TellFinder,
): Promise<boolean> {
  const c = await trx
    .selectFrom('cases')
    .select(['id', 'report_id'])
    .where('id', '=', input.caseId)
    .executeTakeFirst();
  if (!c?.report_id) return false;
  const brief = await reportBrief(trx, ctx, 'reception', c.report_id);
  const email = brief?.finder.disclosed ? brief.finder.email : null;
  if (!brief || !email) return false;
  const vars = typeof input.vars === 'function' ? input.vars(brief.locale) : (input.vars ?? {});
  await enqueueMail(trx, ctx.jobs, {
    to: email,
    locale: brief.locale,
    template: input.template,
    vars: { trackingNumber: brief.trackingNumber, ...vars },
    related:
      input.relatedTo === 'report' ? { type: 'report', id: brief.reportId } : { type: 'case', id: c.id },
    restrictedTo: 'reception_body',
  });
  return true;
}
