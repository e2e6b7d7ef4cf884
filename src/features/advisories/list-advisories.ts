// Every advisory being written or published, for the coordination body (/coordination/advisories): state, public
// ID, case reference, scheduled moment and last change, most recently changed first — a page at a time
// (PAGE_SIZE rows, page numbers from 1), with how many there are in all.
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';

export const PAGE_SIZE = 100;

/** ?page= as a page number ≥ 1 (anything else → 1). */
export function pageOf(raw: unknown): number {
  const n = typeof raw === 'string' && /^[1-9][0-9]{0,6}$/.test(raw) ? Number(raw) : 1;
  return n;
}

export async function listAdvisories(
  ctx: AppContext,
  actor: Actor,
  input: { page?: number; pageSize?: number } = {},
) {
  authorize(actor, 'advisory.edit', { track: 'software' });
  const { total } = await ctx.db
    .selectFrom('advisories')
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const count = Number(total);
  const size = input.pageSize ?? PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(count / size));
  const page = Math.min(Math.max(1, input.page ?? 1), pages);
  const rows = await ctx.db
    .selectFrom('advisories as a')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .select([
      'a.id',
      'a.kind',
      'a.state',
      'a.public_id',
      'a.published_revision',
      'a.scheduled_for',
      'a.updated_at',
      'c.reference',
    ])
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id')
    .limit(size)
    .offset((page - 1) * size)
    .execute();
  return {
    total: count,
    page,
    pages,
    pageSize: size,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      state: r.state,
      publicId: r.public_id,
      publishedRevision: r.published_revision,
      scheduledFor: r.scheduled_for,
      updatedAt: r.updated_at,
      reference: r.reference,
    })),
  };
}

export type AdvisoryList = Awaited<ReturnType<typeof listAdvisories>>;
export type AdvisoryListRow = AdvisoryList['rows'][number];
