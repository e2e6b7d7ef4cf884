// The engine on real PostgreSQL over facts written directly (as the history import writes them): every
// definition of S1–S16 at its edges — the quarter a report falls in by its JST day, day 45 / 30 / 90 in and day
// 46 / 31 / 91 out, holidays and the year-end closure in the per-business-day rate, 不受理 in the status
// breakdowns and out of the category bases, a reclassified report counted once (in the track it had that day),
// and a past as-of day blind to everything after it.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Insertable } from 'kysely';
import { createBusinessCalendar } from '../../domain/business-days.js';
import { createDatabase, type Database } from '../../platform/db/database.js';
import type { StatisticsFactsTable } from '../../platform/db/schema/statistics.js';
import { createTestDatabase, type TestDatabase } from '../../testing/database.js';
import { computeReport, InvalidAsOfError } from './compute-report.js';

type FactRow = {
  [K in keyof StatisticsFactsTable]?: unknown;
};

let seq = 0;
function fact(over: FactRow) {
  seq++;
  return {
    key: `import:t${seq}`,
    source: 'import',
    track: 'software',
    origin: 'domestic',
    received_on: '2012-07-02',
    ...over,
  };
}

describe('computeReport over the facts', () => {
  let database: TestDatabase;
  let db: Database;
  let pool: { end(): Promise<void> };
  const ctx = () => ({ db });
  const insert = async (...rows: FactRow[]) => {
    await db
      .insertInto('statistics_facts')
      .values(rows.map(fact) as unknown as Insertable<StatisticsFactsTable>[])
      .execute();
  };

  before(async () => {
    database = await createTestDatabase();
    const made = createDatabase(database.url, { max: 4 });
    db = made.db;
    pool = made.pool;
  });
  after(async () => {
    await db.destroy();
    await database.drop();
    void pool;
  });
  beforeEach(async () => {
    await db.deleteFrom('statistics_priority_disclosures').execute();
    await db.deleteFrom('statistics_facts').execute();
  });

  it('counts a report received on the last day of a quarter in that quarter, and the next day in the next', async () => {
    await insert({ received_on: '2012-09-30' }, { received_on: '2012-10-01', track: 'website' });
    const q3 = await computeReport(ctx(), '2012-09-30');
    assert.equal(q3.quarter, '2012Q3');
    assert.deepEqual(q3.totals, { software: 1, website: 0, total: 1 });
    const q4 = await computeReport(ctx(), '2012-12-31');
    const [last, current] = q4.cumulativeByQuarter.slice(-2);
    assert.equal(last?.quarter, '2012Q3');
    assert.deepEqual(last?.inQuarter, { software: 1, website: 0 });
    assert.equal(last?.total, 1);
    assert.equal(current?.quarter, '2012Q4');
    assert.equal(current?.end, '2012-12-31');
    assert.deepEqual(current?.inQuarter, { software: 0, website: 1 });
    assert.equal(current?.total, 2);
    assert.equal(q4.cumulativeByQuarter.length, 12);
    assert.equal(q4.cumulativeByQuarter[0]?.quarter, '2010Q1');
  });

  it('divides by business days from the scheme start to the quarter end: weekends, holidays and 12/29–1/3 closed', async () => {
    await insert(...Array.from({ length: 7950 }, () => ({ received_on: '2012-01-05' })));
    const r = await computeReport(ctx(), '2012-09-30');
    const q = r.cumulativeByQuarter.at(-1)!;
    const cal = createBusinessCalendar();
    assert.equal(q.businessDays, cal.businessDaysSinceSchemeStart('2012-09-30'));
    // the published rate for 2012Q3 (Appendix A): 7,950 reports, 3.96 a business day
    assert.equal(q.perBusinessDay, 3.96);
    // without the year-end closure the divisor is larger by the closed weekdays
    const open = await computeReport(ctx(), '2012-09-30', { calendar: { yearEndClosure: false } });
    assert.ok(open.cumulativeByQuarter.at(-1)!.businessDays > q.businessDays);
    // a past quarter end before any report: no division by zero
    const early = await computeReport(ctx(), '2004-07-08');
    assert.equal(early.cumulativeByQuarter.at(-1)!.businessDays, 1);
    assert.equal(early.cumulativeByQuarter[0]!.businessDays, 0);
    assert.equal(early.cumulativeByQuarter[0]!.perBusinessDay, 0);
  });

  it('breaks down software statuses with 不受理, and takes category bases without it', async () => {
    await insert(
      {
        accepted_on: '2012-07-03',
        published_on: '2012-08-01',
        outcome: 'published',
        outcome_on: '2012-08-01',
        product_type: 'web_application',
        cause: 'web_application_vulnerability',
      },
      {
        origin: 'developer_self',
        accepted_on: '2012-07-03',
        outcome: 'handled_individually',
        outcome_on: '2012-08-01',
        product_type: 'router',
      },
      { accepted_on: '2012-07-03', outcome: 'not_vulnerable', outcome_on: '2012-08-01' },
      { accepted_on: '2012-07-03' },
      {},
      { not_accepted_on: '2012-07-04', product_type: 'web_application' },
    );
    const r = await computeReport(ctx(), '2012-09-30');
    assert.deepEqual(r.softwareStatus, {
      published: 1,
      handledIndividually: 1,
      notVulnerable: 1,
      inProgress: 2,
      notAccepted: 1,
      total: 6,
    });
    // the base is every report that is not 不受理 (undecided ones included, as 1,221 = 1,424 − 203)
    assert.equal(r.softwareByProductType.base, 5);
    const web = r.softwareByProductType.cumulative.find((c) => c.category === 'web_application');
    assert.deepEqual(web, { category: 'web_application', count: 1, pct: 20 });
    const unclassified = r.softwareByProductType.cumulative.find((c) => c.category === 'unclassified');
    assert.equal(unclassified?.count, 3);
    assert.equal(r.softwareByProductType.byQuarter.at(-1)?.base, 5);
    assert.equal(r.softwareByCause.cumulative[0]?.category, 'web_application_vulnerability');
    assert.equal(r.softwareByCause.cumulative[0]?.count, 1);
    assert.equal(r.publications.domestic, 1);
    assert.equal(r.publications.inQuarter.domestic, 1);
  });

  it('breaks down website statuses with the parts of 修正完了, and types, threats and operators without 不受理', async () => {
    const w = { track: 'website', accepted_on: '2012-07-03', notified_on: '2012-07-05' };
    await insert(
      {
        ...w,
        outcome: 'fixed',
        outcome_on: '2012-08-01',
        fix_action: 'fixed',
        website_vulnerability_type: 'xss',
        threat: 'fake_information',
        operator_type: 'unlisted_company',
      },
      {
        ...w,
        outcome: 'fixed',
        outcome_on: '2012-08-01',
        fix_action: 'page_deleted',
        website_vulnerability_type: 'xss',
      },
      {
        ...w,
        outcome: 'fixed',
        outcome_on: '2012-08-01',
        fix_action: 'operational_workaround',
        website_vulnerability_type: 'sql_injection',
      },
      { ...w, outcome: 'stopped_after_alert', outcome_on: '2012-08-01' },
      { ...w, outcome: 'not_vulnerable', outcome_on: '2012-08-01' },
      { ...w, outcome: 'unreachable', outcome_on: '2012-08-01' },
      { ...w },
      {
        track: 'website',
        not_accepted_on: '2012-07-03',
        website_vulnerability_type: 'xss',
        threat: 'fake_information',
        operator_type: 'unlisted_company',
      },
    );
    const r = await computeReport(ctx(), '2012-09-30');
    assert.deepEqual(r.websiteStatus, {
      fixed: 3,
      fixedByOperationalWorkaround: 1,
      fixedByPageDeletion: 1,
      discontinuedAfterAlert: 1,
      notVulnerable: 1,
      inProgress: 1,
      cannotContact: 1,
      notAccepted: 1,
      total: 8,
    });
    assert.equal(r.websiteByVulnerabilityType.base, 7);
    assert.equal(r.websiteByVulnerabilityType.cumulative.find((c) => c.category === 'xss')?.count, 2);
    assert.equal(r.websiteByThreat.cumulative.find((c) => c.category === 'fake_information')?.count, 1);
    assert.equal(r.websiteByOperatorType.cumulative.find((c) => c.category === 'unlisted_company')?.count, 1);
    assert.equal(r.websiteByOperatorType.byQuarter.length, 8);
    assert.equal(r.websiteByThreat.byQuarter.length, 12);
  });

  it('counts publication within 45 days from acceptance: day 45 in, day 46 out; published only', async () => {
    await insert(
      {
        received_on: '2012-07-01',
        accepted_on: '2012-07-01',
        published_on: '2012-08-15',
        outcome: 'published',
        outcome_on: '2012-08-15',
      }, // 45
      {
        received_on: '2012-07-01',
        accepted_on: '2012-07-01',
        published_on: '2012-08-16',
        outcome: 'published',
        outcome_on: '2012-08-16',
      }, // 46
      {
        received_on: '2012-07-01',
        accepted_on: '2012-07-01',
        published_on: '2012-07-01',
        outcome: 'published',
        outcome_on: '2012-07-01',
      }, // 0
      { received_on: '2012-07-01', accepted_on: '2012-07-01' },
    );
    const r = await computeReport(ctx(), '2012-09-30');
    assert.equal(r.daysToPublication.base, 3);
    assert.equal(r.daysToPublication.within45, 2);
    assert.equal(r.daysToPublication.within45Pct, 67);
    const h = r.daysToPublication.histogram;
    assert.equal(
      h.reduce((a, b) => a + b.count, 0),
      3,
    );
    const b45 = h.find((b) => b.from <= 45 && (b.to === null || b.to >= 45))!;
    const b46 = h.find((b) => b.from <= 46 && (b.to === null || b.to >= 46))!;
    assert.notEqual(b45, b46, 'the default buckets keep 45 and 46 apart');
    assert.equal(b45.count, 1);
    assert.equal(b46.count, 1);
  });

  it('counts a fix on day 30 within 30, day 90 within 90 and day 91 not, by type, fixed only', async () => {
    const w = {
      track: 'website',
      received_on: '2012-01-02',
      accepted_on: '2012-01-02',
      notified_on: '2012-01-02',
      outcome: 'fixed',
      fix_action: 'fixed',
    };
    await insert(
      { ...w, outcome_on: '2012-02-01', website_vulnerability_type: 'xss' }, // 30
      { ...w, outcome_on: '2012-02-02', website_vulnerability_type: 'xss' }, // 31
      { ...w, outcome_on: '2012-04-01', website_vulnerability_type: 'sql_injection' }, // 90
      { ...w, outcome_on: '2012-04-02', website_vulnerability_type: 'sql_injection' }, // 91
      { track: 'website', received_on: '2012-01-02', accepted_on: '2012-01-02', notified_on: '2012-01-02' },
    );
    const r = await computeReport(ctx(), '2012-09-30');
    assert.equal(r.daysToFix.base, 4);
    assert.equal(r.daysToFix.within30, 1);
    assert.equal(r.daysToFix.within90, 3);
    assert.equal(r.daysToFix.within30Pct, 25);
    assert.equal(r.daysToFix.within90Pct, 75);
    const xss = r.daysToFix.byType.find((t) => t.type === 'xss')!;
    assert.deepEqual([xss.base, xss.within30, xss.within90], [2, 1, 2]);
    const sqli = r.daysToFix.byType.find((t) => t.type === 'sql_injection')!;
    assert.deepEqual([sqli.base, sqli.within30, sqli.within90], [2, 0, 1]);
    // the trend: cumulative fixed and within 90 at each quarter end
    const trend = Object.fromEntries(r.daysToFix.within90Trend.map((t) => [t.quarter, t]));
    assert.deepEqual(trend['2012Q1'], { quarter: '2012Q1', cumulativeFixed: 2, within90: 2, pct: 100 });
    assert.deepEqual(trend['2012Q2'], { quarter: '2012Q2', cumulativeFixed: 4, within90: 3, pct: 75 });
    assert.equal(trend['2011Q4']?.cumulativeFixed, 0);
  });

  it('lists long-running website cases: notified 90 days or more before the day, no outcome by it', async () => {
    const w = {
      track: 'website',
      received_on: '2010-12-01',
      accepted_on: '2010-12-02',
      website_vulnerability_type: 'sql_injection',
    };
    await insert(
      { ...w, notified_on: '2012-07-02' }, // 90 days before 2012-09-30
      { ...w, notified_on: '2012-07-03' }, // 89
      { ...w, notified_on: '2011-01-01', website_vulnerability_type: 'xss' }, // old
      { ...w, notified_on: '2012-01-01', outcome: 'fixed', outcome_on: '2012-10-01', fix_action: 'fixed' }, // fixed after the day
      { ...w, notified_on: '2012-01-01', outcome: 'fixed', outcome_on: '2012-09-30', fix_action: 'fixed' },
      { ...w, notified_on: '2012-01-01', accepted_on: null, not_accepted_on: '2012-01-03' },
    );
    const r = await computeReport(ctx(), '2012-09-30');
    assert.equal(r.longRunning.total, 3);
    const counted = r.longRunning.buckets.reduce((a, b) => a + b.count, 0);
    assert.equal(counted, 3);
    assert.equal(r.longRunning.buckets[0]?.from, 90);
    const sqli = r.longRunning.buckets.flatMap((b) => b.byType).filter((c) => c.category === 'sql_injection');
    assert.equal(
      sqli.reduce((a, c) => a + c.count, 0),
      2,
    );
    // a year before (2011-09-30): only the case notified on 2011-01-01 had been open 90 days
    assert.equal(r.longRunning.yearBefore, 1);
    const earlier = await computeReport(ctx(), '2011-12-31');
    assert.equal(earlier.longRunning.total, 1);
    assert.equal(earlier.longRunning.yearBefore, 0);
  });

  it('counts a reclassified report once: in its old track before the day, in its new track from it', async () => {
    await insert({
      track: 'website',
      track_before: 'software',
      reclassified_on: '2012-10-15',
      received_on: '2012-07-02',
    });
    const before = await computeReport(ctx(), '2012-09-30');
    assert.deepEqual(before.totals, { software: 1, website: 0, total: 1 });
    const after = await computeReport(ctx(), '2012-12-31');
    assert.deepEqual(after.totals, { software: 0, website: 1, total: 1 });
    const q3 = after.cumulativeByQuarter.find((q) => q.quarter === '2012Q3')!;
    assert.deepEqual([q3.software, q3.website], [1, 0]);
    const q4 = after.cumulativeByQuarter.find((q) => q.quarter === '2012Q4')!;
    assert.deepEqual([q4.software, q4.website, q4.total], [0, 1, 1]);
  });

  it('ignores everything after a past as-of day', async () => {
    await insert(
      {
        accepted_on: '2012-07-03',
        published_on: '2012-10-01',
        outcome: 'published',
        outcome_on: '2012-10-01',
      },
      { received_on: '2012-10-01' },
      { not_accepted_on: '2012-10-02' },
      {
        track: 'website',
        notified_on: '2012-06-01',
        outcome: 'fixed',
        outcome_on: '2012-10-05',
        fix_action: 'fixed',
      },
      { unreachable_listed_on: '2012-08-01', unreachable_resumed_on: '2012-10-01' },
    );
    const r = await computeReport(ctx(), '2012-09-30');
    assert.deepEqual(r.softwareStatus, {
      published: 0,
      handledIndividually: 0,
      notVulnerable: 0,
      inProgress: 3,
      notAccepted: 0,
      total: 3,
    });
    assert.equal(r.publications.total, 0);
    assert.equal(r.websiteStatus.inProgress, 1);
    assert.equal(r.daysToFix.base, 0);
    assert.equal(r.longRunning.total, 1);
    assert.deepEqual(r.unreachable, { listed: 1, resumed: 0, completed: 0, stillUnreachable: 1 });
    const later = await computeReport(ctx(), '2012-12-31');
    assert.equal(later.softwareStatus.published, 1);
    assert.equal(later.softwareStatus.notAccepted, 1);
    assert.equal(later.websiteStatus.fixed, 1);
    assert.deepEqual(later.unreachable, { listed: 1, resumed: 1, completed: 0, stillUnreachable: 0 });
  });

  it('counts JVN publications from overseas CSIRTs apart from reports, and priority disclosures by sector', async () => {
    await insert(
      {
        key: 'import:ovs1',
        origin: 'overseas_csirt',
        accepted_on: '2012-07-02',
        published_on: '2012-07-20',
        outcome: 'published',
        outcome_on: '2012-07-20',
      },
      {
        key: 'import:ovs2',
        origin: 'overseas_csirt',
        received_on: '2012-01-02',
        accepted_on: '2012-01-02',
        published_on: '2012-02-20',
        outcome: 'published',
        outcome_on: '2012-02-20',
      },
      {
        key: 'import:dom1',
        accepted_on: '2012-07-02',
        published_on: '2012-07-20',
        outcome: 'published',
        outcome_on: '2012-07-20',
      },
    );
    await db
      .insertInto('statistics_priority_disclosures')
      .values([
        { fact_key: 'import:dom1', sector: 'electricity', disclosed_on: '2012-07-10' },
        { fact_key: 'import:dom1', sector: 'government', disclosed_on: '2012-07-10' },
        { fact_key: 'import:ovs2', sector: 'electricity', disclosed_on: '2012-02-10' },
      ])
      .execute();
    const r = await computeReport(ctx(), '2012-09-30');
    assert.deepEqual(r.totals, { software: 1, website: 0, total: 1 });
    assert.deepEqual(r.publications, {
      total: 3,
      domestic: 1,
      overseas: 2,
      inQuarter: { domestic: 1, overseas: 1 },
    });
    assert.equal(r.priorityDisclosures.total, 3);
    assert.equal(r.priorityDisclosures.cumulative.find((c) => c.category === 'electricity')?.count, 2);
    assert.equal(r.priorityDisclosures.inQuarter.find((c) => c.category === 'electricity')?.count, 1);
    assert.equal(r.priorityDisclosures.inQuarter.find((c) => c.category === 'government')?.count, 1);
  });

  it('keeps a priority disclosure out of the public report until its case is published (embargo)', async () => {
    await insert({ key: 'import:emb', accepted_on: '2012-07-02' });
    await db
      .insertInto('statistics_priority_disclosures')
      .values([{ fact_key: 'import:emb', sector: 'railway', disclosed_on: '2012-07-10' }])
      .execute();
    const quiet = await computeReport(ctx(), '2012-07-10');
    const before = JSON.stringify(quiet.priorityDisclosures);
    assert.equal(quiet.priorityDisclosures.total, 0);
    assert.equal(JSON.stringify((await computeReport(ctx(), '2012-07-09')).priorityDisclosures), before);
    await db
      .updateTable('statistics_facts')
      .set({ published_on: '2012-10-05', outcome: 'published', outcome_on: '2012-10-05' })
      .where('key', '=', 'import:emb')
      .execute();
    // still embargoed on every day before the publication, whatever quarter
    for (const day of ['2012-07-10', '2012-09-30', '2012-10-04'])
      assert.equal(JSON.stringify((await computeReport(ctx(), day)).priorityDisclosures), before, day);
    const published = await computeReport(ctx(), '2012-10-05');
    assert.equal(published.priorityDisclosures.total, 1);
    // counted on the publication day: in the publication's quarter
    assert.equal(published.priorityDisclosures.inQuarter.find((c) => c.category === 'railway')?.count, 1);
  });

  it('refuses, whoever writes it, a fact whose days would make a count negative', async () => {
    const bad: FactRow[] = [
      // the reviewer's line: 不受理 in website, then "reclassified" from software a month later
      {
        track: 'website',
        received_on: '2012-01-10',
        not_accepted_on: '2012-02-01',
        track_before: 'software',
        reclassified_on: '2012-03-01',
      },
      {
        track: 'website',
        received_on: '2012-01-10',
        outcome: 'not_vulnerable',
        outcome_on: '2012-02-01',
        track_before: 'software',
        reclassified_on: '2012-03-01',
      },
      { received_on: '2012-01-10', not_accepted_on: '2012-01-09' },
      { received_on: '0999-01-10' },
    ];
    for (const row of bad) await assert.rejects(insert(row), /check constraint/, JSON.stringify(row));
    const r = await computeReport(ctx(), '2012-03-31');
    assert.equal(r.softwareStatus.inProgress, 0);
  });

  it('refuses an as-of that is not a calendar day, and bucket bounds that do not rise', async () => {
    await assert.rejects(computeReport(ctx(), '2012-02-30'), InvalidAsOfError);
    await assert.rejects(computeReport(ctx(), "2012-01-01' or 1=1"), InvalidAsOfError);
    await assert.rejects(
      computeReport(ctx(), '2012-09-30', { buckets: { daysToFix: [0, 30, 30] } }),
      RangeError,
    );
  });
});
