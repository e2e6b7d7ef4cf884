// The developer names another developer it thinks is affected (他の製品開発者の指摘), with a reason; the
// coordinator decides. A name that is exactly a product developer's name in the directory is linked to it; any
// other name is kept as typed. The answer is the same either way, so the directory cannot be probed from here.
import { sql } from 'kysely';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { COORDINATION_EVENTS } from '../coordination/events.js';
import { checkAll, REASON_TEXT, requiredText } from './input.js';
import { withPartyCase } from './party-access.js';
import { tellCoordinators } from './tell-coordinators.js';

export async function suggestDeveloper(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; name: unknown; reason: unknown; ip?: string | null },
): Promise<{ suggestionId: string }> {
  return withPartyCase(ctx, actor, input.reference, 'portal.respond', async (trx, p) => {
    const [name, reason] = checkAll(
      () => requiredText(input.name, 'name', 300, 'nameRequired'),
      () => requiredText(input.reason, 'reason', REASON_TEXT, 'reasonRequired'),
    );
    const lower = name.toLowerCase();
    const matches = await trx
      .selectFrom('organizations')
      .select('id')
      .where('type', '=', 'product_developer')
      .where('disabled_at', 'is', null)
      .where((eb) => eb.or([eb(sql`lower(name_ja)`, '=', lower), eb(sql`lower(name_en)`, '=', lower)]))
      .limit(2)
      .execute();
    // one exact match is that developer; none (or two of the same name) stays free text for the coordinator
    const organizationId = matches.length === 1 ? (matches[0]?.id ?? null) : null;
    const row = await trx
      .insertInto('coordination_suggestions')
      .values({
        case_id: p.c.id,
        suggested_by_party_id: p.party.id,
        suggested_by_user: p.actor.userId,
        organization_id: organizationId,
        free_text_name: organizationId ? null : name,
        reason,
        created_at: p.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const data = {
      side: 'developer',
      suggestionId: row.id,
      partyId: p.party.id,
      organizationId,
      inDirectory: organizationId !== null,
    };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: p.c.id,
      type: COORDINATION_EVENTS.suggestionMade,
      actorUserId: p.actor.userId,
      at: p.now,
      data,
    });
    await audit(trx, {
      actor: p.actor,
      action: COORDINATION_EVENTS.suggestionMade,
      subject: { type: 'case', id: p.c.id },
      ip: input.ip ?? null,
      detail: data,
    });
    await tellCoordinators(trx, ctx, p.c, p.party, 'suggestion');
    return { suggestionId: row.id };
  });
}
