import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeFilename, sniffAttachment } from './attachment-type.js';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001',
  'hex',
);

describe('attachment type sniffing', () => {
  it('recognises a PNG by its bytes', async () => {
    assert.deepEqual(await sniffAttachment('screenshot.png', PNG), { ok: true, detectedType: 'image/png' });
  });

  it('refuses a file whose content does not match its name', async () => {
    assert.deepEqual(await sniffAttachment('poc.png', Buffer.from('<script>alert(1)</script>')), {
      ok: false,
      reason: 'type_mismatch',
    });
    assert.deepEqual(await sniffAttachment('report.pdf', PNG), { ok: false, reason: 'type_mismatch' });
  });

  it('accepts text, source code and logs as UTF-8 text, whatever their extension', async () => {
    for (const name of ['poc.html', 'exploit.py', 'steps.txt', 'README']) {
      assert.deepEqual(await sniffAttachment(name, Buffer.from('<script>alert("脆弱性")</script>')), {
        ok: true,
        detectedType: 'text/plain; charset=utf-8',
      });
    }
  });

  it('keeps unknown binary data as opaque bytes', async () => {
    assert.deepEqual(await sniffAttachment('dump.bin', Buffer.from([0, 159, 146, 150, 0, 1])), {
      ok: true,
      detectedType: 'application/octet-stream',
    });
  });

  it('makes a safe download name: no folders, no quotes or control characters', () => {
    assert.equal(safeFilename('../../etc/passwd'), 'passwd');
    assert.equal(safeFilename('C:\\Users\\x\\poc".png'), 'poc.png');
    assert.equal(safeFilename('a\u0000b\nc.txt'), 'abc.txt');
    assert.equal(safeFilename(''), 'attachment');
    assert.equal(safeFilename('再現手順.txt'), '再現手順.txt');
  });
});
