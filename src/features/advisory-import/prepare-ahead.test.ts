// The import's preparing thread (a worker): each file read, parsed, checked and mapped with its row's parts, in
// the order asked; unreadable and unusable files with their reason; files beyond the batch's byte budget left
// for the import to prepare itself; a document that fails the validator refused only when validating.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { publicRowParts } from '../publication/public-writer.js';
import { japaneseAdvisory } from './fixtures.js';
import { type AheadResult, startPrepareAhead } from './prepare-ahead.js';
import { prepareDocument } from './prepare-document.js';

describe('preparing a batch of files ahead, in a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keikai-prepare-ahead-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return { entry: name, path: join(dir, name) };
  };
  const csaf = JSON.stringify(japaneseAdvisory());
  const code = (r: AheadResult | undefined) => (r && 'code' in r ? r.code : null);

  it('prepares each file in order, as this thread would, and says why for the ones it cannot', async () => {
    const ahead = startPrepareAhead({ validate: false });
    try {
      const files = [
        file('a.json', `\uFEFF${csaf}`),
        { entry: 'missing.json', path: join(dir, 'missing.json') },
        file('broken.json', '{"document": '),
        file('other.json', '{"hello":"world"}'),
        file('b.json', csaf),
      ];
      const [a, missing, broken, other, b] = await ahead.prepare(files);
      const here = await prepareDocument('a.json', null, Buffer.from(csaf), {
        validate: false,
        parts: false,
      });
      assert.ok(a && !('code' in a) && !('code' in here));
      assert.deepEqual(a.doc, here.doc, 'the same document as prepared in the import thread');
      assert.equal(a.namespace, 'https://csirt.example.jp');
      assert.equal(a.trackingId, 'ECJ-2026-0042');
      assert.deepEqual(a.parts, publicRowParts(here.doc), 'with the row parts built');
      const [bare] = await ahead.prepare([files[0]!], { parts: false });
      assert.ok(bare && !('code' in bare));
      assert.deepEqual(bare.doc, here.doc, 'without the parts when not asked for');
      assert.equal(bare.parts, undefined);
      assert.equal(code(missing), 'read');
      assert.ok(missing && 'detail' in missing && /ENOENT/.test(missing.detail));
      assert.equal(missing && 'entry' in missing && missing.entry, 'missing.json');
      assert.equal(code(broken), 'notJson');
      assert.equal(code(other), 'notCsaf');
      assert.ok(b && !('code' in b) && b.trackingId === 'ECJ-2026-0042');
      // batches are answered in the order asked, each on its own
      const [first, second] = await Promise.all([ahead.prepare([files[3]!]), ahead.prepare([files[4]!])]);
      assert.equal(code(first[0]), 'notCsaf');
      assert.equal(code(second[0]), null);
    } finally {
      await ahead.close();
    }
    await assert.rejects(ahead.prepare([file('c.json', csaf)]), /thread stopped/);
  });

  it('leaves a file past the batch byte budget to the caller, and still prepares smaller ones after it', async () => {
    const ahead = startPrepareAhead({ validate: false, maxBytes: csaf.length + 10 });
    try {
      const [a, big, small] = await ahead.prepare([
        file('first.json', csaf),
        file('big.json', `${csaf}${' '.repeat(100)}`),
        file('small.json', '{}'),
      ]);
      assert.equal(code(a), null);
      assert.equal(big, null, 'over the budget: left to the caller');
      assert.equal(code(small), 'notCsaf', 'a smaller one after it still fits');
    } finally {
      await ahead.close();
    }
  });

  it('runs the CSAF validator there when asked', async () => {
    const invalid = japaneseAdvisory();
    invalid.vulnerabilities[0]!.product_status.known_affected.push('NO-SUCH-PRODUCT'); // fails 6.1.1
    const files = [file('invalid.json', JSON.stringify(invalid)), file('valid.json', csaf)];
    const checked = startPrepareAhead({ validate: true });
    const unchecked = startPrepareAhead({ validate: false });
    try {
      const [bad, good] = await checked.prepare(files);
      assert.equal(code(bad), 'invalid');
      assert.ok(bad && 'detail' in bad && /mandatoryTest_6_1_1/.test(bad.detail), 'names the failed test');
      assert.equal(code(good), null);
      assert.equal(code((await unchecked.prepare([files[0]!]))[0]), null, 'not checked: mapped');
    } finally {
      await Promise.all([checked.close(), unchecked.close()]);
    }
  });
});
