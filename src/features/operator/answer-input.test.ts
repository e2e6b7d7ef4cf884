// The rules of the operator's forms, one by one: what the completion report (修正完了報告書) requires, how its
// survey's "other" and "no damage" choices work, consent before a fix confirmation, the next contact, and the
// leak draft's published URL. Messages are catalog keys, worded by parseInput in ja and en.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInput } from '../../platform/http/validation.js';
import { completionForm, leakForm, notVulnerabilityForm } from './answer-input.js';

const valid = {
  action: 'fixed',
  whatDone: '入力値をプレースホルダで渡すよう修正しました。',
  causeBasis: 'design',
  causeDetail: ['input_check_sql', 'input_check_sql'],
  damageActual: 'none',
  nextContact: 'reception_desk',
  reporterOrganization: '株式会社サンプル',
  reporterName: '佐藤 花子',
};

const errorsOf = (input: Record<string, unknown>, locale: 'ja' | 'en' = 'ja') => {
  const r = parseInput(completionForm, input, locale);
  assert.equal(r.ok, false, 'expected a refusal');
  return r.ok ? {} : r.errors;
};

describe('the completion report form', () => {
  it('accepts a minimal report, one checkbox as a string, repeated codes once', () => {
    const r = parseInput(completionForm, valid, 'ja');
    assert.ok(r.ok);
    assert.deepEqual(r.data.causeBasis, ['design']);
    assert.deepEqual(r.data.causeDetail, ['input_check_sql']);
    assert.deepEqual(r.data.damagePotential, []);
    assert.equal(r.data.personalDataLeak, false);
    assert.equal(r.data.wantsFixConfirmation, false);
    assert.equal(r.data.nextContactEmail, null);
    assert.equal(r.data.opinion, null);
  });

  it('requires what was done, a survey answer to Q1(ア), Q1(イ) and Q2(ア), and who reports', () => {
    const e = errorsOf({ nextContact: 'reception_desk' });
    assert.deepEqual(Object.keys(e).sort(), [
      'action',
      'causeBasis',
      'causeDetail',
      'damageActual',
      'reporterName',
      'reporterOrganization',
      'whatDone',
    ]);
    assert.deepEqual(e.action, ['対応の内容を選んでください。']);
    assert.deepEqual(errorsOf({ ...valid, whatDone: '   ' }, 'en').whatDone, ['Describe what was done.']);
  });

  it('refuses a code that is not in the survey', () => {
    assert.ok(errorsOf({ ...valid, causeDetail: ['xss', 'rce'] })['causeDetail.1']);
    assert.ok(
      errorsOf({ ...valid, damagePotential: 'none' })['damagePotential.0'],
      'Q2(イ) has no "no damage"',
    );
    assert.ok(errorsOf({ ...valid, action: 'ignored' }).action);
  });

  it('needs the text of an "other" and keeps it only with its "other"', () => {
    assert.deepEqual(errorsOf({ ...valid, causeDetail: 'other' }).causeOther, [
      '「その他」を選んだ場合は、内容を入力してください。',
    ]);
    assert.ok(errorsOf({ ...valid, damageActual: 'other' }).damageActualOther);
    assert.ok(errorsOf({ ...valid, damagePotential: ['tampering', 'other'] }).damagePotentialOther);
    const r = parseInput(completionForm, { ...valid, causeOther: 'stray', damageActualOther: 'stray' }, 'ja');
    assert.ok(r.ok);
    assert.equal(r.data.causeOther, null);
    assert.equal(r.data.damageActualOther, null);
  });

  it('does not let "no damage" stand with a damage, and asks what leaked after a personal-data leak', () => {
    assert.ok(errorsOf({ ...valid, damageActual: ['none', 'tampering'] }).damageActual);
    assert.ok(errorsOf({ ...valid, damageActual: 'personal_data_leak' }).leakedKinds);
    const r = parseInput(
      completionForm,
      { ...valid, damageActual: ['personal_data_leak', 'cookie_leak'], leakedKinds: '氏名、メールアドレス' },
      'ja',
    );
    assert.ok(r.ok);
    assert.equal(r.data.personalDataLeak, true);
  });

  it('wants consent before a fix confirmation; consent alone does not ask for one', () => {
    assert.deepEqual(errorsOf({ ...valid, wantsConfirmation: 'on' }, 'en').consent, [
      'A confirmation of the fix needs your consent to the checking work.',
    ]);
    const both = parseInput(completionForm, { ...valid, wantsConfirmation: 'on', consent: 'on' }, 'ja');
    assert.ok(both.ok && both.data.wantsFixConfirmation && both.data.fixConfirmationConsent);
    const consentOnly = parseInput(completionForm, { ...valid, consent: 'on' }, 'ja');
    assert.ok(consentOnly.ok && !consentOnly.data.fixConfirmationConsent);
  });

  it('needs an address when the next contact is "this address", and keeps none otherwise', () => {
    assert.ok(errorsOf({ ...valid, nextContact: 'this_address' }).nextEmail);
    assert.ok(errorsOf({ ...valid, nextContact: 'this_address', nextEmail: 'not-an-address' }).nextEmail);
    assert.ok(errorsOf({ ...valid, nextContact: 'somebody' }).nextContact);
    const r = parseInput(
      completionForm,
      { ...valid, nextContact: 'this_address', nextEmail: ' sec@shop.example.org ', nextName: '佐藤' },
      'ja',
    );
    assert.ok(r.ok);
    assert.equal(r.data.nextContactEmail, 'sec@shop.example.org');
    const desk = parseInput(completionForm, { ...valid, nextEmail: 'sec@shop.example.org' }, 'ja');
    assert.ok(desk.ok);
    assert.equal(desk.data.nextContactEmail, null);
  });

  it('refuses control characters and over-long texts', () => {
    assert.ok(errorsOf({ ...valid, whatDone: 'a\u0000b' }).whatDone);
    assert.ok(errorsOf({ ...valid, whatDone: 'x'.repeat(20_001) }).whatDone);
  });
});

describe('the other answers', () => {
  it('"not a vulnerability" needs a reason', () => {
    const r = parseInput(notVulnerabilityForm, { reason: '' }, 'en');
    assert.deepEqual(r.ok ? null : r.errors.reason, ['Enter the reason.']);
    assert.ok(parseInput(notVulnerabilityForm, { reason: '仕様どおりの動作です' }, 'ja').ok);
  });

  it('the leak draft may be empty, and its published URL must be http(s)', () => {
    const empty = parseInput(leakForm, {}, 'ja');
    assert.ok(empty.ok);
    assert.equal(empty.data.publishedUrl, null);
    for (const bad of ['javascript:alert(1)', 'ftp://x.example/', 'https:// spaced']) {
      const r = parseInput(leakForm, { publishedUrl: bad }, 'ja');
      assert.equal(r.ok, false, bad);
    }
    assert.ok(parseInput(leakForm, { publishedUrl: 'https://shop.example.org/news/1' }, 'ja').ok);
  });
});
