// Setting whom the case's notices go to: an operator from the directory (its contact window, key, language and
// relay come from there), an address found by a security.txt check of this case, or a contact entered by hand.
import { sql } from 'kysely';
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { text } from '../../platform/http/validation.js';
import { getContactWindow } from '../directory/contact-window.js';
import { WEBSITE_EVENTS } from './website-events.js';
import { lockWorkCase } from './work-case.js';

const email = z.email({ message: 'validation.email' }).max(254);
const locale = z.enum(['ja', 'en']).default('ja');
const name = text(200).optional();

export const contactInput = z.discriminatedUnion('source', [
  z.object({ source: z.literal('directory'), organizationId: z.uuid() }),
  z.object({ source: z.literal('security_txt'), email, name, locale }),
  z.object({ source: z.literal('manual'), email, name, locale }),
]);
export type ContactInput = z.output<typeof contactInput>;

export async function assignContact(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; contact: ContactInput; ip?: string | null },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const c = await lockWorkCase(trx, ctx, actor, input.reference);
    const k = input.contact;
    let set: {
      operator_organization_id: string | null;
      contact_email: string | null;
      contact_name: string | null;
      contact_locale: 'ja' | 'en';
    };
    if (k.source === 'directory') {
      const window = await getContactWindow(trx, k.organizationId);
      if (window?.type !== 'website_operator') {
        throw new AppError('validation', 'website.errors.notOperator', {
          organizationId: ['website.errors.notOperator'],
        });
      }
      set = {
        operator_organization_id: window.organizationId,
        contact_email: null,
        contact_name: null,
        contact_locale: window.locale,
      };
    } else {
      const address = k.email.toLowerCase();
      if (k.source === 'security_txt') {
        // only what a check of this very case found: the form cannot be used to slip in another address
        const found = await trx
          .selectFrom('website_discoveries')
          .select('id')
          .where('case_id', '=', c.caseId)
          .where(sql<boolean>`${address} = any(emails)`)
          .executeTakeFirst();
        if (!found) {
          throw new AppError('validation', 'website.errors.addressNotFound', {
            email: ['website.errors.addressNotFound'],
          });
        }
      }
      set = {
        operator_organization_id: null,
        contact_email: address,
        contact_name: k.name ?? null,
        contact_locale: k.locale,
      };
    }
    await trx
      .updateTable('website_cases')
      .set({ ...set, contact_source: k.source, updated_at: now })
      .where('case_id', '=', c.caseId)
      .execute();
    const data = { source: k.source, organizationId: set.operator_organization_id };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.caseId,
      type: WEBSITE_EVENTS.contactAssigned,
      actorUserId: c.actor.userId,
      at: now,
      data,
    });
    await audit(trx, {
      actor,
      action: WEBSITE_EVENTS.contactAssigned,
      subject: { type: 'case', id: c.caseId },
      ip: input.ip ?? null,
      detail: { reference: c.reference, ...data },
    });
  });
}
