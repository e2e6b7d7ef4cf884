// Telling the finder (受付機関基準: inform the finder at each step): a message sealed into the report's thread,
// and a mail when the finder gave an address — restricted to the reception body in the outbox, since the
// address itself identifies the finder. Templates are in the finder's language (the report's locale).
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { Locale, ReportTrack } from '../../platform/db/schema.js';
import { translator } from '../../platform/i18n/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { openIdentity, sealMessage } from '../intake/report-sealing.js';
import type { DiscontinueReason } from '../intake/report-states.js';

export type FinderDecision =
  | 'accept'
  | 'not_accept'
  | 'request_info'
  | 'discontinue'
  | 'reclassify'
  | 'mark_duplicate';

export const DECISION_MAIL = 'screening.mail.decision';
export const MESSAGE_MAIL = 'screening.mail.message';

/** The template a decision's message starts from, in the finder's language, ready to be edited. */
export function decisionTemplate(
  decision: FinderDecision,
  r: { locale: Locale; trackingNumber: string; track: ReportTrack },
): string {
  const t = translator(r.locale);
  const other: ReportTrack = r.track === 'software' ? 'website' : 'software';
  const key =
    decision === 'accept'
      ? `screening.finder.templates.accept.${r.track}`
      : `screening.finder.templates.${decision}`;
  return t(key, { trackingNumber: r.trackingNumber, track: t(`cases.tracks.${other}`) });
}

/** What a decision adds below the edited message: the reason or the question, under a heading. */
export type DecisionDetail =
  | { kind: 'reason'; text: string }
  | { kind: 'question'; text: string }
  | { kind: 'discontinueReason'; reason: DiscontinueReason };

export function composeFinderMessage(locale: Locale, message: string, detail?: DecisionDetail): string {
  const body = message.trim();
  if (!detail) return body;
  const t = translator(locale);
  const heading = t(`screening.finder.details.${detail.kind === 'question' ? 'question' : 'reason'}`);
  const text =
    detail.kind === 'discontinueReason'
      ? t(`screening.discontinueReasons.${detail.reason}`)
      : detail.text.trim();
  return `${body}\n\n${heading}\n${text}`;
}

type ReportForNotice = {
  id: string;
  tracking_number: string;
  locale: Locale;
  finder_identity_enc: string;
};

async function writeMessage(
  trx: Database,
  ctx: AppContext,
  r: ReportForNotice,
  authorUserId: string,
  text: string,
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('report_messages')
    .values({
      id,
      report_id: r.id,
      direction: 'to_finder',
      author_user_id: authorUserId,
      body_enc: sealMessage(ctx.secrets, id, text),
      created_at: ctx.clock.now(),
    })
    .execute();
  return id;
}

/** The finder's mail address, if they gave one (opened only to send them mail). */
function finderEmail(ctx: AppContext, r: ReportForNotice): string | null {
  return openIdentity(ctx.secrets, r.id, r.finder_identity_enc).email ?? null;
}

/**
 * A message stored in the thread and, when the finder gave an address, a mail about it (restricted to the
 * reception body: the address identifies the finder).
 */
async function notice(
  trx: Database,
  ctx: AppContext,
  r: ReportForNotice,
  authorUserId: string,
  text: string,
  mail: { template: string; vars: Record<string, string> },
): Promise<{ messageId: string; mailed: boolean }> {
  const messageId = await writeMessage(trx, ctx, r, authorUserId, text);
  const to = finderEmail(ctx, r);
  if (to) {
    await enqueueMail(trx, ctx.jobs, {
      to,
      locale: r.locale,
      template: mail.template,
      vars: { trackingNumber: r.tracking_number, ...mail.vars },
      related: { type: 'report', id: r.id },
      restrictedTo: 'reception_body',
    });
  }
  return { messageId, mailed: to !== null };
}

/** A decision's message: stored in the thread and mailed in full (the templates carry no vulnerability detail). */
export function noticeDecision(
  trx: Database,
  ctx: AppContext,
  r: ReportForNotice,
  authorUserId: string,
  text: string,
): Promise<{ messageId: string; mailed: boolean }> {
  return notice(trx, ctx, r, authorUserId, text, { template: DECISION_MAIL, vars: { message: text } });
}

/** A free message: stored in the thread; the mail only says that one is waiting. */
export function noticeMessage(
  trx: Database,
  ctx: AppContext,
  r: ReportForNotice,
  authorUserId: string,
  text: string,
): Promise<{ messageId: string; mailed: boolean }> {
  return notice(trx, ctx, r, authorUserId, text, { template: MESSAGE_MAIL, vars: {} });
}
