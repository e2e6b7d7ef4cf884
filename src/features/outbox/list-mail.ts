// The administrators' view of outgoing mail: newest first, filtered by status and recipient, 50 a page.
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { toPage } from '../../platform/db/keyset.js';
import { likeContains } from '../../platform/db/like.js';
import { blankToUndefined, text } from '../../platform/http/validation.js';

export const MAIL_STATUSES = ['queued', 'sent', 'kept', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
export const PAGE_SIZE = 50;

export const mailFilter = z.object({
  status: z.preprocess(blankToUndefined, z.enum(MAIL_STATUSES).optional()),
  to: z.preprocess(blankToUndefined, text(254).optional()),
  /** keyset cursors: the id of the last row of the page before (older) or the first of the page after (newer) */
  before: z.preprocess(blankToUndefined, z.uuid().optional()),
  after: z.preprocess(blankToUndefined, z.uuid().optional()),
});
export type MailFilter = z.output<typeof mailFilter>;

export type MailListItem = {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
};

export type MailList = {
  items: MailListItem[];
  /** cursor for older mail, or null on the last page */
  olderCursor: string | null;
  /** cursor for newer mail, or null on the first page */
  newerCursor: string | null;
  smtpConfigured: boolean;
};

/**
 * Mail that reveals a finder (`restricted_to = 'reception_body'`) is for the reception body's administrators
 * only: to anyone else it does not exist, in the list or by its id.
 */
export function restrictionsVisibleTo(actor: Actor): 'reception_body'[] {
  if (actor.kind === 'system') return ['reception_body'];
  return actor.kind === 'user' && actor.organizationType === 'reception_body' ? ['reception_body'] : [];
}

export async function listMail(ctx: AppContext, actor: Actor, filter: MailFilter): Promise<MailList> {
  authorize(actor, 'mail.outbox.read');
  const newerFirst = !filter.after;
  const cursor = filter.after ?? filter.before;
  let q = ctx.db
    .selectFrom('mail_messages as m')
    .select([
      'm.id',
      'm.to_address',
      'm.subject',
      'm.template',
      'm.status',
      'm.attempts',
      'm.last_error',
      'm.created_at',
    ]);
  const visible = restrictionsVisibleTo(actor);
  q = q.where((eb) =>
    visible.length
      ? eb.or([eb('m.restricted_to', 'is', null), eb('m.restricted_to', 'in', visible)])
      : eb('m.restricted_to', 'is', null),
  );
  if (filter.status) q = q.where('m.status', '=', filter.status);
  if (filter.to) q = q.where('m.to_address', 'ilike', likeContains(filter.to));
  if (cursor) {
    // compare in the database: created_at has microseconds, which a JavaScript Date would lose
    const at = ctx.db.selectFrom('mail_messages').where('id', '=', cursor);
    q = q.where((eb) =>
      eb(
        eb.refTuple('m.created_at', 'm.id'),
        newerFirst ? '<' : '>',
        eb.tuple(at.select('created_at'), at.select('id')),
      ),
    );
  }
  const rows = await q
    .orderBy('m.created_at', newerFirst ? 'desc' : 'asc')
    .orderBy('m.id', newerFirst ? 'desc' : 'asc')
    .limit(PAGE_SIZE + 1)
    .execute();
  // newest first; `after` reads back towards the newest, so "next" is older mail and "previous" newer
  const page = toPage(rows, {
    limit: PAGE_SIZE,
    backwards: !newerFirst,
    hadCursor: !!cursor,
    key: (r) => r.id,
  });
  return {
    items: page.items.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      template: r.template,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
    })),
    olderCursor: page.nextCursor,
    newerCursor: page.prevCursor,
    smtpConfigured: !!ctx.config.mail.smtpUrl,
  };
}
