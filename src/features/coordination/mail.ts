// Who is told what by mail: a party (every address of its contact window, in its language, encrypted to its
// OpenPGP key when it has one), the coordinators of a case, and the reception body's staff. Templates are
// `coordination.mail.<name>` entries; a template sent encrypted keeps its subject free of details (reference only).
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { Locale } from '../../platform/db/schema.js';
import { checkMailKey, type MailKeyProblem } from '../../platform/mail/encrypt.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { caseStaffOf, type StaffRecipient, staffOf } from '../accounts/staff-recipients.js';
import { getContactWindow } from '../directory/contact-window.js';
import { partiesOf } from './queries.js';

type Vars = Record<string, string | number>;

export const portalCasePath = (reference: string) => `/portal/cases/${encodeURIComponent(reference)}`;
export const workspacePath = (reference: string) => `/coordination/cases/${encodeURIComponent(reference)}`;

/** What mailing one party did: mails queued, or nothing because its OpenPGP key can no longer encrypt. */
export type PartyMail = { mails: number; keyProblem: MailKeyProblem | null };

/**
 * Mails a party's contact window (0 mails when it has no address). Its OpenPGP key is checked first: a key that
 * expired or was revoked since it was registered queues nothing and answers `keyProblem`, so the caller's
 * transaction goes on and the caller decides (see mailPartyOrRecord).
 */
export async function mailParty(
  trx: Database,
  ctx: AppContext,
  p: { organizationId: string; caseId: string; reference: string },
  template: string,
  vars: (locale: Locale) => Vars = () => ({}),
): Promise<PartyMail> {
  const w = await getContactWindow(trx, p.organizationId);
  if (!w || w.emails.length === 0) return { mails: 0, keyProblem: null };
  if (w.pgpPublicKey) {
    const key = await checkMailKey(w.pgpPublicKey);
    if (!key.ok) return { mails: 0, keyProblem: key.problem };
  }
  const base = {
    reference: p.reference,
    link: `${ctx.config.publicUrl}${portalCasePath(p.reference)}`,
    organization: w.locale === 'ja' ? w.nameJa : w.nameEn,
  };
  for (const to of w.emails) {
    await enqueueMail(trx, ctx.jobs, {
      to,
      locale: w.locale,
      template: `coordination.mail.${template}`,
      vars: { ...base, ...vars(w.locale) },
      related: { type: 'case', id: p.caseId },
      encryptTo: w.pgpPublicKey,
    });
  }
  return { mails: w.emails.length, keyProblem: null };
}

/** The note of the contact attempt recorded when a party's key could not be used. */
export const keyUnusableNote = (template: string) => `key unusable: ${template}`;

/**
 * In-transaction: a failed automatic mail attempt to a party whose key is unusable, and a warning in the log
 * (ids and the problem only, never an address), so one developer's expired key neither blocks the others nor goes
 * unnoticed: the coordinator sees it in the contact log.
 */
export async function recordKeyUnusable(
  trx: Database,
  ctx: AppContext,
  p: { partyId: string; caseId: string },
  template: string,
  problem: MailKeyProblem,
  at: Date,
): Promise<void> {
  ctx.log.warn(
    { caseId: p.caseId, partyId: p.partyId, template, problem },
    "coordination mail skipped: the party's OpenPGP key is unusable",
  );
  await trx
    .insertInto('coordination_contact_attempts')
    .values({
      case_id: p.caseId,
      party_id: p.partyId,
      at,
      channel: 'mail',
      automatic: true,
      outcome: 'other',
      note: keyUnusableNote(template),
      recorded_by: null,
    })
    .execute();
}

/** mailParty that records (recordKeyUnusable) and goes on when the party's key is unusable. */
export async function mailPartyOrRecord(
  trx: Database,
  ctx: AppContext,
  p: { partyId: string; organizationId: string; caseId: string; reference: string },
  template: string,
  vars: (locale: Locale) => Vars,
  at: Date,
): Promise<{ mails: number; keyUnusable: boolean }> {
  const r = await mailParty(trx, ctx, p, template, vars);
  if (r.keyProblem) await recordKeyUnusable(trx, ctx, p, template, r.keyProblem, at);
  return { mails: r.mails, keyUnusable: r.keyProblem !== null };
}

/** What mailing several parties did: mails queued, and how many parties were skipped for an unusable key. */
export type PartiesMail = { mails: number; keyUnusable: number };

/**
 * In-transaction: mails every notified party of the case with the same template. A party whose key is unusable is
 * skipped and recorded (mailPartyOrRecord); with `logAttempts` every other mail is logged as an automatic contact
 * attempt too (the sweep's notices).
 */
export async function mailNotifiedParties(
  trx: Database,
  ctx: AppContext,
  c: { id: string; reference: string },
  template: string,
  vars: (locale: Locale) => Vars,
  opts: { at: Date; logAttempts?: boolean },
): Promise<PartiesMail> {
  const out: PartiesMail = { mails: 0, keyUnusable: 0 };
  for (const p of await partiesOf(trx, c.id)) {
    if (!p.notifiedAt) continue;
    const r = await mailPartyOrRecord(
      trx,
      ctx,
      { partyId: p.id, organizationId: p.organizationId, caseId: c.id, reference: c.reference },
      template,
      vars,
      opts.at,
    );
    out.mails += r.mails;
    if (r.keyUnusable) {
      out.keyUnusable++;
      continue;
    }
    if (opts.logAttempts) {
      await trx
        .insertInto('coordination_contact_attempts')
        .values({
          case_id: c.id,
          party_id: p.id,
          at: opts.at,
          channel: 'mail',
          automatic: true,
          outcome: r.mails > 0 ? 'sent' : 'other',
          note: template,
          recorded_by: null,
        })
        .execute();
    }
  }
  return out;
}

type Staff = StaffRecipient;

/**
 * The coordinators of a case: the coordination body's staff who have acted on it; before anyone has, all of the
 * coordination body's staff.
 */
export const coordinatorsOf = (db: Database, caseId: string): Promise<Staff[]> =>
  caseStaffOf(db, caseId, 'coordination_body');

async function mailStaff(
  trx: Database,
  ctx: AppContext,
  staff: Staff[],
  caseId: string,
  template: string,
  vars: Vars,
  path: string,
) {
  for (const s of staff) {
    await enqueueMail(trx, ctx.jobs, {
      to: s.email,
      locale: s.locale,
      template: `coordination.mail.${template}`,
      vars: { ...vars, link: `${ctx.config.publicUrl}${path}` },
      related: { type: 'case', id: caseId },
    });
  }
  return staff.length;
}

export async function mailCoordinators(
  trx: Database,
  ctx: AppContext,
  c: { caseId: string; reference: string },
  template: string,
  vars: Vars = {},
) {
  const staff = await coordinatorsOf(trx, c.caseId);
  return mailStaff(
    trx,
    ctx,
    staff,
    c.caseId,
    template,
    { reference: c.reference, ...vars },
    workspacePath(c.reference),
  );
}

export async function mailReceptionStaff(
  trx: Database,
  ctx: AppContext,
  c: { caseId: string; reference: string },
  template: string,
  vars: Vars = {},
) {
  const staff = await staffOf(trx, 'reception_body');
  return mailStaff(
    trx,
    ctx,
    staff,
    c.caseId,
    template,
    { reference: c.reference, ...vars },
    `/cases/${encodeURIComponent(c.reference)}`,
  );
}
