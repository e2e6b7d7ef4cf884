// The 2012-Q3 reference reproduction (issue 7, "How it is checked"): a history generated to the seeds' Appendix A
// figures (testing/reference-history.ts) goes through the real import path (a JSONL file, importHistory), and
// the engine's report as of 2012-09-30 gives every figure exactly.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { createDatabase, type Database } from '../../platform/db/database.js';
import { createTestDatabase, type TestDatabase } from '../../testing/database.js';
import { computeReport } from './compute-report.js';
import { importHistory } from './import-history.js';
import type { Breakdown, StatisticsReport } from './report.js';
import {
  CHOSEN,
  REFERENCE,
  REFERENCE_AS_OF,
  REFERENCE_CUMULATIVE,
  REFERENCE_WITHIN90,
  referenceHistoryJsonl,
} from './testing/reference-history.js';

/**
 * The two quarters of 2009Q4…2012Q3 whose published 1就業日あたり the business calendar (national holidays and
 * the year-end closure 12/29–1/3, counted from 2004-07-08; src/domain/business-days.ts) does not reproduce
 * (DOMAIN.md: 22 of 24 quarters match). The cumulative counts are exact; the calendar gives one business day
 * more than the published rate allows: 2011Q2 6,652 / 1,700 = 3.9129 (3.92 needs 1,695…1,699 days), 2011Q4
 * 7,314 / 1,822 = 4.0143 (4.02 needs 1,818…1,821). One more closed day between 2011-04-01 and 2011-06-30
 * would reproduce all 12 quarters (checked: 2011Q3…2012Q3 still give 3.91, 4.02, 4.03, 3.99, 3.96) — the
 * published figures seem to count a day off in 2011Q2 that the calendar does not know.
 */
const KNOWN_RATE_MISSES: Record<string, { published: number; computed: number }> = {
  '2011Q2': { published: 3.92, computed: 3.91 },
  '2011Q4': { published: 4.02, computed: 4.01 },
};

const pctOf = (b: Breakdown, code: string) => b.cumulative.find((c) => c.category === code)?.pct;

describe('the 2012-Q3 reference figures (seeds, Appendix A), from an imported history', () => {
  let database: TestDatabase;
  let db: Database;
  let pool: pg.Pool;
  let dir: string;
  let report: StatisticsReport;
  let lines: number;

  before(async () => {
    database = await createTestDatabase();
    ({ db, pool } = createDatabase(database.url, { max: 4 }));
    dir = mkdtempSync(join(tmpdir(), 'keikai-reference-'));
    const file = join(dir, 'history-2012q3.jsonl');
    writeFileSync(file, referenceHistoryJsonl());
    const r = await importHistory({ db }, file);
    lines = r.lines;
    report = await computeReport({ db }, REFERENCE_AS_OF);
  });
  after(async () => {
    await db.destroy();
    await pool.end().catch(() => {});
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports one line per report and per overseas publication', () => {
    assert.equal(lines, 7950 + 830);
  });

  it('cumulative reports at each of the 12 quarter ends 2009Q4…2012Q3, and software 1,424 / website 6,526', () => {
    assert.deepEqual(
      report.cumulativeByQuarter.map((c) => [c.quarter, c.total]),
      Object.entries(REFERENCE_CUMULATIVE).map(([q, [total]]) => [q, total]),
    );
    assert.deepEqual(report.totals, { software: 1424, website: 6526, total: 7950 });
    const last = report.cumulativeByQuarter.at(-1)!;
    assert.deepEqual([last.software, last.website], [1424, 6526]);
  });

  it('reports per business day: the published rate in 10 of the 12 quarters; 2011Q2 and 2011Q4 off by 0.01 (the calendar)', () => {
    const misses: Record<string, { published: number; computed: number }> = {};
    for (const c of report.cumulativeByQuarter) {
      const published = REFERENCE_CUMULATIVE[c.quarter]![1];
      if (c.perBusinessDay !== published) misses[c.quarter] = { published, computed: c.perBusinessDay };
    }
    assert.deepEqual(misses, KNOWN_RATE_MISSES);
  });

  it('software status: 667 published, 20 individually, 60 not a vulnerability, 474 in progress, 203 not accepted', () => {
    assert.deepEqual(report.softwareStatus, { ...REFERENCE.softwareStatus, total: 1424 });
  });

  it('website status: 4,436 fixed (23 workaround, 489 page deleted), 1,130, 321, 423, 54, 162', () => {
    assert.deepEqual(report.websiteStatus, { ...REFERENCE.websiteStatus, total: 6526 });
  });

  it('publications: 667 from domestic reports, 830 from overseas CSIRTs', () => {
    assert.equal(report.publications.domestic, REFERENCE.publications.domestic);
    assert.equal(report.publications.overseas, REFERENCE.publications.overseas);
    assert.equal(report.publications.total, 1497);
  });

  it('35% of the published software reports within 45 days of acceptance', () => {
    assert.equal(report.daysToPublication.base, 667);
    assert.equal(report.daysToPublication.within45, CHOSEN.within45);
    assert.equal(report.daysToPublication.within45Pct, REFERENCE.within45Pct);
  });

  it('websites fixed within 30 days 47%, within 90 days 66% (2,924 of 4,436)', () => {
    assert.equal(report.daysToFix.base, 4436);
    assert.equal(report.daysToFix.within30, CHOSEN.within30);
    assert.equal(report.daysToFix.within30Pct, REFERENCE.within30Pct);
    assert.equal(report.daysToFix.within90, 2924);
    assert.equal(report.daysToFix.within90Pct, REFERENCE.within90Pct);
  });

  it('the within-90-days trend of the 12 quarters: cumulative fixed, within 90, share — each exactly', () => {
    assert.deepEqual(
      report.daysToFix.within90Trend.map((t) => [t.quarter, t.cumulativeFixed, t.within90, t.pct]),
      Object.entries(REFERENCE_WITHIN90).map(([q, v]) => [q, ...v]),
    );
  });

  it('category shares of the accepted reports: product type, cause (of 1,221); type, threat (of 6,364)', () => {
    assert.equal(report.softwareByProductType.base, REFERENCE.softwareAcceptedBase);
    assert.equal(report.softwareByCause.base, REFERENCE.softwareAcceptedBase);
    assert.equal(
      pctOf(report.softwareByProductType, 'web_application'),
      REFERENCE.productTypeWebApplicationPct,
    );
    assert.equal(
      pctOf(report.softwareByCause, 'web_application_vulnerability'),
      REFERENCE.causeWebApplicationPct,
    );
    const types = report.websiteByVulnerabilityType;
    assert.equal(types.base, REFERENCE.websiteAcceptedBase);
    for (const [code, pct] of Object.entries(REFERENCE.vulnerabilityTypePct))
      assert.equal(pctOf(types, code), pct, code);
    const top3 = ['xss', 'dns_misconfiguration', 'sql_injection']
      .map((c) => types.cumulative.find((x) => x.category === c)!.count)
      .reduce((a, b) => a + b, 0);
    assert.equal(Math.round((top3 * 100) / types.base), 86, 'the top three together');
    assert.equal(report.websiteByThreat.base, REFERENCE.websiteAcceptedBase);
    for (const [code, pct] of Object.entries(REFERENCE.threatPct))
      assert.equal(pctOf(report.websiteByThreat, code), pct, code);
  });

  it('2012-Q3 operator types: 156 accepted of 157 reports; listed 8%, unlisted 56%, other companies 7%', () => {
    const last = report.cumulativeByQuarter.at(-1)!;
    assert.equal(last.inQuarter.website, REFERENCE.operatorType2012Q3.reports);
    const q3 = report.websiteByOperatorType.byQuarter.find((b) => b.quarter === '2012Q3')!;
    assert.equal(q3.base, REFERENCE.operatorType2012Q3.accepted);
    for (const code of ['listed_company', 'unlisted_company', 'other_company'] as const)
      assert.equal(q3.counts.find((c) => c.category === code)!.pct, REFERENCE.operatorType2012Q3[code], code);
  });
});
