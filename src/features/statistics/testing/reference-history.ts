// A history (lines of docs/statistics-history-format.md) that reproduces the 2012-Q3 reference figures of the
// seeds' Appendix A (../shared/research/seeds-000-002-004.md): cumulative reports at the 12 quarter ends
// 2009Q4…2012Q3, software 1,424 / website 6,526, both status breakdowns, 35% published within 45 days, 47% / 66%
// fixed within 30 / 90 days with the exact within-90 trend, 667 domestic vs 830 overseas publications, the
// category shares (XSS 52, DNS 21, SQLi 13; threats 50/21/12; web application software 40%; cause 60%) and the
// 2012-Q3 operator types (157 reports, 156 accepted; 8% / 56% / 7%).
//
// Deterministic (a seeded generator): counts are exact by construction, days are spread so that every figure
// lands where the seeds say. Only the figures are reference data; which case got which day is made up.
import type { HistoryLine } from '../history-line.js';

type Line = Partial<HistoryLine> & Pick<HistoryLine, 'id' | 'track' | 'receivedOn'>;

export const REFERENCE_AS_OF = '2012-09-30';

/** Appendix A: cumulative reports and reports per business day at each quarter end. */
export const REFERENCE_CUMULATIVE: Record<string, [total: number, perBusinessDay: number]> = {
  '2009Q4': [5975, 4.47],
  '2010Q1': [6146, 4.4],
  '2010Q2': [6300, 4.32],
  '2010Q3': [6414, 4.22],
  '2010Q4': [6481, 4.1],
  '2011Q1': [6569, 4.01],
  '2011Q2': [6652, 3.92],
  '2011Q3': [6887, 3.91],
  '2011Q4': [7314, 4.02],
  '2012Q1': [7583, 4.03],
  '2012Q2': [7752, 3.99],
  '2012Q3': [7950, 3.96],
};

/** Appendix A: cumulative fixed, fixed within 90 days, share — at each quarter end. */
export const REFERENCE_WITHIN90: Record<string, [fixed: number, within90: number, pct: number]> = {
  '2009Q4': [2655, 1905, 72],
  '2010Q1': [2886, 2028, 70],
  '2010Q2': [3052, 2082, 68],
  '2010Q3': [3209, 2163, 67],
  '2010Q4': [3342, 2216, 66],
  '2011Q1': [3448, 2247, 65],
  '2011Q2': [3510, 2280, 65],
  '2011Q3': [3596, 2311, 64],
  '2011Q4': [3855, 2528, 66],
  '2012Q1': [4073, 2700, 66],
  '2012Q2': [4265, 2825, 66],
  '2012Q3': [4436, 2924, 66],
};

export const REFERENCE = {
  software: 1424,
  website: 6526,
  softwareStatus: {
    published: 667,
    handledIndividually: 20,
    notVulnerable: 60,
    inProgress: 474,
    notAccepted: 203,
  },
  websiteStatus: {
    fixed: 4436,
    fixedByOperationalWorkaround: 23,
    fixedByPageDeletion: 489,
    discontinuedAfterAlert: 1130,
    notVulnerable: 321,
    inProgress: 423,
    cannotContact: 54,
    notAccepted: 162,
  },
  publications: { domestic: 667, overseas: 830, overseasLast12Months: 151 },
  within45Pct: 35,
  within30Pct: 47,
  within90Pct: 66,
  softwareAcceptedBase: 1221,
  websiteAcceptedBase: 6364,
  productTypeWebApplicationPct: 40,
  causeWebApplicationPct: 60,
  vulnerabilityTypePct: { xss: 52, dns_misconfiguration: 21, sql_injection: 13 },
  threatPct: { fake_information: 50, domain_information_insertion: 21, data_tampering: 12 },
  operatorType2012Q3: {
    reports: 157,
    accepted: 156,
    listed_company: 8,
    unlisted_company: 56,
    other_company: 7,
  },
} as const;

// the counts chosen inside the ranges the rounded shares allow (e.g. 35% of 667: 231…236)
export const CHOSEN = {
  within45: 233, // 34.93% → 35
  within30: 2085, // of 4,436: 47.00% → 47
  productTypeWebApplication: 488, // of 1,221: 39.97% → 40
  causeWebApplication: 733, // 60.03% → 60
  xss: 3309, // of 6,364: 52.00%
  dns: 1336, // 20.99%
  sqli: 827, // 13.00%
  fakeInformation: 3182, // 50.00%
  domainInsertion: 1336, // 20.99% (the DNS misconfigurations)
  dataTampering: 764, // 12.01%
  operator2012Q3: { listed_company: 12, unlisted_company: 87, other_company: 11 }, // of 156: 7.7 / 55.8 / 7.1%
  softwareShareOfWindowReports: 0.2,
  softwareIn2012Q3: 41, // 198 − 157 website
} as const;

const SCHEME_START = '2004-07-08';
const QUARTERS = Object.keys(REFERENCE_CUMULATIVE);

// ---------------------------------------------------------------------------------------------- helpers

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => fromMs(toMs(d) + n * DAY);
export const daysBetween = (a: string, b: string) => Math.round((toMs(b) - toMs(a)) / DAY);
const min = (a: string, b: string) => (a < b ? a : b);
const quarterStart = (q: string) =>
  `${q.slice(0, 4)}-${String((Number(q[5]) - 1) * 3 + 1).padStart(2, '0')}-01`;
const quarterEnd = (q: string) => fromMs(Date.UTC(Number(q.slice(0, 4)), Number(q[5]) * 3, 0));

/** n days spread evenly over [from, to]. */
function spread(n: number, from: string, to: string): string[] {
  const len = daysBetween(from, to) + 1;
  return Array.from({ length: n }, (_, i) => addDays(from, Math.floor(((i + 0.5) * len) / n)));
}

export function generateReferenceHistory(seed = 2012_09_30): Line[] {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const asOf = REFERENCE_AS_OF;

  // 1. receipts: 5,975 up to 2009-12-31, then each quarter's increment; tracks split to the exact totals
  type Report = Line & { q: string };
  const periods: { q: string; from: string; to: string; n: number; software: number }[] = [];
  let prev = 0;
  let softwareSoFar = 0;
  for (const q of QUARTERS) {
    const total = REFERENCE_CUMULATIVE[q]![0];
    const n = total - prev;
    prev = total;
    const from = q === '2009Q4' ? SCHEME_START : quarterStart(q);
    let software: number;
    if (q === '2012Q3') software = CHOSEN.softwareIn2012Q3;
    else if (q === '2009Q4')
      software = 0; // filled below
    else software = Math.round(n * CHOSEN.softwareShareOfWindowReports);
    softwareSoFar += software;
    periods.push({ q, from, to: quarterEnd(q), n, software });
  }
  periods[0]!.software = REFERENCE.software - softwareSoFar;

  const software: Report[] = [];
  const website: Report[] = [];
  let seq = 0;
  for (const p of periods) {
    const tracks = shuffle([
      ...Array<'software'>(p.software).fill('software'),
      ...Array<'website'>(p.n - p.software).fill('website'),
    ]);
    spread(p.n, p.from, p.to).forEach((day, i) => {
      const track = tracks[i]!;
      const r: Report = { id: `REF-${String(++seq).padStart(5, '0')}`, track, receivedOn: day, q: p.q };
      (track === 'software' ? software : website).push(r);
    });
  }

  // 2. software: 不受理, then acceptance and outcomes
  const sw = REFERENCE.softwareStatus;
  const swCandidates = shuffle(software.filter((r) => r.receivedOn <= addDays(asOf, -10)));
  for (const r of swCandidates.slice(0, sw.notAccepted)) r.notAcceptedOn = addDays(r.receivedOn, int(1, 9));
  const swAccepted = software.filter((r) => !r.notAcceptedOn);
  for (const r of swAccepted) r.acceptedOn = min(addDays(r.receivedOn, int(0, 5)), asOf);
  const early = shuffle(swAccepted.filter((r) => r.acceptedOn! <= '2012-06-30'));
  const published = early.slice(0, sw.published);
  published.forEach((r, i) => {
    const room = daysBetween(r.acceptedOn!, asOf);
    const d = i < CHOSEN.within45 ? int(0, Math.min(45, room)) : int(46, Math.min(900, room));
    r.startOn = addDays(r.acceptedOn!, Math.min(d, int(0, 7)));
    r.publishedOn = addDays(r.acceptedOn!, d);
  });
  let at = sw.published;
  for (const [outcome, count] of [
    ['handled_individually', sw.handledIndividually],
    ['not_vulnerable', sw.notVulnerable],
  ] as const) {
    for (const r of early.slice(at, at + count)) {
      if (outcome === 'handled_individually') r.origin = 'developer_self';
      r.outcome = outcome;
      r.outcomeOn = min(addDays(r.acceptedOn!, int(10, 200)), asOf);
    }
    at += count;
  }
  for (const r of swAccepted)
    if (!r.outcome && !r.publishedOn) r.startOn = min(addDays(r.acceptedOn!, int(1, 14)), asOf);
  const productTypes = [
    'web_browser',
    'smartphone_app',
    'groupware',
    'router',
    'server_software',
    'os',
    'other',
  ] as const;
  const causes = [
    'specification_flaw',
    'certificate_validation',
    'buffer_overflow',
    'other_implementation_flaw',
  ] as const;
  shuffle(swAccepted).forEach((r, i) => {
    r.productType = i < CHOSEN.productTypeWebApplication ? 'web_application' : pick(productTypes);
  });
  shuffle(swAccepted).forEach((r, i) => {
    r.cause = i < CHOSEN.causeWebApplication ? 'web_application_vulnerability' : pick(causes);
  });

  // 3. website: 不受理 (one of them among the 157 of 2012Q3), acceptance
  const ws = REFERENCE.websiteStatus;
  const w2012q3 = website.filter((r) => r.q === '2012Q3');
  if (w2012q3.length !== REFERENCE.operatorType2012Q3.reports)
    throw new Error(`2012Q3 website ${w2012q3.length}`);
  const naQ3 = w2012q3.find((r) => r.receivedOn <= addDays(asOf, -10))!;
  naQ3.notAcceptedOn = addDays(naQ3.receivedOn, 3);
  const wCandidates = shuffle(website.filter((r) => r.q !== '2012Q3'));
  for (const r of wCandidates.slice(0, ws.notAccepted - 1))
    r.notAcceptedOn = addDays(r.receivedOn, int(1, 9));
  const wAccepted = website.filter((r) => !r.notAcceptedOn);
  for (const r of wAccepted) r.acceptedOn = min(addDays(r.receivedOn, int(0, 3)), asOf);

  // 4. the fixes: per period, the exact number fixed and fixed within 90 days (2,085 of them within 30), each a
  //    fix day and days from the notice; then matched, in notice order, to the earliest accepted reports
  type Slot = { fixOn: string; days: number; within90: boolean };
  const slots: Slot[] = [];
  let prevFixed = 0;
  let prev90 = 0;
  for (const q of QUARTERS) {
    const [fixed, w90] = REFERENCE_WITHIN90[q]!;
    const n = fixed - prevFixed;
    const n90 = w90 - prev90;
    prevFixed = fixed;
    prev90 = w90;
    const days = spread(n, q === '2009Q4' ? '2004-10-01' : quarterStart(q), quarterEnd(q));
    // the slow ones (> 90 days) among the later fix days of the period, so their notice is after the start
    const order = shuffle(days.map((_, i) => i).filter((i) => daysBetween(SCHEME_START, days[i]!) > 120));
    const slow = new Set(order.slice(0, n - n90));
    if (slow.size !== n - n90) throw new Error(`not enough late fix days in ${q}`);
    days.forEach((fixOn, i) => {
      slots.push({ fixOn, days: 0, within90: !slow.has(i) });
    });
  }
  const fast = shuffle(slots.filter((s) => s.within90));
  fast.forEach((s, i) => {
    s.days = i < CHOSEN.within30 ? int(0, 30) : int(31, 90);
  });
  for (const s of slots)
    if (!s.within90) s.days = int(91, Math.min(400, daysBetween(SCHEME_START, s.fixOn) - 20));
  const notices = slots
    .map((s) => ({ ...s, notifiedOn: addDays(s.fixOn, -s.days) }))
    .sort((a, b) => (a.notifiedOn < b.notifiedOn ? -1 : a.notifiedOn > b.notifiedOn ? 1 : 0));
  const byAcceptance = [...wAccepted].sort((a, b) =>
    a.acceptedOn! < b.acceptedOn! ? -1 : a.acceptedOn! > b.acceptedOn! ? 1 : 0,
  );
  const fixActions = shuffle([
    ...Array<'operational_workaround'>(ws.fixedByOperationalWorkaround).fill('operational_workaround'),
    ...Array<'page_deleted'>(ws.fixedByPageDeletion).fill('page_deleted'),
    ...Array<'fixed'>(ws.fixed - ws.fixedByOperationalWorkaround - ws.fixedByPageDeletion).fill('fixed'),
  ]);
  notices.forEach((s, i) => {
    const r = byAcceptance[i]!;
    if (r.acceptedOn! > s.notifiedOn)
      throw new Error(`no accepted website report before the notice of ${s.notifiedOn} (fix ${s.fixOn})`);
    r.notifiedOn = s.notifiedOn;
    r.outcome = 'fixed';
    r.outcomeOn = s.fixOn;
    r.fixAction = fixActions[i]!;
  });

  // 5. the other website outcomes among the rest; the in-progress ones are the latest
  const rest = byAcceptance.slice(slots.length);
  const open = rest.slice(rest.length - ws.inProgress);
  const closed = shuffle(rest.slice(0, rest.length - ws.inProgress));
  let k = 0;
  for (const [outcome, count] of [
    ['stopped_after_alert', ws.discontinuedAfterAlert],
    ['not_vulnerable', ws.notVulnerable],
    ['unreachable', ws.cannotContact],
  ] as const) {
    for (const r of closed.slice(k, k + count)) {
      r.notifiedOn = min(addDays(r.acceptedOn!, int(0, 5)), asOf);
      r.outcome = outcome;
      r.outcomeOn = min(addDays(r.notifiedOn, int(0, 300)), asOf);
    }
    k += count;
  }
  if (k !== closed.length) throw new Error(`website outcomes do not add up: ${k} of ${closed.length}`);
  for (const r of open) r.notifiedOn = min(addDays(r.acceptedOn!, int(0, 5)), asOf);

  // 6. website categories (accepted ones): type and threat together, operator types
  const otherTypes = [
    'path_traversal',
    'file_disclosure',
    'csrf',
    'http_header_injection',
    'auth_session',
    'other',
  ] as const;
  const otherThreats = [
    'personal_information_leak',
    'cookie_leak',
    'server_file_leak',
    'impersonation',
    'other',
  ] as const;
  shuffle(wAccepted).forEach((r, i) => {
    if (i < CHOSEN.xss) {
      r.websiteVulnerabilityType = 'xss';
      r.threat = i < CHOSEN.fakeInformation ? 'fake_information' : 'cookie_leak';
    } else if (i < CHOSEN.xss + CHOSEN.dns) {
      r.websiteVulnerabilityType = 'dns_misconfiguration';
      r.threat = 'domain_information_insertion';
    } else if (i < CHOSEN.xss + CHOSEN.dns + CHOSEN.sqli) {
      r.websiteVulnerabilityType = 'sql_injection';
      r.threat =
        i - CHOSEN.xss - CHOSEN.dns < CHOSEN.dataTampering ? 'data_tampering' : 'personal_information_leak';
    } else {
      r.websiteVulnerabilityType = pick(otherTypes);
      r.threat = pick(otherThreats);
    }
  });
  const otherOperators = [
    'local_government',
    'government_agency',
    'education',
    'association',
    'individual',
    'other',
  ] as const;
  const allOperators = [...otherOperators, 'listed_company', 'unlisted_company', 'other_company'] as const;
  const q3 = shuffle(w2012q3.filter((r) => !r.notAcceptedOn));
  const op = CHOSEN.operator2012Q3;
  q3.forEach((r, i) => {
    r.operatorType =
      i < op.listed_company
        ? 'listed_company'
        : i < op.listed_company + op.unlisted_company
          ? 'unlisted_company'
          : i < op.listed_company + op.unlisted_company + op.other_company
            ? 'other_company'
            : pick(otherOperators);
  });
  for (const r of wAccepted) r.operatorType ??= pick(allOperators);

  // 7. overseas CSIRTs' cases: publications only; 151 of the 830 in the last 12 months
  const overseas: Line[] = [];
  const recent = REFERENCE.publications.overseasLast12Months;
  [
    ...spread(REFERENCE.publications.overseas - recent, '2004-08-01', '2011-09-30'),
    ...spread(recent, '2011-10-01', asOf),
  ].forEach((publishedOn, i) => {
    const receivedOn = addDays(publishedOn, -int(0, 20));
    overseas.push({
      id: `REF-CSIRT-${String(i + 1).padStart(4, '0')}`,
      track: 'software',
      origin: 'overseas_csirt',
      receivedOn: receivedOn < SCHEME_START ? SCHEME_START : receivedOn,
      acceptedOn: receivedOn < SCHEME_START ? SCHEME_START : receivedOn,
      publishedOn,
    });
  });

  const strip = ({ q: _q, ...line }: Report): Line => line;
  return [...software.map(strip), ...website.map(strip), ...overseas].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The history as a JSONL text (what `keikai import-history` reads). */
export function referenceHistoryJsonl(seed?: number): string {
  return `${generateReferenceHistory(seed)
    .map((l) => JSON.stringify(l))
    .join('\n')}\n`;
}
