// Mail subscriptions over HTTP: subscribe → confirm (double opt-in, the GET of a link changes nothing) → the
// publication mail with an unsubscribe link → unsubscribe → no more mail. The form answers the same whether the
// address is new, waiting or subscribed; only the token's sha-256 is stored; unconfirmed addresses get nothing;
// bad input is refused in the reader's language with what was typed kept; asking is rate-limited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sha256Hex } from '../../platform/crypto.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { Browser, textOf } from '../../testing/browser.js';
import { buildWorld, type World } from '../../testing/world.js';
import { publishDueAdvisories } from './publish-due-advisories.js';
import { requestSubscription } from './request-subscription.js';
import { anotherCase, runFanOuts, scheduledAdvisory } from './testing.js';

const confirmMails = (t: TestApp, to: string) =>
  t.ctx.db
    .selectFrom('mail_messages')
    .select(['body_text', 'locale', 'subject'])
    .where('template', '=', 'publication.mail.confirm')
    .where('to_address', '=', to)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

const advisoryMails = (t: TestApp, to: string) =>
  t.ctx.db
    .selectFrom('mail_messages')
    .select(['body_text', 'template'])
    .where('template', 'like', 'publication.mail.published.subscriber')
    .where('to_address', '=', to)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

const linkIn = (body: string, path: 'subscribe/confirm' | 'unsubscribe') => {
  const m = new RegExp(`(/${path}/[A-Za-z0-9_-]+)`).exec(body);
  if (!m?.[1]) throw new Error(`no /${path}/ link in the mail`);
  return m[1];
};

/** The page's text without the per-request CSRF token. */
const visible = (html: string) => textOf(html.replace(/name="_csrf" value="[^"]*"/g, ''));

const subscription = (t: TestApp, email: string) =>
  t.ctx.db
    .selectFrom('advisory_subscriptions')
    .selectAll()
    .where('email', '=', email)
    .orderBy('created_at')
    .execute();

describe('subscribing to advisories by mail', () => {
  let t: TestApp;
  let w: World;
  let published = 0;

  async function publishOne(): Promise<void> {
    const c = await anotherCase(t, w);
    published++;
    const moment = new Date(Date.parse('2027-03-01T00:00:00Z') + published * 86_400_000);
    await scheduledAdvisory(t, c.caseId, { publicId: `JVN#2000000${published}`, scheduledFor: moment });
    t.clock.set(moment);
    const r = await publishDueAdvisories(t.ctx);
    assert.equal(r.published.length, 1);
    await runFanOuts(t); // the subscribers' mail, as the worker sends it after the publication
  }

  before(async () => {
    t = await startTestApp({ now: '2026-12-01T00:00:00Z' });
    w = await buildWorld(t);
  });
  after(() => t.close());

  it('shows the form in Japanese and in English', async () => {
    const ja = await new Browser(t).get('/subscribe');
    assert.equal(ja.statusCode, 200);
    assert.ok(ja.body.includes('脆弱性対策情報のメール配信'));
    assert.ok(ja.body.includes('<option value="ja" selected'));
    const en = await new Browser(t, { acceptLanguage: 'en' }).get('/subscribe');
    assert.ok(en.body.includes('Vulnerability advisories by mail'));
    assert.ok(en.body.includes('<option value="en" selected'));
  });

  it('refuses a bad address in the reader’s language, keeps what was typed, stores and mails nothing', async () => {
    for (const [lang, message] of [
      ['ja', 'メールアドレスを正しく入力してください。'],
      ['en', 'Enter a valid email address.'],
    ] as const) {
      const b = new Browser(t, { acceptLanguage: lang });
      await b.get('/subscribe');
      const res = await b.post('/subscribe', { email: 'not-an-address', locale: 'ja' });
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes(message), lang);
      assert.ok(res.body.includes('value="not-an-address"'));
      assert.ok(res.body.includes('aria-invalid="true"'));
    }
    const b = new Browser(t);
    await b.get('/subscribe');
    assert.equal((await b.post('/subscribe', { email: 'a@b.example', locale: 'fr' })).statusCode, 400);
    const rows = await t.ctx.db.selectFrom('advisory_subscriptions').select('id').execute();
    assert.deepEqual(rows, []);
    await assert.rejects(
      requestSubscription(t.ctx, { kind: 'anonymous' }, { email: 'x', locale: 'ja' }),
      (e: Error & { fields?: Record<string, string[]> }) =>
        e.fields?.email?.[0] === 'publication.subscribe.errors.email',
    );
  });

  it('subscribes with a confirmation, mails the advisory with an unsubscribe link, and stops after unsubscribing', async () => {
    const email = 'Reader@Example.org';
    t.clock.set('2027-03-01T00:00:00Z'); // the first publication below is a day later: the link still works
    const b = new Browser(t);
    await b.get('/subscribe');
    const asked = await b.post('/subscribe', { email, locale: 'en' });
    assert.equal(asked.statusCode, 200);
    assert.ok(asked.body.includes('確認のメールをお送りしました'));

    const [row] = await subscription(t, 'reader@example.org');
    assert.ok(row);
    assert.equal(row.locale, 'en');
    assert.equal(row.confirmed_at, null);
    const [mail] = await confirmMails(t, 'reader@example.org');
    assert.ok(mail);
    assert.equal(mail.locale, 'en');
    const confirm = linkIn(mail.body_text, 'subscribe/confirm');
    const token = confirm.split('/').pop()!;
    assert.equal(row.token_hash, sha256Hex(token), 'only the digest of the secret is stored');
    assert.ok(!JSON.stringify(row).includes(token));

    // before confirming, a publication mails nothing to the address
    await publishOne();
    assert.deepEqual(await advisoryMails(t, 'reader@example.org'), []);

    // opening the link (a mail scanner would) changes nothing; the button confirms
    const page = await b.get(confirm);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    assert.ok(page.body.includes('reader@example.org'));
    assert.equal((await subscription(t, 'reader@example.org'))[0]?.confirmed_at, null);
    const done = await b.post(confirm);
    assert.equal(done.statusCode, 200);
    assert.ok(done.body.includes('登録しました'));
    assert.ok((await subscription(t, 'reader@example.org'))[0]?.confirmed_at);
    const reopened = await b.get(confirm);
    assert.equal(reopened.statusCode, 200);
    assert.ok(reopened.body.includes('登録しました'), 'a confirmed link opened again says it is done');

    await publishOne();
    const mails = await advisoryMails(t, 'reader@example.org');
    assert.equal(mails.length, 1);
    assert.ok(mails[0]!.body_text.includes(`JVN#2000000${published}`));
    assert.ok(mails[0]!.body_text.includes(`${t.ctx.config.publicUrl}/advisories/JVN2000000${published}`));
    const unsubscribe = linkIn(mails[0]!.body_text, 'unsubscribe');

    // the unsubscribe page asks first; the GET leaves the subscription as it is
    const ask = await new Browser(t).get(unsubscribe);
    assert.equal(ask.statusCode, 200);
    assert.ok(ask.body.includes('配信を停止する'));
    assert.equal((await subscription(t, 'reader@example.org'))[0]?.unsubscribed_at, null);
    const u = new Browser(t);
    await u.get(unsubscribe);
    const stopped = await u.post(unsubscribe);
    assert.equal(stopped.statusCode, 200);
    assert.ok(stopped.body.includes('配信を停止しました'));
    assert.ok((await subscription(t, 'reader@example.org'))[0]?.unsubscribed_at);

    await publishOne();
    assert.equal((await advisoryMails(t, 'reader@example.org')).length, 1, 'no more mail');
    // the links stop working with it
    assert.equal((await new Browser(t).get(unsubscribe)).statusCode, 404);
    assert.equal((await new Browser(t).get(confirm)).statusCode, 404);
  });

  it('answers the same whether the address is new, waiting for confirmation or subscribed', async () => {
    const answer = async (email: string) => {
      const b = new Browser(t);
      await b.get('/subscribe');
      const res = await b.post('/subscribe', { email, locale: 'ja' });
      return { status: res.statusCode, text: visible(res.body) };
    };
    const fresh = await answer('fresh@example.org');
    const waiting = await answer('fresh@example.org');
    assert.deepEqual(waiting, fresh);
    // confirmed
    const link = linkIn((await confirmMails(t, 'fresh@example.org'))[0]!.body_text, 'subscribe/confirm');
    const b = new Browser(t);
    await b.get(link);
    await b.post(link);
    const mailsBefore = (await confirmMails(t, 'fresh@example.org')).length;
    const subscribed = await answer('fresh@example.org');
    assert.deepEqual(subscribed, fresh);
    assert.equal(
      (await confirmMails(t, 'fresh@example.org')).length,
      mailsBefore,
      'a subscribed address gets nothing',
    );
    assert.equal((await subscription(t, 'fresh@example.org')).length, 1);
    // a waiting address gets the same link again, a few times a day at most
    const again = await confirmMails(t, 'fresh@example.org');
    assert.equal(again.length, 2);
    assert.equal(linkIn(again[1]!.body_text, 'subscribe/confirm'), link);
  });

  it('subscribes an address again after it unsubscribed, with a new secret', async () => {
    const email = 'reader@example.org';
    const b = new Browser(t);
    await b.get('/subscribe');
    await b.post('/subscribe', { email, locale: 'ja' });
    const rows = await subscription(t, email);
    assert.equal(rows.length, 2);
    assert.notEqual(rows[0]!.token_hash, rows[1]!.token_hash);
    assert.equal(rows[1]!.unsubscribed_at, null);
  });

  it('shows an unknown or malformed link as a page not found, changing nothing', async () => {
    for (const path of [
      '/subscribe/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '/unsubscribe/short',
      '/subscribe/confirm/%27%20or%201%3D1--',
    ]) {
      const b = new Browser(t);
      const res = await b.get(path);
      assert.equal(res.statusCode, 404, path);
      assert.ok(res.body.includes('このリンクは使えません'));
      assert.equal((await b.post(path)).statusCode, 404, path);
    }
  });

  it('lets a confirmation link expire after a week, and asking again makes it work again', async () => {
    const email = 'slow@example.org';
    const ask = async () => {
      const b = new Browser(t);
      await b.get('/subscribe');
      assert.equal((await b.post('/subscribe', { email, locale: 'ja' })).statusCode, 200);
    };
    await ask();
    const link = linkIn((await confirmMails(t, email))[0]!.body_text, 'subscribe/confirm');
    assert.ok((await confirmMails(t, email))[0]!.body_text.includes('7日以内'));
    t.clock.advance(7 * 86_400_000 + 1);
    const b = new Browser(t);
    assert.equal((await b.get(link)).statusCode, 404);
    assert.equal((await b.post(link)).statusCode, 404);
    assert.equal((await subscription(t, email))[0]?.confirmed_at, null);
    // the expired request can still be ended
    assert.equal(
      (await new Browser(t).get(link.replace('/subscribe/confirm/', '/unsubscribe/'))).statusCode,
      200,
    );
    await ask();
    const again = new Browser(t);
    assert.equal((await again.get(link)).statusCode, 200);
    assert.equal((await again.post(link)).statusCode, 200);
    assert.ok((await subscription(t, email))[0]?.confirmed_at);
  });

  it('limits how often one client may ask', async () => {
    const b = new Browser(t);
    await b.get('/subscribe');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (await b.post('/subscribe', { email: `flood${i}@example.org`, locale: 'ja' })).statusCode,
      );
    }
    assert.deepEqual(statuses, [...Array(10).fill(200), 429]);
  });
});
