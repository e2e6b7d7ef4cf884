import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, csvLine } from './csv.js';

describe('CSV cells', () => {
  it('prefixes cells that a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=1+2'), "'=1+2");
    assert.equal(csvCell('+81 3 1234'), "'+81 3 1234");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\t=1'), "'\t=1");
    assert.equal(csvCell('\r=1'), `"'\r=1"`);
    assert.equal(csvCell('a=1'), 'a=1');
  });

  it('quotes cells with quotes, commas or line breaks, doubling the quotes', () => {
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('writes empty cells for null and undefined, and ends lines with CRLF', () => {
    assert.equal(csvLine([1, null, undefined, '日本語']), '1,,,日本語\r\n');
  });
});
