// One line of a history file (`keikai import-history FILE.jsonl`, docs/statistics-history-format.md): the zod
// schema of one past case and its mapping to a statistics fact (statistics_facts, 0017_statistics.sql). Pure: no
// database, no clock. Codes come from src/domain/statistics-categories.ts, so the file format can never accept a
// code the engine does not count.
import { z } from 'zod';
import {
  CAUSES,
  FACT_ORIGINS,
  FACT_TRACKS,
  FIX_ACTIONS,
  isDay,
  OPERATOR_TYPES,
  PRIORITY_SECTORS,
  PRODUCT_TYPES,
  SOFTWARE_OUTCOMES,
  THREATS,
  WEBSITE_OUTCOMES,
  WEBSITE_VULNERABILITY_TYPES,
} from '../../domain/statistics-categories.js';
import type { StatisticsFactsTable } from '../../platform/db/schema/statistics.js';
import { lineMessage } from './history-line-messages.js';

/** Every outcome a line may name (software ones for software, website ones for website). */
export const HISTORY_OUTCOMES = [...new Set([...SOFTWARE_OUTCOMES, ...WEBSITE_OUTCOMES])] as const;

/** The domain's one day checker (no Date built: a million lines check several days each). */
export const isCalendarDay = (s: string): boolean => isDay(s);
/** The first year a history day may have: the scheme began in 2004; a year like 0000 is a typo PostgreSQL refuses. */
export const FIRST_HISTORY_YEAR = 1900;
const day = z
  .string()
  .refine(isCalendarDay, { message: 'must be a calendar day written YYYY-MM-DD' })
  .refine((s) => !isCalendarDay(s) || Number(s.slice(0, 4)) >= FIRST_HISTORY_YEAR, {
    message: `must be in ${FIRST_HISTORY_YEAR} or later`,
  });
const optionalDay = day.nullish();

/** The external id: any text without control characters, 1–200 characters (the key is 'import:<id>'). */
const externalId = z
  .string()
  .min(1)
  .max(200)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must not contain control characters' });

export const historyLineSchema = z
  .strictObject({
    id: externalId,
    track: z.enum(FACT_TRACKS),
    origin: z.enum(FACT_ORIGINS).default('domestic'),
    receivedOn: day,
    acceptedOn: optionalDay,
    notAcceptedOn: optionalDay,
    startOn: optionalDay,
    notifiedOn: optionalDay,
    publishedOn: optionalDay,
    outcome: z.enum(HISTORY_OUTCOMES).nullish(),
    outcomeOn: optionalDay,
    fixAction: z.enum(FIX_ACTIONS).nullish(),
    reclassifiedFrom: z.enum(FACT_TRACKS).nullish(),
    reclassifiedOn: optionalDay,
    websiteVulnerabilityType: z.enum(WEBSITE_VULNERABILITY_TYPES).nullish(),
    threat: z.enum(THREATS).nullish(),
    operatorType: z.enum(OPERATOR_TYPES).nullish(),
    productType: z.enum(PRODUCT_TYPES).nullish(),
    cause: z.enum(CAUSES).nullish(),
    multiVendor: z.boolean().default(false),
    oss: z.boolean().default(false),
    embedded: z.boolean().default(false),
    ics: z.boolean().default(false),
    unreachableListedOn: optionalDay,
    unreachableResumedOn: optionalDay,
    unreachableCompletedOn: optionalDay,
    priorityDisclosures: z
      .array(z.strictObject({ sector: z.enum(PRIORITY_SECTORS), disclosedOn: day }))
      .max(100)
      .default([]),
  })
  .superRefine((l, ctx) => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const software = l.track === 'software';
    const notBefore = (
      field: keyof typeof l,
      value: string | null | undefined,
      other: string,
      what: string,
    ) => {
      if (value && value < other) fail(field, `must not be before ${what} (${other})`);
    };
    // which fields belong to which track
    const websiteOnly = [
      'notifiedOn',
      'fixAction',
      'websiteVulnerabilityType',
      'threat',
      'operatorType',
    ] as const;
    const softwareOnly = [
      'startOn',
      'publishedOn',
      'productType',
      'cause',
      'unreachableListedOn',
      'unreachableResumedOn',
      'unreachableCompletedOn',
    ] as const;
    for (const f of software ? websiteOnly : softwareOnly)
      if (l[f] != null) fail(f, `is for ${software ? 'website' : 'software'} cases only`);
    for (const f of ['multiVendor', 'oss', 'embedded', 'ics'] as const)
      if (!software && l[f]) fail(f, 'is for software cases only');
    if (!software && l.priorityDisclosures.length > 0)
      fail('priorityDisclosures', 'is for software cases only');
    if (l.origin !== 'domestic' && !software) fail('origin', `"${l.origin}" is for software cases only`);

    // acceptance
    if (l.acceptedOn && l.notAcceptedOn) fail('notAcceptedOn', 'a case is either accepted or not accepted');
    notBefore('acceptedOn', l.acceptedOn, l.receivedOn, 'receivedOn');
    notBefore('notAcceptedOn', l.notAcceptedOn, l.receivedOn, 'receivedOn');
    const accepted = l.acceptedOn ?? l.receivedOn;
    if (l.notAcceptedOn) {
      for (const f of ['outcome', 'publishedOn', 'notifiedOn', 'startOn'] as const)
        if (l[f] != null) fail(f, 'a case not accepted (notAcceptedOn) has no later milestone');
    }
    notBefore('startOn', l.startOn, accepted, 'acceptance');
    notBefore('notifiedOn', l.notifiedOn, accepted, 'acceptance');
    notBefore('publishedOn', l.publishedOn, accepted, 'acceptance');

    // outcome
    if ((l.outcome == null) !== (l.outcomeOn == null) && !(l.outcome === 'published' && l.publishedOn))
      fail(l.outcome == null ? 'outcome' : 'outcomeOn', 'outcome and outcomeOn go together');
    if (l.outcome != null) {
      const allowed: readonly string[] = software ? SOFTWARE_OUTCOMES : WEBSITE_OUTCOMES;
      if (!allowed.includes(l.outcome))
        fail('outcome', `"${l.outcome}" is not a ${l.track} outcome (${allowed.join(', ')})`);
      if (l.outcome === 'handled_individually' && l.origin !== 'developer_self')
        fail('outcome', 'handled_individually is for developer self-reports only (origin "developer_self")');
    }
    if (l.outcome === 'fixed' && l.fixAction == null)
      fail('fixAction', 'is required when the outcome is fixed');
    // the days S12 and S6 count from: without them the case would silently leave those figures' bases
    if (l.outcome === 'fixed' && !l.notifiedOn) fail('notifiedOn', 'is required when the outcome is fixed');
    if (
      software &&
      l.origin !== 'overseas_csirt' &&
      (l.outcome === 'published' || l.publishedOn) &&
      !l.acceptedOn &&
      !l.notAcceptedOn
    )
      fail('acceptedOn', 'is required for a published case');
    if (l.outcome !== 'fixed' && l.fixAction != null) fail('fixAction', 'is only for the outcome fixed');
    if (l.outcome === 'published' && !l.publishedOn)
      fail('publishedOn', 'is required when the outcome is published');
    if (l.outcome === 'published' && l.publishedOn && l.outcomeOn && l.outcomeOn !== l.publishedOn)
      fail('outcomeOn', 'must equal publishedOn when the outcome is published');
    if (software && l.publishedOn && l.outcome != null && l.outcome !== 'published')
      fail('outcome', 'a published software case has the outcome published');
    if (l.origin === 'overseas_csirt' && !l.publishedOn)
      fail('publishedOn', 'an overseas CSIRT case is counted only as a publication: publishedOn is required');
    notBefore('outcomeOn', l.outcomeOn, accepted, 'acceptance');
    if (l.outcome === 'fixed') notBefore('outcomeOn', l.outcomeOn, l.notifiedOn ?? accepted, 'notifiedOn');

    // reclassification
    if ((l.reclassifiedFrom == null) !== (l.reclassifiedOn == null))
      fail(
        l.reclassifiedFrom == null ? 'reclassifiedFrom' : 'reclassifiedOn',
        'reclassifiedFrom and reclassifiedOn go together',
      );
    if (l.reclassifiedFrom != null && l.reclassifiedFrom === l.track)
      fail('reclassifiedFrom', 'must be the other track');
    notBefore('reclassifiedOn', l.reclassifiedOn, l.receivedOn, 'receivedOn');
    // a reclassification happens while the case is in progress: after its 不受理 or its outcome, the rollup
    // would move a case no longer in progress (a negative count; 0017's checks refuse it too)
    if (l.reclassifiedOn) {
      const ended =
        l.outcomeOn ?? (l.outcome === 'published' || (software && l.publishedOn) ? l.publishedOn : null);
      if (l.notAcceptedOn && l.reclassifiedOn > l.notAcceptedOn)
        fail('reclassifiedOn', `must not be after notAcceptedOn (${l.notAcceptedOn})`);
      if (ended && l.reclassifiedOn > ended)
        fail('reclassifiedOn', `must not be after the outcome (${ended})`);
    }

    // unreachable developer
    if (l.unreachableResumedOn && !l.unreachableListedOn)
      fail('unreachableResumedOn', 'needs unreachableListedOn');
    if (l.unreachableCompletedOn && !l.unreachableResumedOn)
      fail('unreachableCompletedOn', 'needs unreachableResumedOn');
    if (l.unreachableListedOn)
      notBefore('unreachableResumedOn', l.unreachableResumedOn, l.unreachableListedOn, 'unreachableListedOn');
    if (l.unreachableResumedOn)
      notBefore(
        'unreachableCompletedOn',
        l.unreachableCompletedOn,
        l.unreachableResumedOn,
        'unreachableResumedOn',
      );

    const seen = new Set<string>();
    l.priorityDisclosures.forEach((p, i) => {
      const k = `${p.sector} ${p.disclosedOn}`;
      if (seen.has(k))
        ctx.addIssue({ code: 'custom', path: ['priorityDisclosures', i], message: 'listed twice' });
      seen.add(k);
    });
  });

export type HistoryLine = z.output<typeof historyLineSchema>;

/** A fact row as the import writes it (days as 'YYYY-MM-DD'). */
export type HistoryFact = {
  [K in Exclude<keyof StatisticsFactsTable, 'updated_at'>]: K extends 'source'
    ? 'import'
    : StatisticsFactsTable[K] extends import('kysely').ColumnType<infer S, infer _I, infer _U>
      ? S extends Date
        ? string
        : S extends Date | null
          ? string | null
          : S
      : StatisticsFactsTable[K];
};

export type HistoryRecord = {
  fact: HistoryFact;
  disclosures: { sector: (typeof PRIORITY_SECTORS)[number]; disclosed_on: string }[];
};

export const IMPORT_KEY_PREFIX = 'import:';

/** The fact of a valid line. */
export function historyLineToFact(l: HistoryLine): HistoryRecord {
  // a software case with a publication day is published (公表済み), whether or not the line says so
  const outcome = l.outcome ?? (l.track === 'software' && l.publishedOn ? 'published' : null);
  return {
    fact: {
      key: `${IMPORT_KEY_PREFIX}${l.id}`,
      source: 'import',
      track: l.track,
      track_before: l.reclassifiedFrom ?? null,
      reclassified_on: l.reclassifiedOn ?? null,
      origin: l.origin,
      received_on: l.receivedOn,
      // an overseas CSIRT's case is taken on the day it arrived (as the live projection does)
      accepted_on: l.acceptedOn ?? (l.origin === 'overseas_csirt' ? l.receivedOn : null),
      not_accepted_on: l.notAcceptedOn ?? null,
      start_on: l.startOn ?? null,
      notified_on: l.notifiedOn ?? null,
      published_on: l.publishedOn ?? null,
      outcome,
      outcome_on: outcome === 'published' ? (l.publishedOn ?? null) : outcome ? (l.outcomeOn ?? null) : null,
      fix_action: outcome === 'fixed' ? (l.fixAction ?? null) : null,
      website_vulnerability_type: l.websiteVulnerabilityType ?? null,
      threat: l.threat ?? null,
      product_type: l.productType ?? null,
      cause: l.cause ?? null,
      operator_type: l.operatorType ?? null,
      multi_vendor: l.multiVendor,
      oss: l.oss,
      embedded: l.embedded,
      ics: l.ics,
      unreachable_listed_on: l.unreachableListedOn ?? null,
      unreachable_resumed_on: l.unreachableResumedOn ?? null,
      unreachable_completed_on: l.unreachableCompletedOn ?? null,
      duplicate_on: null,
    },
    disclosures: l.priorityDisclosures.map((p) => ({ sector: p.sector, disclosed_on: p.disclosedOn })),
  };
}

/**
 * The record of a line already checked by parseHistoryLine (the import's second pass): JSON.parse and the
 * schema's defaults only — the import makes sure the file did not change in between.
 */
export function checkedLineToRecord(text: string): HistoryRecord {
  const raw = JSON.parse(text) as Partial<HistoryLine> & Pick<HistoryLine, 'id' | 'track' | 'receivedOn'>;
  return historyLineToFact({
    ...raw,
    origin: raw.origin ?? 'domestic',
    multiVendor: raw.multiVendor ?? false,
    oss: raw.oss ?? false,
    embedded: raw.embedded ?? false,
    ics: raw.ics ?? false,
    priorityDisclosures: raw.priorityDisclosures ?? [],
  });
}

export type LineError = { line: number; field: string | null; message: string };

/** Parses and checks one line of text (its 1-based number for the error), giving the record or the errors. */
export function parseHistoryLine(
  text: string,
  line: number,
): { ok: true; line: HistoryLine; record: HistoryRecord } | { ok: false; errors: LineError[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ line, field: null, message: `not JSON: ${(err as Error).message}` }] };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, errors: [{ line, field: null, message: 'must be one JSON object' }] };
  const r = historyLineSchema.safeParse(json);
  if (!r.success) {
    return {
      ok: false,
      errors: r.error.issues.map((i) => ({
        line,
        field: i.path.length ? i.path.map(String).join('.') : null,
        message: issueMessage(i),
      })),
    };
  }
  return { ok: true, line: r.data, record: historyLineToFact(r.data) };
}

function issueMessage(i: z.core.$ZodIssue): string {
  if (i.code === 'invalid_value' && 'values' in i)
    return `must be one of ${(i.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (i.code === 'unrecognized_keys')
    return `unknown field(s) ${i.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  if (i.code === 'invalid_type' && i.input === undefined) return 'is required';
  return i.message;
}

/** One error as the command prints it, in the reader's language (ja or en). */
export function formatLineError(e: LineError, locale = 'en'): string {
  const where =
    locale === 'ja'
      ? `${e.line} 行目${e.field ? `、${e.field}` : ''}`
      : `line ${e.line}${e.field ? `, ${e.field}` : ''}`;
  return `${where}: ${lineMessage(e.message, locale)}`;
}
