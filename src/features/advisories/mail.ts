// Who hears of an advisory by mail: the coordination staff of the case when a copy is submitted or reviewed, and
// the case's developers (every address of their contact window, in their language, encrypted to their OpenPGP key
// when they have one) when a copy is approved — "the pre-release copy is ready". The mails carry a link and the
// case reference only, never the advisory's text; subjects stay neutral (they are never encrypted).
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { checkMailKey } from '../../platform/mail/encrypt.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { caseStaffOf } from '../accounts/staff-recipients.js';
import { recordKeyUnusable } from '../coordination/mail.js';
import { partiesOf } from '../coordination/queries.js';
import { getContactWindow } from '../directory/contact-window.js';

export const advisoryPath = (reference: string) =>
  `/coordination/cases/${encodeURIComponent(reference)}/advisory`;
export const prereleasePath = (reference: string) =>
  `/portal/cases/${encodeURIComponent(reference)}/advisory`;

export type StaffTemplate = 'submitted' | 'approved' | 'changesRequested';

/** In-transaction: the case's coordination staff (those who worked on it; else all of them). */
export async function mailCaseStaff(
  trx: Database,
  ctx: AppContext,
  c: { id: string; reference: string },
  template: StaffTemplate,
): Promise<number> {
  const staff = await caseStaffOf(trx, c.id, 'coordination_body');
  for (const s of staff) {
    await enqueueMail(trx, ctx.jobs, {
      to: s.email,
      locale: s.locale,
      template: `advisories.mail.${template}`,
      vars: { reference: c.reference, link: `${ctx.config.publicUrl}${advisoryPath(c.reference)}` },
      related: { type: 'case', id: c.id },
    });
  }
  return staff.length;
}

/**
 * In-transaction: every notified, live party of the case is told its pre-release copy is ready. A party whose
 * key can no longer encrypt is skipped and recorded in the contact log (as coordination does), not blocking the rest.
 */
export async function mailPrereleaseReady(
  trx: Database,
  ctx: AppContext,
  c: { id: string; reference: string },
  at: Date,
): Promise<{ mails: number; keyUnusable: number }> {
  const out = { mails: 0, keyUnusable: 0 };
  const template = 'advisories.mail.prereleaseReady';
  for (const p of await partiesOf(trx, c.id)) {
    if (!p.notifiedAt) continue;
    const w = await getContactWindow(trx, p.organizationId);
    if (!w || w.emails.length === 0) continue;
    if (w.pgpPublicKey) {
      const key = await checkMailKey(w.pgpPublicKey);
      if (!key.ok) {
        await recordKeyUnusable(trx, ctx, { partyId: p.id, caseId: c.id }, template, key.problem, at);
        out.keyUnusable++;
        continue;
      }
    }
    for (const to of w.emails) {
      await enqueueMail(trx, ctx.jobs, {
        to,
        locale: w.locale,
        template,
        vars: {
          reference: c.reference,
          organization: w.locale === 'ja' ? w.nameJa : w.nameEn,
          link: `${ctx.config.publicUrl}${prereleasePath(c.reference)}`,
        },
        related: { type: 'case', id: c.id },
        encryptTo: w.pgpPublicKey,
      });
      out.mails++;
    }
  }
  return out;
}
