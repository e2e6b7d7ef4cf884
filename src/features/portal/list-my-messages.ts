// The developer's own thread with the coordinator and the coordinator's announcements, oldest first.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { messagesOf } from '../coordination/queries.js';
import { withPartyCase } from './party-access.js';
import type { PortalMessage } from './show-my-case.js';

export async function listMyMessages(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null },
): Promise<PortalMessage[]> {
  return withPartyCase(ctx, actor, input.reference, 'portal.read', async (trx, p) => {
    const rows = await messagesOf(trx, ctx.secrets, p.c.id, {
      threads: ['party', 'announcement'],
      partyId: p.party.id,
    });
    await audit(trx, {
      actor: p.actor,
      action: 'portal.messages_read',
      subject: { type: 'case', id: p.c.id },
      ip: input.ip ?? null,
      detail: { partyId: p.party.id, count: rows.length },
    });
    return rows.map((m) => ({
      id: m.id,
      thread: m.thread === 'announcement' ? 'announcement' : 'party',
      from: m.authorSide === 'developer' ? 'us' : 'coordinator',
      body: m.body,
      createdAt: m.createdAt,
    }));
  });
}
