// Creates an account in an organization (or an individual finder), with a given or generated password.
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import {
  generatePassword,
  hashPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../../platform/auth/passwords.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Role } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';

export const ROLES = ['handler', 'lead', 'admin', 'org_admin', 'member', 'finder'] as const;

export const createUserInput = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  displayName: z.string().trim().min(1).max(200),
  organizationId: z.uuid().nullable(),
  role: z.enum(ROLES),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH).optional(),
  locale: z.enum(['ja', 'en']).default('ja'),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export async function createUser(
  ctx: AppContext,
  actor: Actor,
  raw: CreateUserInput,
): Promise<{ userId: string; password: string; generated: boolean }> {
  const input = createUserInput.parse(raw);
  const org = input.organizationId
    ? await ctx.db
        .selectFrom('organizations')
        .select(['id', 'type'])
        .where('id', '=', input.organizationId)
        .where('disabled_at', 'is', null)
        .executeTakeFirst()
    : null;
  if (input.organizationId && !org) throw new AppError('not_found', 'errors.notFound');
  if ((input.role === 'finder') !== (org === null)) {
    throw new AppError('validation', 'errors.validation', { role: ['finder ⇔ no organization'] });
  }
  authorize(actor, 'user.create', {
    organizationId: input.organizationId,
    role: input.role as Role,
    ...(org ? { organizationType: org.type } : {}),
  });
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (exists) throw new AppError('conflict', 'errors.conflict', { email: ['already registered'] });
    const now = ctx.clock.now();
    const user = await trx
      .insertInto('users')
      .values({
        email: input.email,
        display_name: input.displayName,
        organization_id: input.organizationId,
        role: input.role,
        password_hash: passwordHash,
        locale: input.locale,
        password_changed_at: now,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(trx, {
      streamType: 'user',
      streamId: user.id,
      type: 'user.created',
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      data: { organizationId: input.organizationId, role: input.role },
    });
    await audit(trx, {
      actor,
      action: 'user.created',
      subject: { type: 'user', id: user.id },
      detail: { organizationId: input.organizationId, role: input.role },
    });
    return { userId: user.id, password, generated: input.password === undefined };
  });
}
