// Intent-named reads of the report tables for screening. Intake and screening are one bounded context with
// two audiences: they share the report tables; everything else reads reports through cases/report-brief.ts.
import type { Database } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';

/** The report row by tracking number, locked for the rest of the transaction (decisions serialize on it). */
export async function lockReport(trx: Database, trackingNumber: string) {
  const r = await trx
    .selectFrom('reports')
    .selectAll()
    .where('tracking_number', '=', trackingNumber)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw notFound();
  return r;
}
export type LockedReport = Awaited<ReturnType<typeof lockReport>>;

export async function findReport(db: Database, trackingNumber: string) {
  const r = await db
    .selectFrom('reports')
    .selectAll()
    .where('tracking_number', '=', trackingNumber)
    .executeTakeFirst();
  if (!r) throw notFound();
  return r;
}

/** Active staff of the reception body, who may be assigned reports. */
export async function receptionStaff(db: Database) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.display_name', 'u.email'])
    .where('o.type', '=', 'reception_body')
    .where('u.role', 'in', ['handler', 'lead', 'admin'])
    .where('u.disabled_at', 'is', null)
    .where('o.disabled_at', 'is', null)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}
