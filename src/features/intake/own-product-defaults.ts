// 自社製品の届出: who is reporting, filled in from the developer's account (they may change it before sending).
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Locale } from '../../platform/db/schema.js';
import type { FormValues } from './report-form.js';

/** Checks the viewer may report on its own products, and returns the reporter fields. */
export async function ownProductDefaults(ctx: AppContext, actor: Actor, locale: Locale): Promise<FormValues> {
  authorize(actor, 'report.submit-own-product', {
    organizationId: actor.kind === 'user' ? actor.organizationId : null,
  });
  const org = actor.organizationId
    ? await ctx.db
        .selectFrom('organizations')
        .select(['name_ja', 'name_en'])
        .where('id', '=', actor.organizationId)
        .executeTakeFirst()
    : undefined;
  return {
    finderName: actor.displayName,
    finderEmail: actor.email,
    ...(org ? { finderOrganization: locale === 'ja' ? org.name_ja : org.name_en } : {}),
  };
}
