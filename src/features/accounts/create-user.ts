// Creates an account in an organization (or an individual finder), with a given or generated password.
import { z } from 'zod';
import { type Actor, roleFitsOrganization } from '../../platform/auth/actor.js';
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
import { insertUser } from './insert-user.js';

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
  if (!roleFitsOrganization(input.role, org?.type ?? null)) {
    throw new AppError('validation', 'errors.validation', { role: ['validation.roleMismatch'] });
  }
  authorize(actor, 'user.create', {
    organizationId: input.organizationId,
    role: input.role as Role,
    ...(org ? { organizationType: org.type } : {}),
  });
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const userId = await ctx.db.transaction().execute((trx) =>
    insertUser(trx, actor, ctx.clock.now(), {
      email: input.email,
      displayName: input.displayName,
      organizationId: input.organizationId,
      role: input.role,
      passwordHash,
      locale: input.locale,
    }),
  );
  return { userId, password, generated: input.password === undefined };
}
