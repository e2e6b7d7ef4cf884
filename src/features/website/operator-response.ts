// What the operator answers (受領・調査結果・脆弱性ではない・メッセージ), however it arrives: through its account or
// the case's secret link (the operator feature), or by mail, typed in by reception staff (recordOperatorResponse).
// `applyOperatorResponse` is the one in-transaction step that stores an answer, moves the case's current state and
// writes the event; callers authorize, lock the case and audit.
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { InvestigationFinding, ResponseVia } from '../../platform/db/schema/website.js';
import { appendEvent } from '../../platform/events.js';
import { text } from '../../platform/http/validation.js';
import { WEBSITE_EVENTS } from './website-events.js';
import { lockWorkCase } from './work-case.js';

export const RESPONSE_KINDS = [
  'acknowledged',
  'investigation_result',
  'not_vulnerability',
  'message',
] as const;
export const FINDINGS = ['vulnerable', 'not_reproduced', 'investigating'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

export const responseInput = z
  .object({
    kind: z.enum(RESPONSE_KINDS),
    finding: z.preprocess((v) => (v === '' ? undefined : v), z.enum(FINDINGS).optional()),
    body: text(20_000)
      .optional()
      .transform((v) => v || null),
  })
  .refine((r) => r.kind !== 'investigation_result' || r.finding !== undefined, {
    path: ['finding'],
    message: 'website.validation.findingRequired',
  })
  .refine((r) => (r.kind !== 'not_vulnerability' && r.kind !== 'message') || r.body !== null, {
    path: ['body'],
    message: 'website.validation.bodyRequired',
  });
export type ResponseInput = z.output<typeof responseInput>;

export async function applyOperatorResponse(
  trx: Database,
  r: {
    caseId: string;
    kind: ResponseKind;
    finding?: InvestigationFinding | undefined;
    body?: string | null;
    via: ResponseVia;
    userId: string | null;
    at: Date;
  },
): Promise<{ responseId: string }> {
  const finding = r.kind === 'investigation_result' ? (r.finding ?? null) : null;
  const row = await trx
    .insertInto('website_operator_responses')
    .values({
      case_id: r.caseId,
      kind: r.kind,
      finding,
      body: r.body ?? null,
      via: r.via,
      user_id: r.userId,
      at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const w = await trx
    .selectFrom('website_cases')
    .select(['acknowledged_at'])
    .where('case_id', '=', r.caseId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('website_cases')
    .set({
      updated_at: r.at,
      // any answer shows the notice arrived
      ...(w.acknowledged_at ? {} : { acknowledged_at: r.at }),
      ...(r.kind === 'investigation_result'
        ? { investigation_reported_at: r.at, investigation_finding: finding }
        : {}),
      ...(r.kind === 'not_vulnerability' ? { not_vulnerability_reported_at: r.at } : {}),
    })
    .where('case_id', '=', r.caseId)
    .execute();
  await appendEvent(trx, {
    streamType: 'case',
    streamId: r.caseId,
    type: WEBSITE_EVENTS.operatorResponded,
    actorUserId: r.userId,
    at: r.at,
    data: { responseId: row.id, kind: r.kind, finding, via: r.via },
  });
  return { responseId: row.id };
}

/** Reception staff record an answer the operator sent by mail (or said on the phone). */
export async function recordOperatorResponse(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; response: ResponseInput; ip?: string | null },
): Promise<{ responseId: string }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await lockWorkCase(trx, ctx, actor, input.reference);
    const r = await applyOperatorResponse(trx, {
      caseId: c.caseId,
      kind: input.response.kind,
      finding: input.response.finding,
      body: input.response.body,
      via: 'staff',
      userId: c.actor.userId,
      at: now,
    });
    await audit(trx, {
      actor,
      action: WEBSITE_EVENTS.operatorResponded,
      subject: { type: 'case', id: c.caseId },
      ip: input.ip ?? null,
      detail: { reference: c.reference, responseId: r.responseId, kind: input.response.kind, via: 'staff' },
    });
    return r;
  });
}
