// Charts as SVG, drawn on the server by ECharts (no script in the browser): fixed size, no animation, the same
// bytes for the same figure. Every text (category labels, series names, axis names) goes into the SVG through
// ECharts' own escaping; the string is then only tidied, never given text of ours:
// - ECharts writes font settings as style="…" attributes and hover rules in a <style> element, which the site's
//   Content-Security-Policy (style-src 'self') refuses; they become presentation attributes (font-size,
//   font-family, font-weight) and the hover rules go (the chart is a picture);
// - the renderer-instance class names (zr0-cls-1, zr1-…) and ECharts' bookkeeping attributes go, and clip-path
//   ids are named after the chart, so the output does not depend on how many charts were drawn before and ids
//   stay unique on a page with several charts; the font family is said once, on the <svg>;
// - the <svg> gets role="img" and aria-labelledby the figure's caption (the table below has the data).
import * as echarts from 'echarts';
import type { BarSpec, ChartSpec, PieSpec } from './figures.js';
import { sharePct } from './report.js';

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 360;

/** Japanese first, with the usual fallbacks; single quotes only (ECharts puts it in a double-quoted attribute). */
export const CHART_FONT =
  "'Noto Sans JP', 'Hiragino Kaku Gothic ProN', 'Hiragino Sans', 'Yu Gothic', Meiryo, 'IPAexGothic', sans-serif";

/** Okabe–Ito, then Paul Tol's muted colours: told apart with the common colour-vision deficiencies (15 in all). */
const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#999933',
  '#332288',
  '#882255',
  '#117733',
  '#DDCC77',
  '#44AA99',
  '#AA4499',
  '#661100',
  '#88CCEE',
];
const TEXT = '#222222';
const LINE = '#555555';

const ID = /^[a-z][a-z0-9-]*$/;

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const PRESENTATION = new Set(['font-size', 'font-family', 'font-weight', 'font-style']);

/** style="font-size:12px;font-family:…;" → font-size="12px" font-family="…" (other properties dropped). */
function styleToAttributes(css: string): string {
  const out: string[] = [];
  for (const decl of css.replace(/&quot;/g, '"').split(';')) {
    const at = decl.indexOf(':');
    if (at < 0) continue;
    const prop = decl.slice(0, at).trim().toLowerCase();
    const value = decl.slice(at + 1).trim();
    if (PRESENTATION.has(prop) && value) out.push(` ${prop}="${escapeAttr(value)}"`);
  }
  return out.join('');
}

/** ECharts' SVG, made CSP-safe, deterministic and accessible (see the header). */
export function tidySvg(svg: string, captionId: string): string {
  if (!ID.test(captionId)) throw new Error(`chart caption id must match ${ID}: ${captionId}`);
  if (!svg.startsWith('<svg ')) throw new Error('ECharts did not return an <svg> element');
  return (
    svg
      .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '')
      .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
      .replace(/ style="([^"]*)"/g, (_m, css: string) => styleToAttributes(css))
      .replaceAll(` font-family="${escapeAttr(CHART_FONT)}"`, '')
      // clip paths are named per renderer instance; name them per chart so that ids stay unique on a page
      .replace(/ id="zr\d+-/g, ` id="${captionId}-`)
      .replace(/="url\(#zr\d+-/g, `="url(#${captionId}-`)
      .replace(
        /^<svg /,
        `<svg role="img" aria-labelledby="${captionId}" focusable="false" class="chart-svg" font-family="${escapeAttr(CHART_FONT)}" `,
      )
      .replace(/\n+/g, '\n')
      .trim()
  );
}

const axisText = { color: TEXT, fontSize: 12, fontFamily: CHART_FONT };

/** Rows the legend takes at the chart's width (12px text: a CJK character ~12px, others ~7px). */
export function legendRows(names: string[]): number {
  const widths = names.map(
    (n) => 25 + 5 + [...n].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 12 : 7), 0) + 14,
  );
  let rows = 1;
  let x = 0;
  for (const w of widths) {
    if (x > 0 && x + w > CHART_WIDTH - 40) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

function barOption(spec: BarSpec): echarts.EChartsCoreOption {
  const horizontal = spec.horizontal === true;
  const hasRight = spec.axisNames.length > 1;
  const categoryAxis = {
    type: 'category',
    data: spec.categories,
    axisLabel: {
      ...axisText,
      interval: 0,
      // long labels break at a width; quarters ('2012 3Q') break at the space so twelve of them fit
      ...(horizontal
        ? { width: 200, overflow: 'break' }
        : { formatter: (value: string) => value.replace(/^(\d{4}) (\dQ)$/, '$1\n$2') }),
    },
    axisLine: { lineStyle: { color: LINE } },
    axisTick: { alignWithLabel: true },
    inverse: horizontal,
  };
  const valueAxes = spec.axisNames.map((name, i) => ({
    type: 'value',
    name,
    nameTextStyle: axisText,
    ...(horizontal ? { nameLocation: 'middle', nameGap: 28 } : {}),
    axisLabel: axisText,
    axisLine: { show: true, lineStyle: { color: LINE } },
    splitLine: { show: i === 0, lineStyle: { color: '#dddddd' } },
    ...(i === 1 && spec.percentAxis ? { min: 0, max: 100 } : {}),
    minInterval: 1,
  }));
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT, color: TEXT },
    legend: {
      show: spec.series.length > 1,
      bottom: 0,
      textStyle: axisText,
      itemGap: 14,
    },
    grid: {
      left: horizontal ? 16 : 56,
      right: hasRight ? 56 : 32,
      top: 36,
      bottom:
        (spec.series.length > 1 ? 26 + 22 * legendRows(spec.series.map((x) => x.name)) : 8) +
        (horizontal ? 28 : 0),
      containLabel: true,
    },
    xAxis: horizontal ? valueAxes[0] : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxes,
    series: spec.series.map((s) => ({
      type: s.type ?? 'bar',
      name: s.name,
      data: s.values,
      ...(s.stack ? { stack: s.stack } : {}),
      ...(s.axis === 1 ? { yAxisIndex: 1 } : {}),
      ...(s.type === 'line'
        ? { symbol: 'circle', symbolSize: 6, lineStyle: { width: 2 }, color: '#D55E00', z: 3 }
        : { barMaxWidth: 40 }),
      // a lone series of bars carries its values (the table below has them all)
      ...(spec.series.length === 1 && !s.stack
        ? {
            label: {
              show: true,
              position: horizontal ? 'right' : 'top',
              ...axisText,
              formatter: (p: { value: number }) => p.value.toLocaleString('en-US'),
            },
          }
        : {}),
    })),
  };
}

function pieOption(spec: PieSpec): echarts.EChartsCoreOption {
  // the label says the same whole percent as the table (half up), not ECharts' two decimals
  const base = spec.data.reduce((s, d) => s + d.value, 0);
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT, color: TEXT },
    legend: { show: false },
    series: [
      {
        type: 'pie',
        radius: ['0%', '62%'],
        center: ['50%', '52%'],
        startAngle: 90,
        clockwise: true,
        avoidLabelOverlap: true,
        label: {
          ...axisText,
          width: 180,
          overflow: 'break',
          formatter: (p: { name: string; value: number }) => `${p.name}: ${sharePct(p.value, base)}%`,
        },
        labelLine: { lineStyle: { color: LINE } },
        data: spec.data.filter((d) => d.value > 0),
      },
    ],
  };
}

/** The ECharts option for a figure's chart (exported for tests). */
export function chartOption(spec: ChartSpec): echarts.EChartsCoreOption {
  return spec.kind === 'pie' ? pieOption(spec) : barOption(spec);
}

// Drawing takes tens of milliseconds a chart (a quarterly report has twenty-odd); the same figure gives the same
// bytes, so the last few hundred are kept (a few KiB each), keyed by everything that goes into them.
const MEMO_MAX = 400;
const memo = new Map<string, string>();

/** The chart as an SVG string, labelled by the element with id `captionId`. */
export function renderChart(spec: ChartSpec, captionId: string): string {
  const key = `${captionId}\u0000${JSON.stringify(spec)}`;
  const hit = memo.get(key);
  if (hit !== undefined) {
    // most recently used last
    memo.delete(key);
    memo.set(key, hit);
    return hit;
  }
  const svg = drawChart(spec, captionId);
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
  memo.set(key, svg);
  return svg;
}

/** Draws the chart (uncached). */
export function drawChart(spec: ChartSpec, captionId: string): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    chart.setOption(chartOption(spec));
    return tidySvg(chart.renderToSVGString(), captionId);
  } finally {
    chart.dispose();
  }
}
