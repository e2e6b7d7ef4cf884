// The leak notice lists the guideline's six items in order, in either language, and marks what is not written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leakNoticeText } from './leak-preview.js';

const draft = {
  overview: '会員情報が第三者に閲覧された可能性があります。',
  period: '2026-09-01〜2026-10-15',
  peopleCount: '約1,200件',
  dataKinds: '氏名、メールアドレス',
  cause: '検索機能の入力チェックの不備',
  contact: null,
};

describe('leak notice text', () => {
  it('has the six items of the guideline in order, in Japanese', () => {
    const text = leakNoticeText(draft, 'ja');
    const headings = [...text.matchAll(/^(\d)\. (.+)$/gm)].map((m) => m[2]);
    assert.deepEqual(headings, [
      '漏えいの概要',
      '漏えいしたと推察される期間',
      '漏えいしたと推察される件数',
      '漏えいしたと推察される個人情報の種類（属性など）',
      '漏えいの原因',
      '問合せ先',
    ]);
    assert.match(text, /約1,200件/);
    assert.match(text, /6\. 問合せ先\n（未記入）/);
  });

  it('words the headings in English and keeps the operator’s text as written', () => {
    const text = leakNoticeText({ ...draft, contact: 'privacy@shop.example.org\r\nTel 03-0000-0000' }, 'en');
    assert.match(text, /^Notice of a leak of personal information\n/);
    assert.match(text, /3\. Number of records presumed leaked\n約1,200件/);
    assert.match(text, /6\. Contact for inquiries\nprivacy@shop\.example\.org\nTel 03-0000-0000\n$/);
  });
});
