// The keepers hear of a party's change request by mail: all active staff (handler, lead, admin) of the body that
// keeps the party's type (the coordination body for developers and CSIRTs, the reception body for website
// operators), each in their own language. The mail names the organization and links to the request; it never
// carries the proposed values.
import { DIRECTORY_KEEPER } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { type StaffRecipient, staffOf } from '../accounts/staff-recipients.js';
import type { DirectoryOrganization } from './entry-store.js';
import type { DirectoryType } from './product-category.js';

/** Active staff of the body that keeps entries of this type. */
export const keeperStaff = (db: Database, type: DirectoryType): Promise<StaffRecipient[]> =>
  staffOf(db, DIRECTORY_KEEPER[type]);

/** Tells the keepers a change request waits for them (in the caller's transaction). */
export async function mailKeepersOfRequest(
  trx: Database,
  ctx: AppContext,
  org: DirectoryOrganization,
  requestId: string,
): Promise<number> {
  const staff = await keeperStaff(trx, org.type);
  for (const s of staff) {
    await enqueueMail(trx, ctx.jobs, {
      to: s.email,
      locale: s.locale,
      template: 'directory.mail.changeRequested',
      vars: {
        organization: s.locale === 'ja' ? org.nameJa : org.nameEn,
        url: `${ctx.config.publicUrl}/directory/requests/${requestId}`,
      },
      related: { type: 'organization', id: org.id },
    });
  }
  return staff.length;
}
