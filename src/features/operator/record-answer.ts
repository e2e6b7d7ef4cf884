// What every short operator answer writes once answerCase has locked the open case: its row in
// website_operator_responses, the website case's dates (any answer says the notice arrived, so it is acknowledged
// too), its event, the mail to the reception staff and the audit line — all in the answer's transaction.
import type { Updateable } from 'kysely';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type {
  InvestigationFinding,
  WebsiteCasesTable,
  WebsiteOperatorResponsesTable,
} from '../../platform/db/schema/website.js';
import { appendEvent } from '../../platform/events.js';
import type { T } from '../../platform/i18n/i18n.js';
import type { LockedCase } from './answer-case.js';
import type { OPERATOR_EVENTS } from './events.js';
import { mailReception } from './mail.js';
import { answeredBy } from './operator-access.js';

export interface Answer {
  kind: Exclude<WebsiteOperatorResponsesTable['kind'], 'message'>;
  finding?: InvestigationFinding;
  body?: string;
  /** what the answer sets on the website case besides the acknowledgement and updated_at */
  set?: (now: Date) => Updateable<WebsiteCasesTable>;
  event: (typeof OPERATOR_EVENTS)[keyof typeof OPERATOR_EVENTS];
  mail: Parameters<typeof mailReception>[3];
  mailVars?: (t: T) => Record<string, string>;
  /** not secret: kept in the event (with how the operator answered) and in the audit line */
  detail?: Record<string, string>;
}

export async function recordAnswer(
  trx: Database,
  ctx: AppContext,
  actor: Actor,
  c: LockedCase,
  answer: Answer,
  ip: string | null | undefined,
): Promise<void> {
  const now = ctx.clock.now();
  const who = answeredBy(actor);
  await trx
    .insertInto('website_operator_responses')
    .values({
      case_id: c.caseId,
      kind: answer.kind,
      finding: answer.finding ?? null,
      body: answer.body ?? null,
      via: who.via,
      user_id: who.userId,
      at: now,
    })
    .execute();
  await trx
    .updateTable('website_cases')
    .set({ ...answer.set?.(now), acknowledged_at: c.w.acknowledged_at ?? now, updated_at: now })
    .where('case_id', '=', c.caseId)
    .execute();
  await appendEvent(trx, {
    streamType: 'case',
    streamId: c.caseId,
    type: answer.event,
    actorUserId: who.userId,
    at: now,
    data: { via: who.via, ...answer.detail },
  });
  await mailReception(trx, ctx, c, answer.mail, who.via, answer.mailVars);
  await audit(trx, {
    actor,
    action: answer.event,
    subject: { type: 'case', id: c.caseId },
    ip: ip ?? null,
    ...(answer.detail ? { detail: answer.detail } : {}),
  });
}
