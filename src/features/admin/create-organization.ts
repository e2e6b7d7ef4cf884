// Creates an organization (受付機関, 調整機関, 製品開発者, ウェブサイト運営者, CSIRT, 重要インフラ事業者, SI事業者).
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { text } from '../../platform/http/validation.js';

export const ORGANIZATION_TYPES = [
  'reception_body',
  'coordination_body',
  'product_developer',
  'website_operator',
  'csirt',
  'critical_infrastructure',
  'si_vendor',
] as const;
export const SECTORS = [
  'electricity',
  'gas',
  'railway',
  'finance',
  'aviation',
  'telecom',
  'government',
] as const;

export const createOrganizationInput = z
  .object({
    type: z.enum(ORGANIZATION_TYPES),
    nameJa: text(200).pipe(z.string().min(1)),
    nameEn: text(200).pipe(z.string().min(1)),
    sector: z.enum(SECTORS).nullable().default(null),
  })
  .refine((o) => (o.type === 'critical_infrastructure') === (o.sector !== null), {
    path: ['sector'],
    message: 'validation.sectorRequired',
  });

export async function createOrganization(
  ctx: AppContext,
  actor: Actor,
  raw: z.input<typeof createOrganizationInput>,
): Promise<{ organizationId: string }> {
  authorize(actor, 'organization.create');
  const input = createOrganizationInput.parse(raw);
  return ctx.db.transaction().execute(async (trx) => {
    const org = await trx
      .insertInto('organizations')
      .values({
        type: input.type,
        name_ja: input.nameJa,
        name_en: input.nameEn,
        sector: input.sector,
        created_at: ctx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(trx, {
      streamType: 'organization',
      streamId: org.id,
      type: 'organization.created',
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      data: { type: input.type, sector: input.sector },
    });
    await audit(trx, {
      actor,
      action: 'organization.created',
      subject: { type: 'organization', id: org.id },
      detail: { type: input.type },
    });
    return { organizationId: org.id };
  });
}
