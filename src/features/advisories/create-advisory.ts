// Starting the advisory of a product case (脆弱性対策情報の作成開始): one per case. The working copy is prefilled
// from the case — its vulnerabilities (the sealed description opened into the Japanese description), the live
// parties as developers with their directory products, their statuses as a starting text, the received day, the
// coordination body as contact — and the finder's credit only when the finder consented to public credit, with
// the name they chose. Nothing else about the finder enters the copy. A second start returns the same advisory.
import { randomUUID } from 'node:crypto';
import type {
  AdvisoryContent,
  AdvisoryProduct,
  Bilingual,
  VendorStatus,
  VendorStatusValue,
} from '../../domain/advisory-document.js';
import { emptyContent } from '../../domain/advisory-document.js';
import { jstDate } from '../../domain/business-days.js';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { PartyStatus } from '../../platform/db/schema/coordination.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { idOrNotFound, userIdOf } from '../coordination/case-access.js';
import { partiesOf, statusesOf, vulnerabilitiesOf } from '../coordination/queries.js';
import { productsOf } from '../directory/contact-window.js';
import { openBody } from '../intake/report-sealing.js';
import { developerSlugs } from './developer-slugs.js';
import { ADVISORY_EVENTS, advisoryOfCase, sealContent } from './store.js';

const STATUS_MAP: Record<PartyStatus, VendorStatusValue> = {
  affected: 'affected',
  fixed: 'fixed',
  not_affected: 'not_affected',
  investigating: 'under_investigation',
  unknown: 'unknown',
  disputed: 'unknown',
  no_response: 'unknown',
};

/** The working copy a case starts with (in the caller's transaction). */
export async function prefillContent(
  trx: Database,
  ctx: AppContext,
  caseId: string,
): Promise<{ content: AdvisoryContent; kind: 'jvn' | 'jvnvu' }> {
  const c = await trx
    .selectFrom('cases')
    .select(['id', 'origin', 'report_id'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const coordination = await trx
    .selectFrom('coordination_cases')
    .select(['csirt_received_on'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  const [vulns, parties, statuses] = await Promise.all([
    vulnerabilitiesOf(trx, ctx.secrets, caseId),
    partiesOf(trx, caseId),
    statusesOf(trx, ctx.secrets, caseId),
  ]);
  const content = emptyContent();
  content.contact = { ja: ctx.config.orgName.ja, en: ctx.config.orgName.en };

  // vulnerabilities, numbered 1…n in the case's order
  const ordinalOf = new Map<string, number>();
  content.vulnerabilities = vulns.map((v, i) => {
    ordinalOf.set(v.id, i + 1);
    return {
      ordinal: i + 1,
      title: { ja: v.titleJa, en: v.titleEn },
      description: { ja: v.description ?? '', en: '' },
      cweId: v.cweId,
      cvss31: v.cvss31 ? { ...v.cvss31, severity: v.cvss31.severity as 'none' } : null,
      cvss40: v.cvss40 ? { ...v.cvss40, severity: v.cvss40.severity as 'none' } : null,
      cveId: v.cveId,
      exploitedInTheWild: false,
    };
  });

  // developers (the live parties) and their directory products
  const slugs = await developerSlugs(
    trx,
    parties.map((p) => ({ organizationId: p.organizationId, nameEn: p.nameEn })),
  );
  const slugOfParty = new Map<string, string>();
  const products: AdvisoryProduct[] = [];
  for (const p of parties) {
    const slug = slugs.get(p.organizationId) as string;
    if (content.developers.some((d) => d.slug === slug)) continue;
    slugOfParty.set(p.id, slug);
    content.developers.push({ slug, name: { ja: p.nameJa, en: p.nameEn } });
    for (const d of await productsOf(trx, p.organizationId)) {
      products.push({
        key: `p${products.length + 1}`,
        developerSlug: slug,
        name: { ja: d.nameJa, en: d.nameEn },
        versions: { ja: '', en: '' },
        versionRange: null,
        fixedVersion: null,
        purl: d.purl,
        cpe: d.cpe,
      });
    }
  }
  content.products = products;

  const vendorStatuses: VendorStatus[] = [];
  for (const s of statuses) {
    const slug = slugOfParty.get(s.partyId);
    const ordinal = ordinalOf.get(s.vulnerabilityId);
    if (!slug || ordinal === undefined) continue;
    vendorStatuses.push({
      developerSlug: slug,
      vulnerabilityOrdinal: ordinal,
      status: STATUS_MAP[s.status],
      statement: { ja: s.statement ?? '', en: '' },
      url: null,
    });
  }
  const devIndex = (slug: string) => content.developers.findIndex((d) => d.slug === slug);
  content.vendorStatuses = vendorStatuses.sort(
    (a, b) =>
      devIndex(a.developerSlug) - devIndex(b.developerSlug) ||
      a.vulnerabilityOrdinal - b.vulnerabilityOrdinal,
  );

  // the finder: credit only as consented, with the name they chose; the received day
  if (c.report_id) {
    const r = await trx
      .selectFrom('reports')
      .select(['id', 'body_enc', 'consent_public_credit', 'decided_at', 'submitted_at', 'state'])
      .where('id', '=', c.report_id)
      .executeTakeFirst();
    if (r) {
      if (r.consent_public_credit) {
        const name = openBody(ctx.secrets, r.id, r.body_enc).creditName?.trim();
        if (name) content.credits = [{ ja: name, en: name } satisfies Bilingual];
      }
      content.receivedOn = jstDate(r.state === 'accepted' && r.decided_at ? r.decided_at : r.submitted_at);
    }
  }
  if (!content.receivedOn && coordination?.csirt_received_on)
    content.receivedOn = coordination.csirt_received_on;

  // a starting title: the vulnerability in the product, when there is one of each
  const [v1] = content.vulnerabilities;
  if (v1) {
    const product = content.products.length === 1 ? content.products[0] : undefined;
    content.title =
      product && content.vulnerabilities.length === 1
        ? {
            ja: `${product.name.ja}における${v1.title.ja}`,
            en: v1.title.en ? `${v1.title.en} in ${product.name.en || product.name.ja}` : '',
          }
        : { ...v1.title };
  }

  const kind = c.origin === 'csirt' || parties.length > 1 ? 'jvnvu' : 'jvn';
  return { content, kind };
}

export async function createAdvisory(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; ip?: string | null },
): Promise<{ advisoryId: string; created: boolean }> {
  authorize(actor, 'advisory.edit', { track: 'software' });
  const caseId = idOrNotFound(input.caseId);
  return ctx.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('cases')
      .select(['id', 'track'])
      .where('id', '=', caseId)
      .where('track', '=', 'software')
      .executeTakeFirst();
    if (!c) throw notFound();
    const existing = await advisoryOfCase(trx, c.id);
    if (existing) return { advisoryId: existing.id, created: false };
    const now = ctx.clock.now();
    const userId = userIdOf(actor);
    const id = randomUUID();
    const { content, kind } = await prefillContent(trx, ctx, c.id);
    const row = await trx
      .insertInto('advisories')
      .values({
        id,
        case_id: c.id,
        kind,
        content_enc: sealContent(ctx.secrets, id, content),
        created_at: now,
        created_by: userId,
        updated_at: now,
        updated_by: userId,
      })
      .onConflict((oc) => oc.column('case_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      // another start committed while this one was preparing: that one is the case's advisory
      const other = await advisoryOfCase(trx, c.id);
      if (!other) throw notFound();
      return { advisoryId: other.id, created: false };
    }
    const data = { advisoryId: id, kind };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.id,
      type: ADVISORY_EVENTS.created,
      actorUserId: userId,
      at: now,
      data,
    });
    await audit(trx, {
      actor,
      action: ADVISORY_EVENTS.created,
      subject: { type: 'case', id: c.id },
      ip: input.ip ?? null,
      detail: data,
    });
    return { advisoryId: id, created: true };
  });
}
