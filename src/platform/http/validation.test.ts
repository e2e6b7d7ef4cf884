import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { catalogs } from '../i18n/catalogs.js';
import { fieldErrors, localizeIssues, parseInput, text } from './validation.js';

const form = z.object({
  title: text(20),
  email: z.email(),
  count: z.number().int(),
  product: z.object({ versions: z.array(text(5)) }),
});

const good = { title: 'XSS in search', email: 'a@example.jp', count: 1, product: { versions: ['1.0'] } };

function errorsOf(input: unknown, locale: 'ja' | 'en') {
  const r = parseInput(form, input, locale);
  assert.equal(r.ok, false, 'input was accepted');
  return (r as { ok: false; errors: Record<string, string[]> }).errors;
}

describe('form validation', () => {
  it('accepts valid input and trims text', () => {
    const r = parseInput(form, { ...good, title: '  XSS in search \n' }, 'ja');
    assert.deepEqual(r, { ok: true, data: good });
  });

  it('refuses C0 and C1 control characters with a message in Japanese or English', () => {
    for (const ch of [
      '\u0000',
      '\u0001',
      '\u0008',
      '\u000b',
      '\u000c',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u009f',
    ]) {
      const input = { ...good, title: `a${ch}b` };
      assert.deepEqual(
        errorsOf(input, 'ja'),
        { title: [catalogs.ja.validation.controlChars] },
        JSON.stringify(ch),
      );
      assert.deepEqual(
        errorsOf(input, 'en'),
        { title: [catalogs.en.validation.controlChars] },
        JSON.stringify(ch),
      );
    }
    assert.equal(catalogs.ja.validation.controlChars, '制御文字は使用できません。');
    assert.equal(catalogs.en.validation.controlChars, 'Control characters are not allowed.');
  });

  it('lets tabs and line breaks through, since forms legitimately carry them', () => {
    const schema = z.object({ body: text(100) });
    const r = parseInput(schema, { body: 'line 1\r\nline 2\n\tindented' }, 'en');
    assert.deepEqual(r, { ok: true, data: { body: 'line 1\r\nline 2\n\tindented' } });
  });

  it('lets Japanese text through, including full-width spaces and symbols', () => {
    const schema = z.object({ body: text(100) });
    const r = parseInput(schema, { body: '検索機能に　クロスサイト・スクリプティング（XSS）' }, 'ja');
    assert.equal(r.ok, true);
  });

  it('keys errors by the field’s path, nested fields and list items included', () => {
    const errors = errorsOf(
      {
        title: 'x'.repeat(21),
        email: 'not-an-address',
        count: 'three',
        product: { versions: ['1.0', 'a\u0007', 'toolong'] },
      },
      'en',
    );
    assert.deepEqual(Object.keys(errors).sort(), [
      'count',
      'email',
      'product.versions.1',
      'product.versions.2',
      'title',
    ]);
    assert.deepEqual(errors['product.versions.1'], ['Control characters are not allowed.']);
  });

  it('words zod’s own messages in the requested language', () => {
    const input = { ...good, email: 'not-an-address', count: 'three' };
    const ja = errorsOf(input, 'ja');
    const en = errorsOf(input, 'en');
    assert.match(en.email![0]!, /email/i);
    assert.match(en.count![0]!, /expected number/);
    assert.match(ja.email![0]!, /メールアドレス/);
    assert.match(ja.count![0]!, /数値/);
  });

  it('reports every missing field when nothing was sent', () => {
    const errors = errorsOf(undefined, 'en');
    assert.deepEqual(Object.keys(errors).sort(), ['count', 'email', 'product', 'title']);
  });

  it('keys an error about the whole input as "_"', () => {
    const r = parseInput(z.string(), 42, 'en');
    assert.equal(r.ok, false);
    assert.deepEqual(Object.keys((r as { errors: object }).errors), ['_']);
  });

  it('collects several errors for one field', () => {
    const schema = z.object({ code: z.string().min(5).regex(/^\d+$/) });
    const r = parseInput(schema, { code: 'ab' }, 'en');
    assert.equal(r.ok, false);
    assert.equal((r as { errors: Record<string, string[]> }).errors.code?.length, 2);
  });
});

describe('re-wording errors raised elsewhere', () => {
  it('translates our catalog keys and re-words zod’s messages in the given locale', () => {
    const r = form.safeParse({ ...good, title: 'a\u0000', count: 'x' });
    assert.equal(r.success, false);
    const error = (r as { error: z.ZodError }).error;
    const ja = localizeIssues(error, 'ja');
    const en = localizeIssues(error, 'en');
    assert.deepEqual(ja.title, ['制御文字は使用できません。']);
    assert.deepEqual(en.title, ['Control characters are not allowed.']);
    assert.match(ja.count![0]!, /数値/);
    assert.match(en.count![0]!, /expected number/);
    // fieldErrors keeps zod's wording as it was made, but still translates catalog keys
    assert.deepEqual(fieldErrors(error, 'ja').title, ['制御文字は使用できません。']);
  });
});
