// The reception body's view of the finder relay on a product case: the questions it passed on and the
// coordinator's answers — nothing else of the coordination.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { findProductCase, type MessageView, messagesOf } from './queries.js';

export async function showFinderRelay(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null },
): Promise<{ reference: string; messages: MessageView[] }> {
  authorize(actor, 'coordination.relay-finder', { track: 'software' });
  const c = await findProductCase(ctx.db, input.reference);
  if (!c) throw notFound();
  const messages = await messagesOf(ctx.db, ctx.secrets, c.id, { threads: ['finder_relay'] });
  await audit(ctx.db, {
    actor,
    action: 'coordination.finder-relay-read',
    subject: { type: 'case', id: c.id },
    ip: input.ip ?? null,
    detail: { reference: c.reference },
  });
  return { reference: c.reference, messages };
}
