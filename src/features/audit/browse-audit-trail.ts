// The audit trail browser: a page of entries, the chain's state, and a record that this reading happened.
import { audit, verifyAuditChain } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { cursorsOf } from '../../platform/db/keyset.js';
import { type AuditFilter, criteriaOf, filtersForAudit } from './filters.js';
import { type AuditRow, revealsFinders, searchAuditLog } from './search-audit-log.js';

export const AUDIT_PAGE_SIZE = 50;

export type ChainStatus = { intact: true; entries: number } | { intact: false; seq: string; problem: string };

export type AuditPage = {
  rows: AuditRow[];
  /** cursor to read older entries, or null on the oldest page */
  olderCursor: string | null;
  /** cursor to read newer entries, or null on the newest page */
  newerCursor: string | null;
  chain: ChainStatus;
};

export async function browseAuditTrail(
  ctx: AppContext,
  actor: Actor,
  input: { filter: AuditFilter; timeZone: string; ip: string | null },
): Promise<AuditPage> {
  authorize(actor, 'audit.read');
  const { filter } = input;
  const { rows, more } = await searchAuditLog(
    ctx.db,
    criteriaOf(filter, input.timeZone),
    {
      before: filter.before,
      after: filter.after,
      limit: AUDIT_PAGE_SIZE,
    },
    { revealsFinders: revealsFinders(actor) },
  );
  // newest first; `after` reads back towards the newest, so "next" is older entries and "previous" newer
  const pages = cursorsOf(rows, more, {
    backwards: !!filter.after,
    hadCursor: !!(filter.before ?? filter.after),
    key: (r) => r.seq,
  });
  const broken = await verifyAuditChain(ctx.db);
  const chain: ChainStatus = broken
    ? { intact: false, seq: broken.seq, problem: broken.problem }
    : { intact: true, entries: await countEntries(ctx) };
  // recorded after reading, so the page shows the trail as it was when asked for
  await audit(ctx.db, {
    actor,
    action: 'audit.read',
    ip: input.ip,
    detail: { filters: filtersForAudit(filter, input.timeZone), format: 'html' },
  });
  return {
    rows,
    olderCursor: pages.nextCursor,
    newerCursor: pages.prevCursor,
    chain,
  };
}

async function countEntries(ctx: AppContext): Promise<number> {
  const r = await ctx.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
