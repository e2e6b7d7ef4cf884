import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogs } from './catalogs.js';
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, translator } from './i18n.js';

describe('choosing the language from Accept-Language', () => {
  const cases: [string | undefined, 'ja' | 'en'][] = [
    [undefined, 'ja'],
    ['', 'ja'],
    ['ja', 'ja'],
    ['en', 'en'],
    ['ja-JP', 'ja'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['en-US,en;q=0.9,ja;q=0.8', 'en'],
    ['ja,en-US;q=0.9,en;q=0.8', 'ja'],
    ['ja;q=0.5, en;q=0.6', 'en'],
    ['en;q=0.5, ja;q=0.6', 'ja'],
    // equal weights: the order the browser listed them in decides
    ['en, ja', 'en'],
    ['ja, en', 'ja'],
    // neither language listed, or only other languages: Japanese
    ['fr-FR, de;q=0.9', 'ja'],
    ['*', 'ja'],
    // English listed after languages we do not have, Japanese not listed at all: English
    ['fr, en;q=0.5', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'en'],
  ];
  for (const [header, expected] of cases) {
    it(`picks ${expected} for ${JSON.stringify(header)}`, () => {
      assert.equal(localeFromAcceptLanguage(header), expected);
    });
  }

  it('treats q=0 as "not this language"', () => {
    assert.equal(localeFromAcceptLanguage('en;q=0'), 'ja');
    assert.equal(localeFromAcceptLanguage('en;q=0.0, fr'), 'ja');
    assert.equal(localeFromAcceptLanguage('ja;q=0, en;q=0.1'), 'en');
  });

  it('allows spaces around the semicolon before q', () => {
    assert.equal(localeFromAcceptLanguage('en ; q=0.9, ja ; q=0.5'), 'en');
    assert.equal(localeFromAcceptLanguage('  en-GB  ,ja;q=0.1'), 'en');
  });

  it('does not let an out-of-range weight outrank a language listed first', () => {
    assert.equal(localeFromAcceptLanguage('ja, en;q=5'), 'ja');
  });

  it('survives garbage and falls back to Japanese', () => {
    for (const junk of [';;;,,,', 'q=1', ',', 'en;q=abc', 'en;q=', '☃', 'a'.repeat(5000), 'en;;;q=;;']) {
      assert.ok(isLocale(localeFromAcceptLanguage(junk)), junk);
    }
    assert.equal(localeFromAcceptLanguage('en;q=abc'), 'ja');
    assert.equal(localeFromAcceptLanguage(';;;,,,'), 'ja');
    assert.equal(DEFAULT_LOCALE, 'ja');
  });
});

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') for (const [p, x] of leaves(v, path)) out.set(p, x);
    else out.set(path, v);
  }
  return out;
}

describe('the catalogs', () => {
  const ja = leaves(catalogs.ja as Tree);
  const en = leaves(catalogs.en as Tree);

  it('have exactly the same keys in Japanese and English', () => {
    const onlyJa = [...ja.keys()].filter((k) => !en.has(k));
    const onlyEn = [...en.keys()].filter((k) => !ja.has(k));
    assert.deepEqual({ onlyJa, onlyEn }, { onlyJa: [], onlyEn: [] });
    assert.ok(ja.size > 20, 'the catalogs were read');
  });

  it('have no empty or non-string messages', () => {
    for (const [locale, map] of [
      ['ja', ja],
      ['en', en],
    ] as const) {
      for (const [key, value] of map) {
        assert.equal(typeof value, 'string', `${locale}:${key}`);
        assert.notEqual((value as string).trim(), '', `${locale}:${key} is empty`);
      }
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    const names = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    for (const [key, value] of ja) assert.deepEqual(names(en.get(key)), names(value), key);
  });

  it('translate through i18next in each language, without HTML escaping (the renderer escapes)', () => {
    assert.equal(translator('ja')('errors.notFound'), catalogs.ja.errors.notFound);
    assert.equal(translator('en')('errors.notFound'), catalogs.en.errors.notFound);
    assert.notEqual(translator('ja')('errors.notFound'), translator('en')('errors.notFound'));
    const key = [...en.keys()].find((k) => String(en.get(k)).includes('{{name}}'));
    assert.ok(key, 'a message with {{name}}');
    const shown = translator('en')(key, { name: '<b>A & B</b>', org: 'o', role: 'r' });
    assert.ok(shown.includes('<b>A & B</b>'), shown);
  });

  it('gives the same text for a key asked again, and interpolates every call that has options', () => {
    // translator remembers texts asked for by key alone: a call with options must never get a remembered one
    const t = translator('en');
    const template = t('home.signedInAs');
    assert.equal(t('home.signedInAs'), template);
    assert.equal(t('home.signedInAs', { name: 'A', org: 'o', role: 'r' }), 'Signed in as A (o, r)');
    assert.equal(t('home.signedInAs', { name: 'B', org: 'p', role: 's' }), 'Signed in as B (p, s)');
    assert.equal(t('home.signedInAs'), template);
    assert.equal(translator('ja')('errors.notFound'), catalogs.ja.errors.notFound);
    // a list of keys (the first that exists) and an unknown key still go through i18next
    assert.equal(t(['no.such.key', 'errors.notFound']), catalogs.en.errors.notFound);
    assert.equal(t('no.such.key'), 'no.such.key');
  });

  it('knows only ja and en as locales', () => {
    assert.equal(isLocale('ja'), true);
    assert.equal(isLocale('en'), true);
    assert.equal(isLocale('fr'), false);
    assert.equal(isLocale(undefined), false);
  });
});
