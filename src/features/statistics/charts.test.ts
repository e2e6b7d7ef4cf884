// The server-drawn charts: deterministic SVG (the same bytes however many charts were drawn before), with the
// data in it, accessible (role="img" labelled by the caption), CSP-safe (no style attribute or element), and
// no markup can come in through a label: every text is escaped by ECharts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { translator } from '../../platform/i18n/i18n.js';
import { CHART_FONT, drawChart, legendRows, renderChart, tidySvg } from './charts.js';
import { type BarSpec, type PieSpec, reportSections } from './figures.js';
import { sampleReport } from './testing.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', trimValues: true });

/** Every text node of the SVG (as a reader would get it: entities decoded). */
function texts(svg: string): string[] {
  const out: string[] = [];
  const walk = (node: unknown, key = ''): void => {
    if (node === null || node === undefined) return;
    if (typeof node === 'string' || typeof node === 'number') {
      if (key === 'text' || key === '#text') out.push(String(node));
      return;
    }
    if (Array.isArray(node)) {
      for (const n of node) walk(n, key);
      return;
    }
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k.startsWith('@')) continue;
      walk(v, k === '#text' ? key : k);
    }
  };
  walk(new XMLParser({ ignoreAttributes: true, htmlEntities: true }).parse(svg));
  return out;
}

const sections = reportSections(sampleReport(), translator('ja'), 'ja');
const figure = (id: string) => sections.flatMap((s) => s.figures).find((f) => f.id === id)!;

describe('statistics charts', () => {
  it('draws the same SVG for the same figure, whatever was drawn before', () => {
    const spec = figure('s3').chart!;
    const first = drawChart(spec, 'fig-s3-caption');
    drawChart(figure('s1').chart!, 'fig-s1-caption');
    drawChart(figure('s13').chart!, 'fig-s13-caption');
    assert.equal(drawChart(spec, 'fig-s3-caption'), first);
    // pages use the kept copy, the same bytes
    assert.equal(renderChart(spec, 'fig-s3-caption'), first);
    assert.equal(renderChart(structuredClone(spec), 'fig-s3-caption'), first);
    assert.notEqual(renderChart(spec, 'fig-other-caption'), first, 'the caption id is part of the key');
  });

  it('is a fixed-size, well-formed SVG labelled by its caption, with the Japanese font said once', () => {
    const svg = renderChart(figure('s1').chart!, 'fig-s1-caption');
    assert.doesNotThrow(() => parser.parse(svg));
    const root = parser.parse(svg).svg;
    assert.equal(root['@role'], 'img');
    assert.equal(root['@aria-labelledby'], 'fig-s1-caption');
    assert.equal(root['@width'], '720');
    assert.equal(root['@height'], '360');
    assert.equal(root['@font-family'], CHART_FONT);
    assert.match(CHART_FONT, /^'Noto Sans JP'.*sans-serif$/);
    assert.doesNotMatch(svg, / style="/, 'no inline style (CSP style-src self)');
    assert.doesNotMatch(svg, /<style/);
    assert.doesNotMatch(svg, /zr\d+-/, 'no renderer-instance names');
    assert.doesNotMatch(svg, /<animate|<script|\son[a-z]+=/i);
  });

  it('carries the data: the status bars their counts, the pie the same whole percents as the table', () => {
    const status = texts(renderChart(figure('s3').chart!, 'fig-s3-caption'));
    for (const label of ['公表済み', '個別対応', '脆弱性ではない', '取扱い中', '不受理'])
      assert.ok(status.includes(label), label);
    for (const n of ['667', '20', '60', '474', '203']) assert.ok(status.includes(n), n);

    const histogram = texts(renderChart(figure('s6').chart!, 'fig-s6-caption'));
    assert.ok(histogram.includes('0〜45日'));
    assert.ok(histogram.includes('233'));

    const pie = texts(renderChart(figure('s13').chart!, 'fig-s13-caption'));
    // 3,309 / 6,364 = 51.99% → 52%; 827 / 6,364 = 12.995% → 13% (half up, as the seeds publish)
    assert.ok(
      pie.some((x) => /: 52%$/.test(x)),
      pie.join(' | '),
    );
    assert.ok(pie.some((x) => /: 21%$/.test(x)));
    assert.ok(pie.some((x) => /: 13%$/.test(x)));

    const trend = texts(renderChart(figure('s1').chart!, 'fig-s1-caption'));
    for (const x of ['2009', '4Q', '2012', '3Q', 'ソフトウェア製品', 'ウェブサイト', '1就業日あたり'])
      assert.ok(trend.includes(x), x);
  });

  it('escapes every label: a category named <script> or with & cannot inject markup', () => {
    const evil = '<script>alert(1)</script>';
    const amp = 'R&D "quoted" <b>bold</b>';
    const bar: BarSpec = {
      kind: 'bar',
      horizontal: true,
      categories: [evil, amp],
      series: [{ name: '<img src=x onerror=alert(1)>', values: [3, 4] }],
      axisNames: ['</svg><script>x</script>'],
    };
    const pie: PieSpec = {
      kind: 'pie',
      data: [
        { name: evil, value: 1 },
        { name: amp, value: 2 },
      ],
    };
    const stacked: BarSpec = {
      kind: 'bar',
      categories: ['2012 3Q'],
      series: [
        { name: evil, values: [1], stack: 'a' },
        { name: amp, values: [2], stack: 'a' },
      ],
      axisNames: ['x'],
    };
    for (const spec of [bar, pie, stacked]) {
      const svg = renderChart(spec, 'fig-evil-caption');
      assert.doesNotMatch(svg, /<script|<img|<b>|<\/svg>.+/s);
      assert.equal(svg.match(/<svg/g)?.length, 1);
      assert.doesNotThrow(() => parser.parse(svg));
      const all = texts(svg).join('\n');
      assert.ok(all.includes('<script>'), 'the label is shown as text');
      assert.ok(all.includes('R&D') && all.includes('"quoted"'), 'ampersand and quotes kept as text');
      assert.match(svg, /&lt;script&gt;/);
      assert.match(svg, /R&amp;D/);
    }
  });

  it("makes room for a legend of many categories (rows at the chart's width)", () => {
    assert.equal(legendRows(['ソフトウェア製品', 'ウェブサイト']), 1);
    assert.equal(legendRows(Array.from({ length: 14 }, () => 'ウェブアプリケーション')), 5);
  });

  it('refuses a caption id that could break out of the attribute', () => {
    assert.throws(() => tidySvg('<svg width="1"></svg>', 'x" onload="alert(1)'));
    assert.throws(() => tidySvg('<div></div>', 'fig-a'));
  });
});
