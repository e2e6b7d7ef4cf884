// The figures the pages, charts and CSV share: each chart drawn from its table's numbers, labels from the
// messages (the category code when there is none), and the 2012-Q3 reference figures where the seeds have them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { translator } from '../../platform/i18n/i18n.js';
import { allFigures, categoryLabel, FIGURE_ID, reportSections } from './figures.js';
import { emptyReport } from './load-report.js';
import { sharePct } from './report.js';
import { sampleReport } from './testing.js';

const ja = translator('ja');
const en = translator('en');
const report = sampleReport();
const sections = reportSections(report, ja, 'ja');
const figures = allFigures(sections);
const figure = (id: string) => figures.find((f) => f.id === id)!;
const row = (id: string, head: string) => figure(id).table.rows.find((r) => r.head === head)!;

describe('statistics figures', () => {
  it("lists the sections in the seeds' order with unique, URL-safe figure ids", () => {
    assert.deepEqual(
      sections.map((s) => s.id),
      ['s1', 's2', 's3', 's4', 's5', 's6', 's8', 's9', 's10', 's11', 's12', 's13', 's14', 's15', 's16'],
    );
    const ids = figures.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, FIGURE_ID);
  });

  it('draws every chart from its table: the same numbers, the same categories', () => {
    for (const f of figures) {
      if (!f.chart) continue;
      const heads = f.table.rows.map((r) => r.head);
      if (f.chart.kind === 'pie') {
        for (const d of f.chart.data)
          assert.equal(f.table.rows.find((r) => r.head === d.name)?.cells[0], d.value, f.id);
        continue;
      }
      if (f.id === 's12-trend') {
        // the seed's table: quarters across
        assert.deepEqual(f.chart.series[0]!.values, f.table.rows[0]!.cells);
        assert.deepEqual(f.chart.series[1]!.values, f.table.rows[1]!.cells);
        assert.deepEqual(f.chart.series[2]!.values, f.table.rows[2]!.cells);
        continue;
      }
      for (const c of f.chart.categories) assert.ok(heads.includes(c), `${f.id}: ${c} is a row of the table`);
    }
    // S3: each bar is its row's count
    const s3 = figure('s3');
    assert.equal(s3.chart?.kind, 'bar');
    if (s3.chart?.kind === 'bar')
      assert.deepEqual(
        s3.chart.series[0]!.values,
        s3.table.rows.slice(0, 5).map((r) => r.cells[0]),
      );
  });

  it('shows the 2012-Q3 reference figures', () => {
    assert.deepEqual(row('s2', '合計').cells, [7950, 100]);
    assert.deepEqual(row('s2', 'ソフトウェア製品').cells, [1424, 18]);
    assert.deepEqual(row('s2', 'ウェブサイト').cells, [6526, 82]);
    assert.deepEqual(row('s3', '公表済み').cells, [667, 47]);
    assert.deepEqual(row('s3', '不受理').cells, [203, 14]);
    assert.deepEqual(row('s4', '修正完了').cells, [4436, 68]);
    assert.deepEqual(row('s4', 'うち ウェブアプリケーションの修正').cells[0], 3924);
    assert.equal(row('s4', 'うち ウェブアプリケーションの修正').sub, true);
    assert.deepEqual(row('s4', '注意喚起で処理取りやめ').cells, [1130, 17]);
    assert.deepEqual(row('s5', '海外 CSIRT からの連絡').cells, [830, 55, 38]);
    const s12 = sections.find((s) => s.id === 's12')!;
    assert.deepEqual(
      s12.headlines.map((h) => h.value),
      ['47%（2,085 件 / 4,436 件）', '66%（2,924 件 / 4,436 件）'],
    );
    assert.equal(sections.find((s) => s.id === 's6')!.headlines[0]!.value, '35%（233 件 / 667 件）');
    const trend = figure('s12-trend').table;
    assert.deepEqual(trend.rows[2]!.cells, [72, 70, 68, 67, 66, 65, 65, 64, 66, 66, 66, 66]);
    assert.equal(trend.rows[2]!.kind, 'pct');
    assert.deepEqual(trend.columns[1], { label: '2009 4Q', kind: 'count' });
    assert.deepEqual(row('s1', '2012 3Q').cells, [
      1424,
      6526,
      7950,
      report.cumulativeByQuarter[11]!.businessDays,
      3.96,
    ]);
    // the category shares the seeds quote: XSS 52%, DNS 21%, SQLi 13%; fake information 50%; web application 40%
    assert.equal(report.websiteByVulnerabilityType.base, 6364);
    assert.deepEqual(
      figure('s13')
        .table.rows.slice(0, 3)
        .map((r) => r.cells[1]),
      [52, 21, 13],
    );
    assert.equal(figure('s14').table.rows[0]!.cells[1], 50);
    assert.equal(figure('s8').table.rows[0]!.cells[1], 40);
    assert.equal(figure('s9').table.rows[0]!.cells[1], 60);
    assert.equal(sharePct(12, 156), 8);
  });

  it('labels categories from the messages in each language, and falls back to the code', () => {
    assert.equal(categoryLabel(ja, 'websiteVulnerabilityType', 'not_a_code'), 'not_a_code');
    assert.match(categoryLabel(ja, 'websiteVulnerabilityType', 'xss'), /クロスサイト・スクリプティング/);
    assert.match(categoryLabel(en, 'websiteVulnerabilityType', 'xss'), /cross-site scripting/i);
    assert.match(categoryLabel(ja, 'prioritySector', 'government'), /政府機関/);
    const english = allFigures(reportSections(report, en, 'en'));
    assert.equal(english.find((f) => f.id === 's3')!.table.rows[0]!.head, 'Published');
    assert.equal(english.find((f) => f.id === 's6')!.table.rows[0]!.head, '0–45 days');
    assert.equal(english.find((f) => f.id === 's6')!.table.rows.at(-2)!.head, '731 days or more');
  });

  it('leaves a category with nothing in any quarter out of the chart, not out of the table', () => {
    const r = sampleReport();
    for (const q of r.softwareByCause.byQuarter)
      q.counts.push({ category: 'buffer_overflow_x', count: 0, pct: 0 });
    const f = allFigures(reportSections(r, ja, 'ja')).find((x) => x.id === 's9-quarters')!;
    assert.ok(f.table.columns.some((c) => c.label === 'buffer_overflow_x'));
    assert.ok(f.chart?.kind === 'bar' && f.chart.series.every((s) => s.name !== 'buffer_overflow_x'));
  });

  it('an empty report has tables and no charts (nothing to draw), never a division by zero', () => {
    const empty = reportSections(emptyReport('2026-12-01', '2004-07-08'), ja, 'ja');
    for (const s of empty) {
      for (const f of s.figures) {
        assert.equal(f.chart, null, f.id);
        for (const r of f.table.rows)
          for (const c of r.cells) assert.ok(c === null || typeof c === 'string' || Number.isFinite(c));
      }
    }
    assert.ok(empty.every((s) => s.empty));
  });
});
