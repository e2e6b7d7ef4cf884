// Who a website operator's notices may be relayed through (総務省 → 都道府県 → 市町村): live website operators that
// are public bodies (local governments and organizations such as a ministry), plus the relay already chosen.
import type { Database } from '../../platform/db/database.js';
import { isUuid } from './uuid.js';

export const RELAY_CANDIDATES_MAX = 3000;

export async function relayCandidates(
  db: Database,
  opts: { exceptId?: string; currentId?: string | null } = {},
): Promise<{ id: string; nameJa: string; nameEn: string }[]> {
  let q = db
    .selectFrom('organizations as o')
    .innerJoin('directory_entries as e', 'e.organization_id', 'o.id')
    .select(['o.id', 'o.name_ja', 'o.name_en'])
    .where('o.type', '=', 'website_operator')
    .where('o.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('e.operator_kind', 'in', ['local_government', 'organization']),
        ...(isUuid(opts.currentId) ? [eb('o.id', '=', opts.currentId)] : []),
      ]),
    );
  if (isUuid(opts.exceptId)) q = q.where('o.id', '<>', opts.exceptId);
  const rows = await q.orderBy('o.name_ja').orderBy('o.id').limit(RELAY_CANDIDATES_MAX).execute();
  return rows.map((r) => ({ id: r.id, nameJa: r.name_ja, nameEn: r.name_en }));
}
