// 統計用の分類: staff classify a case for the statistics breakdowns the case tables do not record — the product
// type (S8), cause (S9) and the OSS / embedded / ICS flags (S7) of a product case, the threat (S14) and operator
// type (S16) of a website case. Each save appends one 'case.classified' event on the case stream holding every
// field of the case's track (a snapshot: the statistics projection takes the latest value of each field), with
// an audit entry, in one transaction; saving what is already there changes nothing.
//
// Who: the body that works the case's queue (`case.classify`) — the reception body its website cases, the
// coordination body its product cases (it holds the product and learns the cause; the reception body screens
// product reports but does not work them).
import {
  CAUSES,
  type CategoryList,
  isCategoryCode,
  OPERATOR_TYPES,
  PRODUCT_TYPES,
  THREATS,
} from '../../domain/statistics-categories.js';
import { FACT_EVENT_TYPES } from '../../domain/statistics-facts.js';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, type FieldErrors, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { isUuid } from '../directory/uuid.js';

/** The event the statistics projection reads the categories from (statistics-facts.ts). */
export const CASE_CLASSIFIED = FACT_EVENT_TYPES.classified;

export type CaseTrack = 'software' | 'website';

/** The fields of a product case's classification. */
export const SOFTWARE_FIELDS = ['productType', 'cause', 'oss', 'embedded', 'ics'] as const;
/** The fields of a website case's classification. */
export const WEBSITE_FIELDS = ['threat', 'operatorType'] as const;
const FLAGS = ['oss', 'embedded', 'ics'] as const;

/** Each select field and the category list its codes come from. */
export const FIELD_LISTS = {
  productType: 'productType',
  cause: 'cause',
  threat: 'threat',
  operatorType: 'operatorType',
} as const satisfies Record<string, CategoryList>;
export const FIELD_CODES = {
  productType: PRODUCT_TYPES,
  cause: CAUSES,
  threat: THREATS,
  operatorType: OPERATOR_TYPES,
} as const;

export type SoftwareClassification = {
  productType: string | null;
  cause: string | null;
  oss: boolean;
  embedded: boolean;
  ics: boolean;
};
export type WebsiteClassification = { threat: string | null; operatorType: string | null };
export type Classification = SoftwareClassification | WebsiteClassification;

export type ClassifyInput = {
  caseId: string;
  productType?: unknown;
  cause?: unknown;
  threat?: unknown;
  operatorType?: unknown;
  oss?: unknown;
  embedded?: unknown;
  ics?: unknown;
  ip?: string | null;
};

const fieldsOf = (track: CaseTrack): readonly string[] =>
  track === 'software' ? SOFTWARE_FIELDS : WEBSITE_FIELDS;

/** An empty choice (unclassified) or nothing posted. */
const blank = (v: unknown) => v === undefined || v === null || v === '';
/** A checkbox as posted ('on'), or a boolean from code; absent means unticked. */
function flagOf(v: unknown): boolean | 'bad' {
  if (blank(v) || v === false || v === 'false' || v === 'off') return false;
  if (v === true || v === 'on' || v === 'true' || v === '1') return true;
  return 'bad';
}

/**
 * The input as the case's track's classification, or the field errors (catalog keys): codes outside the domain
 * lists, and fields of the other track given a value.
 */
export function parseClassification(
  track: CaseTrack,
  input: Omit<ClassifyInput, 'caseId' | 'ip'>,
): { ok: true; value: Classification } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const own = fieldsOf(track);
  const raw = input as Record<string, unknown>;
  for (const f of [...SOFTWARE_FIELDS, ...WEBSITE_FIELDS]) {
    if (own.includes(f)) continue;
    const v = raw[f];
    if (!blank(v) && v !== false)
      errors[f] = [
        track === 'website'
          ? 'cases.classification.errors.softwareOnly'
          : 'cases.classification.errors.websiteOnly',
      ];
  }
  const code = (f: keyof typeof FIELD_LISTS): string | null => {
    const v = raw[f];
    if (blank(v)) return null;
    if (!isCategoryCode(FIELD_LISTS[f], v)) {
      errors[f] = [`cases.classification.errors.${f}`];
      return null;
    }
    return v as string;
  };
  const flag = (f: (typeof FLAGS)[number]): boolean => {
    const v = flagOf(raw[f]);
    if (v === 'bad') {
      errors[f] = ['cases.classification.errors.flag'];
      return false;
    }
    return v;
  };
  const value: Classification =
    track === 'software'
      ? {
          productType: code('productType'),
          cause: code('cause'),
          oss: flag('oss'),
          embedded: flag('embedded'),
          ics: flag('ics'),
        }
      : { threat: code('threat'), operatorType: code('operatorType') };
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

/** The case's classification as the latest 'case.classified' event left it (null: never classified). */
export async function currentClassification(
  db: Database,
  caseId: string,
  track: CaseTrack,
): Promise<Classification | null> {
  const rows = await db
    .selectFrom('events')
    .select('data')
    .where('stream_type', '=', 'case')
    .where('stream_id', '=', caseId)
    .where('type', '=', CASE_CLASSIFIED)
    .orderBy('at')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return null;
  // fold every event (latest wins per field), as the statistics projection does
  const acc: Record<string, unknown> = {};
  for (const r of rows) Object.assign(acc, r.data as Record<string, unknown>);
  const code = (f: keyof typeof FIELD_LISTS) =>
    isCategoryCode(FIELD_LISTS[f], acc[f]) ? (acc[f] as string) : null;
  return track === 'software'
    ? {
        productType: code('productType'),
        cause: code('cause'),
        oss: acc.oss === true,
        embedded: acc.embedded === true,
        ics: acc.ics === true,
      }
    : { threat: code('threat'), operatorType: code('operatorType') };
}

const same = (a: Classification, b: Classification) =>
  Object.keys(a).every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);

/** A staff member who may classify cases of some track: permission before anything is looked up. */
function authorizeAny(actor: Actor) {
  if (can(actor, 'case.classify', { track: 'software' })) return;
  authorize(actor, 'case.classify', { track: 'website' });
}

async function findCase(db: Database, caseId: string, lock: boolean) {
  if (!isUuid(caseId)) throw notFound();
  let q = db.selectFrom('cases').select(['id', 'track', 'reference']).where('id', '=', caseId);
  if (lock) q = q.forUpdate();
  const c = await q.executeTakeFirst();
  if (!c) throw notFound();
  return c;
}

/** The id of the case with this reference in this track (the pages' addresses), or 404. */
export async function caseIdByReference(db: Database, reference: string, track: CaseTrack): Promise<string> {
  if (typeof reference !== 'string' || reference.length > 100) throw notFound();
  const c = await db
    .selectFrom('cases')
    .select('id')
    .where('reference', '=', reference)
    .where('track', '=', track)
    .executeTakeFirst();
  if (!c) throw notFound();
  return c.id;
}

export async function classifyCase(
  ctx: AppContext,
  actor: Actor,
  input: ClassifyInput,
): Promise<{ changed: boolean; classification: Classification }> {
  authorizeAny(actor);
  return ctx.db.transaction().execute(async (trx) => {
    // the case row locked: two saves at once queue, so "nothing changed" is decided on the latest
    const c = await findCase(trx, input.caseId, true);
    const track = c.track as CaseTrack;
    authorize(actor, 'case.classify', { track });
    const parsed = parseClassification(track, input);
    if (!parsed.ok) throw new AppError('validation', 'errors.validation', parsed.errors);
    const current = await currentClassification(trx, c.id, track);
    if (current && same(current, parsed.value)) return { changed: false, classification: current };
    const now = ctx.clock.now();
    const userId = actor.kind === 'user' ? actor.userId : null;
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.id,
      type: CASE_CLASSIFIED,
      actorUserId: userId,
      at: now,
      data: parsed.value,
    });
    await audit(trx, {
      actor,
      action: CASE_CLASSIFIED,
      subject: { type: 'case', id: c.id },
      ip: input.ip ?? null,
      detail: { from: current, to: parsed.value },
    });
    return { changed: true, classification: parsed.value };
  });
}

/** What the form shows: the saved classification, or (never classified) what the case's data suggests. */
export type ClassificationView = {
  caseId: string;
  track: CaseTrack;
  /** the saved classification, or null */
  current: Classification | null;
  /** pre-selected values the data suggests (only when never classified); not saved until the form is sent */
  suggested: Partial<SoftwareClassification & WebsiteClassification>;
  /** the values the form starts with */
  values: Classification;
};

/** Operator types the directory entry makes obvious; anything else stays for the handler to choose. */
export function suggestedOperatorType(entry: {
  operatorKind: string | null;
  relayed: boolean;
  sector: string | null;
}): string | null {
  // a local government, or an operator reached through the local-government relay (総務省 → 都道府県 → 市町村)
  if (entry.operatorKind === 'local_government' || entry.relayed) return 'local_government';
  if (entry.operatorKind === 'individual') return 'individual';
  if (entry.sector === 'government') return 'government_agency';
  return null;
}

export async function showClassification(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string },
): Promise<ClassificationView> {
  authorizeAny(actor);
  const c = await findCase(ctx.db, input.caseId, false);
  const track = c.track as CaseTrack;
  authorize(actor, 'case.classify', { track });
  const current = await currentClassification(ctx.db, c.id, track);
  const suggested: ClassificationView['suggested'] = {};
  if (!current) {
    if (track === 'software') {
      const cc = await ctx.db
        .selectFrom('coordination_cases')
        .select('product_category')
        .where('case_id', '=', c.id)
        .executeTakeFirst();
      if (cc?.product_category === 'ics') suggested.ics = true;
    } else {
      const op = await ctx.db
        .selectFrom('website_cases as w')
        .innerJoin('organizations as o', 'o.id', 'w.operator_organization_id')
        .leftJoin('directory_entries as d', 'd.organization_id', 'o.id')
        .select(['d.operator_kind', 'd.relay_via_organization_id', 'o.sector'])
        .where('w.case_id', '=', c.id)
        .executeTakeFirst();
      if (op) {
        const s = suggestedOperatorType({
          operatorKind: op.operator_kind ?? null,
          relayed: !!op.relay_via_organization_id,
          sector: (op.sector as string | null) ?? null,
        });
        if (s) suggested.operatorType = s;
      }
    }
  }
  const values: Classification =
    current ??
    (track === 'software'
      ? {
          productType: null,
          cause: null,
          oss: false,
          embedded: false,
          ics: suggested.ics ?? false,
        }
      : { threat: null, operatorType: suggested.operatorType ?? null });
  return { caseId: c.id, track, current, suggested, values };
}
