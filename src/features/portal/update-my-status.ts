// A developer gives its status on one vulnerability (状況の報告) with its statement and countermeasure, and says
// whether the other developers of the case may read them. The texts are sealed; the event carries the status and
// the sharing choice, never the text. The coordinators are told by mail.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { COORDINATION_EVENTS } from '../coordination/events.js';
import { sealCountermeasure, sealStatement } from '../coordination/sealing.js';
import { checkAll, developerStatus, optionalText, ordinalOf } from './input.js';
import { withPartyCase } from './party-access.js';
import { tellCoordinators } from './tell-coordinators.js';

export type StatusInput = {
  reference: string;
  ordinal: unknown;
  status: unknown;
  statement?: unknown;
  countermeasure?: unknown;
  shared?: unknown;
  ip?: string | null;
};

export async function updateMyStatus(
  ctx: AppContext,
  actor: Actor,
  input: StatusInput,
): Promise<{ changed: boolean }> {
  return withPartyCase(ctx, actor, input.reference, 'portal.respond', async (trx, p) => {
    const ordinal = ordinalOf(input.ordinal);
    const v =
      ordinal === null
        ? undefined
        : await trx
            .selectFrom('coordination_vulnerabilities')
            .select(['id', 'ordinal'])
            .where('case_id', '=', p.c.id)
            .where('ordinal', '=', ordinal)
            .where('withdrawn_at', 'is', null)
            .executeTakeFirst();
    if (!v) throw notFound();
    const [status, statement, countermeasure] = checkAll(
      () => developerStatus(input.status),
      () => optionalText(input.statement, 'statement'),
      () => optionalText(input.countermeasure, 'countermeasure'),
    );
    const shared = input.shared === true || input.shared === 'on' || input.shared === 'true';
    const previous = await trx
      .selectFrom('coordination_statuses')
      .select(['status', 'shared_with_parties'])
      .where('party_id', '=', p.party.id)
      .where('vulnerability_id', '=', v.id)
      .executeTakeFirst();
    const row = {
      status,
      statement_enc: sealStatement(ctx.secrets, p.party.id, v.id, statement),
      countermeasure_enc: sealCountermeasure(ctx.secrets, p.party.id, v.id, countermeasure),
      shared_with_parties: shared,
      updated_at: p.now,
      updated_by: p.actor.userId,
    };
    await trx
      .insertInto('coordination_statuses')
      .values({ party_id: p.party.id, vulnerability_id: v.id, ...row })
      .onConflict((oc) => oc.columns(['party_id', 'vulnerability_id']).doUpdateSet(row))
      .execute();
    const data = {
      side: 'developer',
      partyId: p.party.id,
      organizationId: p.party.organizationId,
      vulnerabilityId: v.id,
      ordinal: v.ordinal,
      status,
      previous: previous?.status ?? 'unknown',
      shared,
      sharedBefore: previous?.shared_with_parties ?? false,
      hasStatement: statement !== null,
      hasCountermeasure: countermeasure !== null,
    };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: p.c.id,
      type: COORDINATION_EVENTS.statusChanged,
      actorUserId: p.actor.userId,
      at: p.now,
      data,
    });
    await audit(trx, {
      actor: p.actor,
      action: COORDINATION_EVENTS.statusChanged,
      subject: { type: 'case', id: p.c.id },
      ip: input.ip ?? null,
      detail: data,
    });
    await tellCoordinators(trx, ctx, p.c, p.party, 'statusChanged', (t) => ({
      vulnerability: `${p.c.reference}.${v.ordinal}`,
      status: t(`portal.statuses.${status}`),
    }));
    return { changed: true };
  });
}
