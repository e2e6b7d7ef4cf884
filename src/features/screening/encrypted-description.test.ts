// A description the finder encrypted to the reception body's OpenPGP key is shown decrypted on the report page,
// each decryption on the audit trail; the coordination body never gets the key.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { softwareReport, submit } from '../../testing/reports.js';

import { receptionPublicKey } from '../intake/reception-key.js';
import { as, type Cast, makeCast, reportUrl } from './testing.js';

describe('an encrypted description on the report page', () => {
  let t: TestApp;
  let cast: Cast;

  before(async () => {
    t = await startTestApp();
    cast = await makeCast(t);
  });
  after(() => t.close());

  it('is decrypted for the reception body and the decryption audited', async () => {
    const key = await receptionPublicKey(t.ctx);
    const armored = (await openpgp.encrypt({
      message: await openpgp.createMessage({ text: '認証回避の詳細: admin パラメータで管理画面に入れる' }),
      encryptionKeys: await openpgp.readKey({ armoredKey: key.armored }),
    })) as string;
    const r = await submit(t, softwareReport({ description: armored }));
    const b = await as(t, cast.receptionHandler);
    const page = await b.get(reportUrl(r.trackingNumber));
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    assert.match(text, /認証回避の詳細: admin パラメータで管理画面に入れる/);
    assert.doesNotMatch(text, /BEGIN PGP MESSAGE/);
    assert.match(text, /受付機関の鍵で復号して表示しています/);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'report.decrypted')
      .executeTakeFirst();
    assert.equal(audit?.subject_id, r.reportId);
    assert.equal(audit?.actor_user_id, cast.receptionHandler.userId);
  });
});
