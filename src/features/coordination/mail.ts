// Who is told what by mail: a party (every address of its contact window, in its language, encrypted to its
// OpenPGP key when it has one), the coordinators of a case, and the reception body's staff. Templates are
// `coordination.mail.<name>` entries; a template sent encrypted keeps its subject free of details (reference only).
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { Locale } from '../../platform/db/schema.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { getContactWindow } from '../directory/contact-window.js';

type Vars = Record<string, string | number>;

export const portalCasePath = (reference: string) => `/portal/cases/${encodeURIComponent(reference)}`;
export const workspacePath = (reference: string) => `/coordination/cases/${encodeURIComponent(reference)}`;

/** Mails a party's contact window; returns the number of mails queued (0 when it has no address). */
export async function mailParty(
  trx: Database,
  ctx: AppContext,
  p: { organizationId: string; caseId: string; reference: string },
  template: string,
  vars: (locale: Locale) => Vars = () => ({}),
): Promise<number> {
  const w = await getContactWindow(trx, p.organizationId);
  if (!w || w.emails.length === 0) return 0;
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
  return w.emails.length;
}

type Staff = { email: string; locale: Locale };

/** Active staff (handler, lead, admin) of the organizations of one type. */
async function staffOf(db: Database, type: 'reception_body' | 'coordination_body'): Promise<Staff[]> {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.email', 'u.locale'])
    .where('o.type', '=', type)
    .where('o.disabled_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .where('u.role', 'in', ['handler', 'lead', 'admin'])
    .orderBy('u.email')
    .execute();
}

/**
 * The coordinators of a case: the coordination body's staff who have acted on it; before anyone has, all of the
 * coordination body's staff.
 */
export async function coordinatorsOf(db: Database, caseId: string): Promise<Staff[]> {
  const worked = await db
    .selectFrom('events as e')
    .innerJoin('users as u', 'u.id', 'e.actor_user_id')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.email', 'u.locale'])
    .distinct()
    .where('e.stream_type', '=', 'case')
    .where('e.stream_id', '=', caseId)
    .where('o.type', '=', 'coordination_body')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.email')
    .execute();
  return worked.length ? worked : staffOf(db, 'coordination_body');
}

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
