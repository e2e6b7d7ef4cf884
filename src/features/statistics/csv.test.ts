// Statistics CSV: a byte-order mark for Excel, CRLF lines, RFC 4180 quoting, cells that would run as formulas
// defused, numbers plain; one figure or the whole report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { translator } from '../../platform/i18n/i18n.js';
import { figureCsv, reportCsv } from './csv.js';
import { allFigures, type Figure, reportSections } from './figures.js';
import { sampleReport } from './testing.js';

describe('statistics CSV', () => {
  it('writes a figure as a BOM, a header line and a line per row, CRLF, numbers without separators', () => {
    const figures = allFigures(reportSections(sampleReport(), translator('ja'), 'ja'));
    const csv = figureCsv(figures.find((f) => f.id === 's4')!);
    assert.ok(csv.startsWith('\uFEFF'));
    assert.ok(csv.endsWith('\r\n'));
    const lines = csv.slice(1).split('\r\n');
    assert.equal(lines[0], '状況,件数,割合（%）');
    assert.equal(lines[1], '修正完了,4436,68');
    assert.equal(lines[2], 'うち ウェブアプリケーションの修正,3924,60');
    assert.equal(lines.at(-2), '合計,6526,100');
    assert.doesNotMatch(csv.replace(/\r\n/g, ''), /\n/);
  });

  it('quotes commas, quotes and line breaks, and defuses cells that start a formula', () => {
    const f: Figure = {
      id: 's8',
      caption: 'a, "b"',
      chart: null,
      table: {
        columns: [
          { label: 'カテゴリ', kind: 'text' },
          { label: 'n', kind: 'count' },
        ],
        rows: [
          { head: '=HYPERLINK("http://x")', cells: [1] },
          { head: '+1', cells: [2] },
          { head: '@SUM(A1)', cells: [3] },
          { head: 'a,b', cells: [4] },
          { head: 'line\nbreak', cells: [null] },
        ],
      },
    };
    const lines = figureCsv(f).slice(1).split('\r\n');
    assert.equal(lines[1], `"'=HYPERLINK(""http://x"")",1`);
    assert.equal(lines[2], "'+1,2");
    assert.equal(lines[3], "'@SUM(A1),3");
    assert.equal(lines[4], '"a,b",4');
    assert.equal(lines[5], '"line\nbreak",');
    const all = reportCsv('届出状況', [f]).slice(1).split('\r\n');
    assert.equal(all[0], '届出状況');
    assert.equal(all[2], 's8,"a, ""b"""');
  });
});
