// The import's file reader (a worker thread): contents in the order asked, unreadable files with their reason,
// and files beyond the batch's byte budget left for the import to read itself.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startReadAhead } from './read-ahead.js';

describe('reading a batch of files ahead', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keikai-read-ahead-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };

  it('returns each file in order, a reason for one it cannot read, and null past the byte budget', async () => {
    const reader = startReadAhead(25);
    try {
      const paths = [file('a.json', '{"a":"１"}'), join(dir, 'missing.json'), file('b.json', '{"b":2}')];
      paths.push(file('c.json', '{"c":"too much for the budget"}'), file('d.json', '{}'));
      const [a, missing, b, c, d] = await reader.read(paths);
      assert.deepEqual(a && 'body' in a && a.body.toString('utf8'), '{"a":"１"}');
      assert.ok(missing && 'error' in missing && /ENOENT/.test(missing.error));
      assert.deepEqual(b && 'body' in b && b.body.toString('utf8'), '{"b":2}');
      assert.equal(c, null, 'over the budget: left to the caller');
      assert.deepEqual(
        d && 'body' in d && d.body.toString('utf8'),
        '{}',
        'a smaller one after it still fits',
      );
      // batches are answered in the order asked, each on its own
      const [first, second] = await Promise.all([reader.read([paths[2]!]), reader.read([paths[4]!])]);
      assert.equal(first[0] && 'body' in first[0] && first[0].body.toString('utf8'), '{"b":2}');
      assert.equal(second[0] && 'body' in second[0] && second[0].body.toString('utf8'), '{}');
    } finally {
      await reader.close();
    }
    await assert.rejects(reader.read([join(dir, 'a.json')]), /file reader stopped/);
  });
});
