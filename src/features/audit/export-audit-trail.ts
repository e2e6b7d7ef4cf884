// The filtered audit trail as CSV, newest first, streamed in batches so a long trail never sits in memory.
// The export is recorded before the first byte leaves.
import { formatInstant } from '../../domain/time.js';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Locale } from '../../platform/db/schema.js';
import { translator } from '../../platform/i18n/i18n.js';
import { CSV_BOM, csvLine } from './csv.js';
import { type AuditFilter, criteriaOf, filtersForAudit } from './filters.js';
import { revealsFinders, searchAuditLog } from './search-audit-log.js';

const BATCH = 1000;
const HEADER = [
  'seq',
  'at_utc',
  'at_local',
  'actor_label',
  'actor_user_id',
  'action',
  'subject_type',
  'subject_id',
  'ip',
  'detail',
  'hash',
];

export async function exportAuditTrail(
  ctx: AppContext,
  actor: Actor,
  input: { filter: AuditFilter; timeZone: string; locale: Locale; ip: string | null },
): Promise<AsyncGenerator<string>> {
  authorize(actor, 'audit.read');
  const { filter, timeZone, locale } = input;
  const criteria = criteriaOf(filter, timeZone);
  const reader = { revealsFinders: revealsFinders(actor) };
  const hidden = translator(locale)('audit.finderHidden');
  // only what existed when asked for: entries written during the export (its own included) are left out
  const head = await ctx.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirst();
  const upTo = head?.max ? String(BigInt(head.max) + 1n) : '1';
  await audit(ctx.db, {
    actor,
    action: 'audit.read',
    ip: input.ip,
    detail: { filters: filtersForAudit(filter, timeZone), format: 'csv' },
  });
  async function* lines(): AsyncGenerator<string> {
    yield CSV_BOM + csvLine(HEADER);
    let before = upTo;
    for (;;) {
      const { rows, more } = await searchAuditLog(ctx.db, criteria, { before, limit: BATCH }, reader);
      for (const r of rows) {
        yield csvLine([
          r.seq,
          r.at.toISOString(),
          formatInstant(r.at, { locale, timeZone }),
          r.actorHidden ? hidden : r.actorLabel,
          r.actorUserId,
          r.action,
          r.subjectType,
          r.subjectId,
          r.ip,
          JSON.stringify(r.detail),
          r.hash,
        ]);
      }
      const last = rows.at(-1);
      if (!more || !last) return;
      before = last.seq;
    }
  }
  return lines();
}
