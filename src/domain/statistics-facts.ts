// The pure rule from a report's history to its statistics fact (one row of statistics_facts, 0017_statistics.sql):
// which report is counted, in which track, with the JST day of each milestone. The projection
// (features/statistics/facts.ts) loads the rows and events and calls `deriveFact`; nothing here reads a clock.
//
// Rules (seeds 000/004 §1.2; ../shared/research/seeds-000-002-004.md §1):
// - one fact per report ('report:<id>'), following it through reclassification: the track is the report's
//   current one, and before the day of the last reclassification the one it had then (counted once, never in
//   both tracks). A case without a report (an overseas CSIRT's hand-over) is 'case:<id>'.
// - a duplicate (重複) counts as received and in progress until the day it was marked duplicate (duplicate_on: a
//   −1 that day), then no more: the report it duplicates carries on and is counted. Past days keep it.
// - 受理 / 不受理 are the screening decisions' days. A report discontinued (取りやめ) before acceptance is 不受理; after
//   acceptance it is 脆弱性ではない when the reason is "not a vulnerability", else 不受理 from that day — unless its
//   case reached an outcome on or before that day (published, fixed…): an outcome reached is kept, so a past
//   day's figures do not change when the report is discontinued later.
// - outcomes come from the report's live case (the one in its current track):
//   software: the first JVN publication → 公表済み; coordination ended as "not a vulnerability" → 脆弱性ではない;
//   ended as "the developer notifies its users" or "nothing new to handle" → 個別対応; else 取扱い中.
//   website: the case's outcome and fix action; "stopped after 9 months" is 取扱不可能 (unreachable).
// - categories the cases do not record yet (product type, cause, threat, operator type, OSS/embedded/ICS) come
//   from 'case.classified' events (the latest value of each field wins); unknown codes stay unclassified. A
//   classification applies from the report's receipt (retroactively): the figures by category of a past day
//   take today's classification — the one place where a past day's report can change when computed later.
// - days are kept consistent so that no count can go below zero (what 0017's checks require): a milestone
//   before the receipt is taken on the receipt day; a report not accepted before a reclassification stays in
//   the track it was not accepted in; an outcome before the reclassification day is taken on that day.
// - 個別対応 (handled individually) is for developers' own reports only (S3's definition, as the history file
//   requires): a finder's report whose coordination ended "the developer notifies its users" or "nothing new to
//   handle" stays 取扱い中 (in progress) — the Partnership's statistics count it as still handled.
// - 連絡不能 (S11): listed on the first party-unreachable; resumed on the first sign of the developer after it;
//   completed when the case is published or its coordination ends after the resumption.
// - 優先情報提供 (S10): each notification of a critical-infrastructure party (its sector, its day).
import { jstDate } from './business-days.js';
import {
  type FactOrigin,
  type FactTrack,
  type FixAction,
  isCategoryCode,
  type PrioritySector,
  type SoftwareOutcome,
  type WebsiteOutcome,
} from './statistics-categories.js';

export type FactOutcome = SoftwareOutcome | WebsiteOutcome;

export type HistoryEvent = { type: string; at: Date; data: Record<string, unknown> };

export type CaseHistory = {
  id: string;
  track: FactTrack;
  origin: 'report' | 'developer_self' | 'csirt';
  handedOverAt: Date;
  /** the case that replaced this one after a reclassification, or null for the live case */
  supersededBy: string | null;
  /** coordination: 起算日, the CSIRT's day, the product category */
  startDate: string | null;
  csirtReceivedOn: string | null;
  productCategory: string | null;
  /** website: the details notice, the outcome and fix action and when the case closed */
  website: {
    notifiedAt: Date | null;
    outcome: string | null;
    fixAction: string | null;
    closedAt: Date | null;
    vulnerabilityType: string | null;
  } | null;
  /** live developer parties (multi-vendor when more than one) */
  developerParties: number;
  events: HistoryEvent[];
};

export type ReportHistory = {
  id: string;
  track: FactTrack;
  source: 'form' | 'api' | 'developer_self';
  state: string;
  submittedAt: Date;
  websiteVulnerabilityType: string | null;
  events: HistoryEvent[];
};

export type FactInput = {
  report: ReportHistory | null;
  /** every case of the report (or the one case without a report) */
  cases: CaseHistory[];
  /** organization id → sector, for the critical-infrastructure organizations among the parties */
  sectors: ReadonlyMap<string, PrioritySector>;
};

export type DerivedFact = {
  key: string;
  track: FactTrack;
  track_before: FactTrack | null;
  reclassified_on: string | null;
  origin: FactOrigin;
  received_on: string;
  accepted_on: string | null;
  not_accepted_on: string | null;
  start_on: string | null;
  notified_on: string | null;
  published_on: string | null;
  outcome: FactOutcome | null;
  outcome_on: string | null;
  fix_action: FixAction | null;
  website_vulnerability_type: string | null;
  threat: string | null;
  product_type: string | null;
  cause: string | null;
  operator_type: string | null;
  multi_vendor: boolean;
  oss: boolean;
  embedded: boolean;
  ics: boolean;
  unreachable_listed_on: string | null;
  unreachable_resumed_on: string | null;
  unreachable_completed_on: string | null;
  /** the day it was marked a duplicate (counted until then) */
  duplicate_on: string | null;
  disclosures: { sector: PrioritySector; disclosed_on: string }[];
};

/** The event types the projection reads (everything else on a stream is ignored). */
export const FACT_EVENT_TYPES = {
  reportAccepted: 'report.accepted',
  reportNotAccepted: 'report.not_accepted',
  reportDiscontinued: 'report.discontinued',
  reportMarkedDuplicate: 'report.marked_duplicate',
  reportReclassified: 'report.reclassified',
  published: 'advisory.published',
  coordinationEnded: 'coordination.ended',
  partyNotified: 'coordination.party-notified',
  partyUnreachable: 'coordination.party-unreachable',
  classified: 'case.classified',
} as const;

/** Signs of a developer after it was listed unreachable (coordination resumed, 調整を再開). */
const DEVELOPER_SIGNS = new Set([
  'coordination.party-acknowledged',
  'coordination.party-opened',
  'coordination.status-changed',
  'coordination.schedule-responded',
  'coordination.suggestion-made',
]);

const WEBSITE_OUTCOME: Record<string, WebsiteOutcome> = {
  fixed: 'fixed',
  stopped_after_alert: 'stopped_after_alert',
  not_vulnerability: 'not_vulnerable',
  unreachable: 'unreachable',
  stopped_after_9_months: 'unreachable',
};

const ENDED_OUTCOME: Record<string, SoftwareOutcome> = {
  not_vulnerability: 'not_vulnerable',
  developer_notifies_users: 'handled_individually',
  no_new_handling: 'handled_individually',
};

const FIX_ACTIONS = new Set(['fixed', 'page_deleted', 'operational_workaround']);

function byTime(a: HistoryEvent, b: HistoryEvent): number {
  return a.at.getTime() - b.at.getTime();
}

/** The fact of a report (or of a case without one), or null when it is not counted (a duplicate). */
export function deriveFact(input: FactInput): DerivedFact | null {
  const { report } = input;
  const cases = [...input.cases].sort((a, b) => a.handedOverAt.getTime() - b.handedOverAt.getTime());
  if (!report && cases.length === 0) return null;
  const duplicateAt =
    report?.state === 'duplicate'
      ? [...report.events].sort(byTime).find((e) => e.type === FACT_EVENT_TYPES.reportMarkedDuplicate)?.at
      : undefined;
  if (report?.state === 'duplicate' && !duplicateAt) return null;

  const live = cases.find((c) => c.supersededBy === null) ?? null;
  const first = cases[0] ?? null;
  const track: FactTrack = report?.track ?? live?.track ?? first!.track;

  const fact: DerivedFact = {
    key: report ? `report:${report.id}` : `case:${first!.id}`,
    track,
    track_before: null,
    reclassified_on: null,
    origin: report
      ? report.source === 'developer_self'
        ? 'developer_self'
        : 'domestic'
      : first!.origin === 'csirt'
        ? 'overseas_csirt'
        : 'developer_self',
    received_on: report
      ? jstDate(report.submittedAt)
      : (first!.csirtReceivedOn ?? jstDate(first!.handedOverAt)),
    accepted_on: null,
    not_accepted_on: null,
    start_on: null,
    notified_on: null,
    published_on: null,
    outcome: null,
    outcome_on: null,
    fix_action: null,
    website_vulnerability_type: report?.websiteVulnerabilityType ?? null,
    threat: null,
    product_type: null,
    cause: null,
    operator_type: null,
    multi_vendor: false,
    oss: false,
    embedded: false,
    ics: false,
    unreachable_listed_on: null,
    unreachable_resumed_on: null,
    unreachable_completed_on: null,
    duplicate_on: null,
    disclosures: [],
  };

  let discontinued: { day: string; accepted: boolean; reason: unknown } | null = null;
  let receivedIn: FactTrack | null = null;
  if (report) {
    for (const e of [...report.events].sort(byTime)) {
      const day = jstDate(e.at);
      switch (e.type) {
        case FACT_EVENT_TYPES.reportAccepted:
          fact.accepted_on ??= day;
          break;
        case FACT_EVENT_TYPES.reportNotAccepted:
          fact.not_accepted_on ??= day;
          fact.accepted_on = null;
          break;
        case FACT_EVENT_TYPES.reportDiscontinued:
          // applied after the case's outcome is known (an outcome reached before it is kept)
          discontinued ??= { day, accepted: fact.accepted_on !== null, reason: e.data.reason };
          break;
        case FACT_EVENT_TYPES.reportReclassified: {
          // A fact holds one move (track_before until reclassified_on, then track). The track it was received in
          // is the first reclassification's "from"; it arrived for good in its current track on the last one.
          // Received in the track it is in now (A→B→A): no move at all — it counts in A throughout, the days it
          // spent in B included (one fact cannot hold two windows; the report is still counted once).
          const from = e.data.fromTrack;
          if (from !== 'software' && from !== 'website') break;
          receivedIn ??= from;
          if (receivedIn !== track) {
            fact.track_before = receivedIn;
            fact.reclassified_on = day;
          } else {
            fact.track_before = null;
            fact.reclassified_on = null;
          }
          break;
        }
      }
    }
  } else if (first) {
    // a case opened without a report (an overseas CSIRT's hand-over) is taken on the day it arrived
    fact.accepted_on = fact.received_on;
  }

  // categories and flags from any case of the report (latest wins per field)
  const allCaseEvents = cases.flatMap((c) => c.events).sort(byTime);
  for (const e of allCaseEvents) {
    if (e.type !== FACT_EVENT_TYPES.classified) continue;
    const d = e.data;
    if ('productType' in d)
      fact.product_type = isCategoryCode('productType', d.productType) ? (d.productType as string) : null;
    if ('cause' in d) fact.cause = isCategoryCode('cause', d.cause) ? (d.cause as string) : null;
    if ('threat' in d) fact.threat = isCategoryCode('threat', d.threat) ? (d.threat as string) : null;
    if ('operatorType' in d)
      fact.operator_type = isCategoryCode('operatorType', d.operatorType) ? (d.operatorType as string) : null;
    if (typeof d.oss === 'boolean') fact.oss = d.oss;
    if (typeof d.embedded === 'boolean') fact.embedded = d.embedded;
    if (typeof d.ics === 'boolean') fact.ics = d.ics;
  }

  if (duplicateAt) {
    fact.duplicate_on = jstDate(duplicateAt);
    fact.accepted_on = null;
    fact.not_accepted_on = null;
    return normalized(fact);
  }

  // the outcome and milestones come from the live case, in the report's current track; a report not accepted
  // has no live case outcome that counts
  const beforeCase: DerivedFact = { ...fact, disclosures: [] };
  const c = live && live.track === track ? live : null;
  if (c && !fact.not_accepted_on) {
    const events = [...c.events].sort(byTime);
    if (track === 'software') {
      fact.start_on = c.startDate;
      if (c.productCategory === 'ics') fact.ics = true;
      fact.multi_vendor = c.developerParties > 1;
      let ended: { outcome: SoftwareOutcome | null; day: string } | null = null;
      for (const e of events) {
        const day = jstDate(e.at);
        if (e.type === FACT_EVENT_TYPES.published) fact.published_on ??= day;
        // the first end that counts (an earlier "ready for publication" end, or one that maps to no outcome, is
        // followed by the real one)
        if (e.type === FACT_EVENT_TYPES.coordinationEnded && !ended?.outcome)
          ended = { outcome: endedOutcome(e.data.kind, fact.origin), day };
        if (e.type === FACT_EVENT_TYPES.partyUnreachable) fact.unreachable_listed_on ??= day;
        else if (fact.unreachable_listed_on && !fact.unreachable_resumed_on && DEVELOPER_SIGNS.has(e.type))
          fact.unreachable_resumed_on = day;
        else if (
          fact.unreachable_resumed_on &&
          !fact.unreachable_completed_on &&
          (e.type === FACT_EVENT_TYPES.published || e.type === FACT_EVENT_TYPES.coordinationEnded)
        )
          fact.unreachable_completed_on = day;
        if (e.type === FACT_EVENT_TYPES.partyNotified) {
          const sector = input.sectors.get(String(e.data.organizationId));
          if (sector && !fact.disclosures.some((x) => x.sector === sector && x.disclosed_on === day))
            fact.disclosures.push({ sector, disclosed_on: day });
        }
      }
      if (fact.outcome === null) {
        if (fact.published_on) {
          fact.outcome = 'published';
          fact.outcome_on = fact.published_on;
        } else if (ended?.outcome) {
          fact.outcome = ended.outcome;
          fact.outcome_on = ended.day;
        }
      }
    } else if (c.website) {
      const w = c.website;
      fact.website_vulnerability_type = w.vulnerabilityType ?? fact.website_vulnerability_type;
      if (w.notifiedAt) fact.notified_on = jstDate(w.notifiedAt);
      const outcome = w.outcome ? WEBSITE_OUTCOME[w.outcome] : undefined;
      if (fact.outcome === null && outcome && w.closedAt) {
        fact.outcome = outcome;
        fact.outcome_on = jstDate(w.closedAt);
        if (outcome === 'fixed')
          fact.fix_action = FIX_ACTIONS.has(String(w.fixAction)) ? (w.fixAction as FixAction) : 'fixed';
      }
    }
  }
  if (discontinued && !(fact.outcome !== null && fact.outcome_on! <= discontinued.day)) {
    if (discontinued.accepted && discontinued.reason === 'not_vulnerability') {
      fact.outcome = 'not_vulnerable';
      fact.outcome_on = discontinued.day;
    } else {
      // 不受理 from that day: nothing of the case counts (as a report not accepted)
      Object.assign(fact, beforeCase, { not_accepted_on: discontinued.day, accepted_on: null });
      fact.disclosures = [];
    }
  }
  if (fact.outcome !== null && fact.outcome !== 'fixed') fact.fix_action = null;
  if (!isCategoryCode('websiteVulnerabilityType', fact.website_vulnerability_type))
    fact.website_vulnerability_type = null;
  // a software report 'not_vulnerable' by a website-only code, or the reverse, cannot happen: both tracks share it
  return normalized(fact);
}

function endedOutcome(kind: unknown, origin: FactOrigin): SoftwareOutcome | null {
  const outcome = ENDED_OUTCOME[String(kind)] ?? null;
  // 個別対応 is a developer's own report handled by the developer (S3); a finder's report so ended stays in progress
  if (outcome === 'handled_individually' && origin !== 'developer_self') return null;
  return outcome;
}

/** The days made consistent, so that no delta of the rollup can make a count negative (0017's checks). */
function normalized(fact: DerivedFact): DerivedFact {
  const r = fact.received_on;
  const notBeforeReceipt = (d: string | null) => (d !== null && d < r ? r : d);
  fact.accepted_on = notBeforeReceipt(fact.accepted_on);
  fact.not_accepted_on = notBeforeReceipt(fact.not_accepted_on);
  fact.outcome_on = notBeforeReceipt(fact.outcome_on);
  fact.reclassified_on = notBeforeReceipt(fact.reclassified_on);
  fact.duplicate_on = notBeforeReceipt(fact.duplicate_on);
  if (fact.track_before && fact.reclassified_on) {
    const end = fact.not_accepted_on ?? fact.duplicate_on;
    if (end !== null && end < fact.reclassified_on) {
      // not accepted (or a duplicate) in the track it had then: it ended there
      fact.track = fact.track_before;
      fact.track_before = null;
      fact.reclassified_on = null;
    } else if (fact.outcome_on !== null && fact.outcome_on < fact.reclassified_on) {
      fact.outcome_on = fact.reclassified_on;
      if (fact.outcome === 'published') fact.published_on = fact.reclassified_on;
    }
  }
  if (fact.published_on !== null && fact.published_on < r && fact.origin !== 'overseas_csirt')
    fact.published_on = r;
  return fact;
}
