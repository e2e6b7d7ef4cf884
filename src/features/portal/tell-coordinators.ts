// Everything a developer does in the portal is told to the coordinators of the case by mail (in each one's
// language), with a link to the workspace. The mail names the case and what happened, never the text itself:
// statements and messages describe an unpublished vulnerability and are read in the workspace.
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { Locale } from '../../platform/db/schema.js';
import { type T, translator } from '../../platform/i18n/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { coordinatorsOf, workspacePath } from '../coordination/mail.js';
import type { PartyRow } from '../coordination/queries.js';

export type PortalMail =
  | 'acknowledged'
  | 'statusChanged'
  | 'scheduleAcknowledged'
  | 'scheduleCounterProposed'
  | 'message'
  | 'suggestion';

/** Mails every coordinator of the case; `vars` get a translator in that coordinator's language. */
export async function tellCoordinators(
  trx: Database,
  ctx: AppContext,
  c: { id: string; reference: string },
  party: PartyRow,
  template: PortalMail,
  vars: (t: T, locale: Locale) => Record<string, string | number> = () => ({}),
): Promise<number> {
  const staff = await coordinatorsOf(trx, c.id);
  for (const s of staff) {
    await enqueueMail(trx, ctx.jobs, {
      to: s.email,
      locale: s.locale,
      template: `portal.mail.${template}`,
      vars: {
        reference: c.reference,
        developer: s.locale === 'ja' ? party.nameJa : party.nameEn,
        link: `${ctx.config.publicUrl}${workspacePath(c.reference)}`,
        ...vars(translator(s.locale), s.locale),
      },
      related: { type: 'case', id: c.id },
    });
  }
  return staff.length;
}
