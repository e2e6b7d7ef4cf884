// The coordinator records a developer's status for a vulnerability on its behalf — an answer given by phone or
// letter, or "no response" for one that stays silent (which VINCE users could not tell apart from "unknown").
// The statement is sealed; the developer's own sharing choice is kept (a coordinator never shares for it).
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { blankToUndefined, parseInput, text } from '../../platform/http/validation.js';
import { userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';
import { sealStatement } from './sealing.js';
import { PARTY_STATUSES } from './show-workspace.js';

export const partyStatusSchema = z.object({
  partyId: z.string().uuid(),
  vulnerabilityId: z.string().uuid(),
  status: z.enum(PARTY_STATUSES as unknown as [string, ...string[]]),
  statement: z.preprocess(blankToUndefined, text(20000).optional()),
});

export async function recordPartyStatus(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; fields: unknown; ip?: string | null },
): Promise<void> {
  await withProductCase(ctx, actor, input.reference, async (trx, c, _coordination, now) => {
    const parsed = parseInput(partyStatusSchema, input.fields, actor.kind === 'user' ? actor.locale : 'ja');
    if (!parsed.ok) throw new AppError('validation', 'errors.validation', parsed.errors);
    const f = parsed.data;
    const party = await trx
      .selectFrom('coordination_parties')
      .select('id')
      .where('id', '=', f.partyId)
      .where('case_id', '=', c.id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    const vuln = await trx
      .selectFrom('coordination_vulnerabilities')
      .select('id')
      .where('id', '=', f.vulnerabilityId)
      .where('case_id', '=', c.id)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (!party || !vuln) throw notFound();
    const before = await trx
      .selectFrom('coordination_statuses')
      .select(['status'])
      .where('party_id', '=', party.id)
      .where('vulnerability_id', '=', vuln.id)
      .forUpdate()
      .executeTakeFirst();
    const userId = userIdOf(actor);
    const status = f.status as (typeof PARTY_STATUSES)[number];
    const statement = f.statement ? sealStatement(ctx.secrets, party.id, vuln.id, f.statement) : undefined;
    await trx
      .insertInto('coordination_statuses')
      .values({
        party_id: party.id,
        vulnerability_id: vuln.id,
        status,
        statement_enc: statement ?? null,
        updated_at: now,
        updated_by: userId,
      })
      .onConflict((oc) =>
        oc.columns(['party_id', 'vulnerability_id']).doUpdateSet({
          status,
          ...(statement ? { statement_enc: statement } : {}),
          updated_at: now,
          updated_by: userId,
        }),
      )
      .execute();
    const data = {
      partyId: party.id,
      vulnerabilityId: vuln.id,
      from: before?.status ?? 'unknown',
      to: status,
      by: 'coordinator',
    };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.id,
      type: COORDINATION_EVENTS.statusChanged,
      actorUserId: userId,
      at: now,
      data,
    });
    await audit(trx, {
      actor,
      action: COORDINATION_EVENTS.statusChanged,
      subject: { type: 'case', id: c.id },
      ip: input.ip ?? null,
      detail: data,
    });
  });
}
