// Case events (イベント): append-only facts about a stream (a report, a case, an organization...).
// Always written with the transaction (`trx`) that updates the stream's current-state row.
import type { Database } from './db/database.js';

export type NewEvent = {
  streamType: string;
  streamId: string;
  /** a past-tense constant such as `report.accepted` */
  type: string;
  actorUserId: string | null;
  data?: Record<string, unknown>;
  at?: Date;
};

export async function appendEvent(trx: Database, e: NewEvent): Promise<string> {
  const row = await trx
    .insertInto('events')
    .values({
      stream_type: e.streamType,
      stream_id: e.streamId,
      type: e.type,
      actor_user_id: e.actorUserId,
      data: JSON.stringify(e.data ?? {}),
      ...(e.at ? { at: e.at } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function streamEvents(db: Database, streamType: string, streamId: string) {
  return db
    .selectFrom('events')
    .selectAll()
    .where('stream_type', '=', streamType)
    .where('stream_id', '=', streamId)
    .orderBy('id')
    .execute();
}
