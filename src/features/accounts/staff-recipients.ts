// Who among staff hears of something by mail: the active staff (handler, lead, admin) of the reception body or
// the coordination body, and for one case those of them who have worked it. Read-only, no actor: callers are use
// cases that have already authorized what they tell.
import type { Database } from '../../platform/db/database.js';
import type { Locale } from '../../platform/db/schema.js';

export type StaffRecipient = { email: string; locale: Locale };
export type StaffBody = 'reception_body' | 'coordination_body';

function activeStaff(db: Database, body: StaffBody) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.email', 'u.locale'])
    .where('o.type', '=', body)
    .where('o.disabled_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .where('u.role', 'in', ['handler', 'lead', 'admin']);
}

/** Every active staff member of the body, by address. */
export async function staffOf(db: Database, body: StaffBody): Promise<StaffRecipient[]> {
  return activeStaff(db, body).orderBy('u.email').execute();
}

/** The body's staff who have acted on the case (an event on its stream); before anyone has, all of them. */
export async function caseStaffOf(db: Database, caseId: string, body: StaffBody): Promise<StaffRecipient[]> {
  const worked = await activeStaff(db, body)
    .innerJoin('events as e', 'e.actor_user_id', 'u.id')
    .where('e.stream_type', '=', 'case')
    .where('e.stream_id', '=', caseId)
    .distinct()
    .orderBy('u.email')
    .execute();
  return worked.length ? worked : staffOf(db, body);
}
