// Who hears of a publication (公表の通知), in the publish step's transaction: the finder (through the one place
// that mails a finder), every live party developer of the case (its contact window, in its language, encrypted
// to its OpenPGP key), the confirmed subscribers (each with their own unsubscribe link) and the case's
// coordination and reception staff. Each audience is claimed once per advisory revision by a row in
// advisory_publication_notices, so a retried job or a second worker never mails twice. The subscribers are not
// mailed here: the claim enqueues one fan-out job in this transaction (notify-subscribers.ts mails them in
// batches, each at most once), so thousands of subscribers do not hold the publish transaction.
import { type AdvisoryDocument, advisorySlug, type Bilingual } from '../../domain/advisory-document.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { AdvisoryPublicationNoticesTable } from '../../platform/db/schema/advisories.js';
import type { Locale } from '../../platform/db/schema.js';
import { checkMailKey } from '../../platform/mail/encrypt.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { caseStaffOf } from '../accounts/staff-recipients.js';
import { tellFinderOfCase } from '../cases/tell-finder.js';
import { partiesOf } from '../coordination/queries.js';
import { getContactWindow } from '../directory/contact-window.js';
import { NOTIFY_SUBSCRIBERS_JOB } from './job-names.js';

type Audience = AdvisoryPublicationNoticesTable['audience'];

export type Publication = {
  advisoryId: string;
  caseId: string;
  reference: string;
  doc: AdvisoryDocument;
  at: Date;
};

export type NoticeCounts = Record<Audience, number>;

export const advisoryPath = (publicId: string) => `/advisories/${advisorySlug(publicId)}`;
export const advisoryUrl = (ctx: Pick<AppContext, 'config'>, publicId: string) =>
  `${ctx.config.publicUrl}${advisoryPath(publicId)}`;

/** The title in the reader's language; Japanese when there is no English. */
export const inLocale = (b: Bilingual, locale: Locale) => (locale === 'en' && b.en.trim() ? b.en : b.ja);

/** True when this transaction is the one to notify the audience of this revision. */
async function claim(trx: Database, p: Publication, audience: Audience): Promise<boolean> {
  const r = await trx
    .insertInto('advisory_publication_notices')
    .values({ advisory_id: p.advisoryId, revision: p.doc.revision, audience, sent_at: p.at })
    .onConflict((oc) => oc.doNothing())
    .returning('audience')
    .executeTakeFirst();
  return r !== undefined;
}

export const template = (p: Pick<Publication, 'doc'>, who: string) =>
  `publication.mail.${p.doc.revision > 1 ? 'updated' : 'published'}.${who}`;

export function vars(ctx: Pick<AppContext, 'config'>, p: Pick<Publication, 'doc'>, locale: Locale) {
  return {
    advisoryId: p.doc.id,
    title: inLocale(p.doc.title, locale),
    url: advisoryUrl(ctx, p.doc.id),
    revision: p.doc.revision,
  };
}

async function notifyFinder(trx: Database, ctx: AppContext, p: Publication): Promise<number> {
  const told = await tellFinderOfCase(trx, ctx, {
    caseId: p.caseId,
    template: template(p, 'finder'),
    vars: (locale) => vars(ctx, p, locale),
  });
  return told ? 1 : 0;
}

async function notifyDevelopers(trx: Database, ctx: AppContext, p: Publication): Promise<number> {
  let mails = 0;
  for (const party of await partiesOf(trx, p.caseId)) {
    const w = await getContactWindow(trx, party.organizationId);
    if (!w || w.emails.length === 0) continue;
    if (w.pgpPublicKey) {
      const key = await checkMailKey(w.pgpPublicKey);
      if (!key.ok) {
        // the advisory is public now; one developer's expired key must not hold back the others' mail
        ctx.log.warn(
          { caseId: p.caseId, partyId: party.id, problem: key.problem },
          "publication mail skipped: the party's OpenPGP key is unusable",
        );
        continue;
      }
    }
    for (const to of w.emails) {
      await enqueueMail(trx, ctx.jobs, {
        to,
        locale: w.locale,
        template: template(p, 'developer'),
        vars: {
          ...vars(ctx, p, w.locale),
          reference: p.reference,
          organization: w.locale === 'ja' ? w.nameJa : w.nameEn,
        },
        related: { type: 'case', id: p.caseId },
        encryptTo: w.pgpPublicKey,
      });
      mails++;
    }
  }
  return mails;
}

/** The subscribers' mail as one fan-out job, sent only if this transaction commits. */
async function notifySubscribers(trx: Database, ctx: AppContext, p: Publication): Promise<number> {
  await ctx.jobs.send(trx, NOTIFY_SUBSCRIBERS_JOB, { advisoryId: p.advisoryId, revision: p.doc.revision });
  return 0;
}

async function notifyStaff(trx: Database, ctx: AppContext, p: Publication): Promise<number> {
  const staff = [
    ...(await caseStaffOf(trx, p.caseId, 'coordination_body')),
    ...(await caseStaffOf(trx, p.caseId, 'reception_body')),
  ];
  const seen = new Set<string>();
  for (const s of staff) {
    if (seen.has(s.email.toLowerCase())) continue;
    seen.add(s.email.toLowerCase());
    await enqueueMail(trx, ctx.jobs, {
      to: s.email,
      locale: s.locale,
      template: template(p, 'staff'),
      vars: { ...vars(ctx, p, s.locale), reference: p.reference },
      related: { type: 'case', id: p.caseId },
    });
  }
  return seen.size;
}

/**
 * In-transaction: every audience not yet told of this revision is told now. Counts of mails queued (subscribers:
 * always 0 here — their mail is queued by the fan-out job).
 */
export async function notifyPublication(
  trx: Database,
  ctx: AppContext,
  p: Publication,
): Promise<NoticeCounts> {
  const out: NoticeCounts = { finder: 0, developers: 0, subscribers: 0, staff: 0 };
  if (await claim(trx, p, 'finder')) out.finder = await notifyFinder(trx, ctx, p);
  if (await claim(trx, p, 'developers')) out.developers = await notifyDevelopers(trx, ctx, p);
  if (await claim(trx, p, 'subscribers')) out.subscribers = await notifySubscribers(trx, ctx, p);
  if (await claim(trx, p, 'staff')) out.staff = await notifyStaff(trx, ctx, p);
  return out;
}
