import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentTokens, MAX_WORD_LENGTH, queryTokens, toTsQuery, toTsVector } from './search-tokens.js';

const samples = [
  'クロスサイトスクリプティングの脆弱性',
  'SQLインジェクション',
  '認証回避',
  'Apache Struts 2 における脆弱性',
  'ＷｏｒｄＰｒｅｓｓ用プラグイン「Ｃｏｎｔａｃｔ Ｆｏｒｍ」におけるクロスサイトリクエストフォージェリの脆弱性',
  '複数のネットワークカメラ製品におけるOSコマンドインジェクションの脆弱性 (CVE-2026-12345, v1.2.3)',
  'ｲﾝﾀｰﾈｯﾄ接続サービスの認証不備により、第三者が管理画面にアクセスできる可能性があります。',
  'Path traversal in the file upload handler of 사내 메신저 allows reading arbitrary files.',
  '𠮷野家の受付システムで暗号化されていない通信が行われる問題',
];

// mulberry32: a tiny seeded PRNG, so the property checks are random yet repeatable.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー〆]/v;
const WORD =
  /[[\p{L}\p{M}\p{N}]--[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー〆]]/v;

// A model of PostgreSQL's `tsvector @@ tsquery` for the shapes toTsQuery writes: phrases ANDed, each a chain of
// operands at fixed distances. A token's position is its index + 1, as in toTsVector. The expected query
// strings below were also run against PostgreSQL 18 (C.UTF-8) with the same results.
function matches(query: string, tokens: readonly string[]): boolean {
  return query.split(' & ').every((phrase) => {
    const ops = [...phrase.matchAll(/(?:<(-|\d+)> )?'([^']*)'(:\*)?/g)].map((m) => ({
      distance: m[1] === undefined || m[1] === '-' ? 1 : Number(m[1]),
      token: m[2]!,
      prefix: m[3] !== undefined,
    }));
    return tokens.some((_, start) => {
      let at = start;
      return ops.every((op, i) => {
        if (i > 0) at += op.distance;
        const t = tokens[at];
        return t !== undefined && (op.prefix ? t.startsWith(op.token) : t === op.token);
      });
    });
  });
}

const search = (query: string, text: string) => {
  const q = toTsQuery(query);
  return q !== null && matches(q, documentTokens(text));
};

describe('document tokens', () => {
  it('turns a CJK run into overlapping bigrams, ending with its last character alone', () => {
    assert.deepEqual(documentTokens('脆弱性'), ['脆弱', '弱性', '性']);
    assert.deepEqual(documentTokens('認証回避'), ['認証', '証回', '回避', '避']);
  });

  it('keeps a single CJK character as a unigram', () => {
    assert.deepEqual(documentTokens('鍵'), ['鍵']);
    assert.deepEqual(documentTokens('鍵 と 錠'), ['鍵', 'と', '錠']);
  });

  it('tokenises a katakana advisory title, keeping the prolonged sound mark ー inside the run', () => {
    assert.deepEqual(documentTokens('クロスサイトスクリプティングの脆弱性'), [
      ...[
        'クロ',
        'ロス',
        'スサ',
        'サイ',
        'イト',
        'トス',
        'スク',
        'クリ',
        'リプ',
        'プテ',
        'ティ',
        'ィン',
        'ング',
      ],
      ...['グの', 'の脆', '脆弱', '弱性', '性'],
    ]);
    assert.deepEqual(documentTokens('サーバー'), ['サー', 'ーバ', 'バー', 'ー']);
  });

  it('splits Latin words from an adjacent CJK run: SQLインジェクション', () => {
    assert.deepEqual(documentTokens('SQLインジェクション'), [
      ...['sql', 'イン', 'ンジ', 'ジェ', 'ェク', 'クシ', 'ショ', 'ョン', 'ン'],
    ]);
  });

  it('lower-cases Latin words and keeps numbers in mixed text: Apache Struts 2 における脆弱性', () => {
    assert.deepEqual(documentTokens('Apache Struts 2 における脆弱性'), [
      ...['apache', 'struts', '2', 'にお', 'おけ', 'ける', 'る脆', '脆弱', '弱性', '性'],
    ]);
  });

  it('splits identifiers at their punctuation and indexes no joined form', () => {
    assert.deepEqual(documentTokens('CVE-2026-12345'), ['cve', '2026', '12345']);
    assert.deepEqual(documentTokens('v1.2.3'), ['v1', '2', '3']);
    assert.deepEqual(documentTokens('JVN#12345678, JVNDB-2026-000123'), [
      'jvn',
      '12345678',
      'jvndb',
      '2026',
      '000123',
    ]);
    assert.deepEqual(documentTokens('o_auth2 ipv6'), ['o', 'auth2', 'ipv6']);
  });

  it('folds full-width and half-width forms with NFKC: ＳＱＬ ≡ sql, ｸﾛｽｻｲﾄ ≡ クロスサイト, ｶﾞ ≡ ガ', () => {
    assert.deepEqual(documentTokens('ＳＱＬ'), ['sql']);
    assert.deepEqual(documentTokens('ＳＱＬインジェクション'), documentTokens('sqlインジェクション'));
    assert.deepEqual(documentTokens('ｸﾛｽｻｲﾄ'), documentTokens('クロスサイト'));
    assert.deepEqual(documentTokens('ｶﾞｲﾄﾞ'), ['ガイ', 'イド', 'ド']);
    assert.deepEqual(documentTokens('バージョン１２'), documentTokens('バージョン12'));
    assert.deepEqual(documentTokens('①'), ['1']);
  });

  it('treats punctuation, the katakana middle dot and the ideographic space as separators', () => {
    assert.deepEqual(documentTokens('ネットワーク・カメラ'), [
      'ネッ',
      'ット',
      'トワ',
      'ワー',
      'ーク',
      'ク',
      'カメ',
      'メラ',
      'ラ',
    ]);
    assert.deepEqual(documentTokens('認証、回避。'), ['認証', '証', '回避', '避']);
    assert.deepEqual(documentTokens('暗号\u3000化'), ['暗号', '号', '化']);
  });

  it('bigrams Hangul too, and keeps characters outside the BMP whole (𠮷)', () => {
    assert.deepEqual(documentTokens('사내 메신저'), ['사내', '내', '메신', '신저', '저']);
    assert.deepEqual(documentTokens('𠮷野家'), ['𠮷野', '野家', '家']);
  });

  it('keeps accented and other-script words as words', () => {
    assert.deepEqual(documentTokens('Café Ünïcode Привет'), ['café', 'ünïcode', 'привет']);
  });

  it('cuts words longer than MAX_WORD_LENGTH characters, so PostgreSQL never refuses a lexeme', () => {
    const [token] = documentTokens('a'.repeat(5000));
    assert.equal(token, 'a'.repeat(MAX_WORD_LENGTH));
    assert.equal(search('a'.repeat(5000), `x ${'a'.repeat(300)} y`), true, 'query side is cut the same way');
  });

  it('counts characters, not code units: astral words are cut whole, lone surrogates separate', () => {
    // Deseret (U+10400…), letters outside the BMP that NFKC leaves alone; upper case folds to lower
    const [cut] = documentTokens(`${'𐐀'.repeat(MAX_WORD_LENGTH + 20)} b`);
    assert.equal(cut, '𐐨'.repeat(MAX_WORD_LENGTH), 'a word of astral letters cut at 100 characters');
    assert.deepEqual(documentTokens('ab\uD800cd\uDC00漢字\uD83D'), ['ab', 'cd', '漢字', '字']);
    assert.deepEqual(documentTokens('😀漢😀'), ['漢'], 'an emoji is no letter: it separates');
    // a combining mark (Script=Inherited) after kana is a mark, not CJK: it ends the run and is a word
    assert.deepEqual(documentTokens('か\u309Aき'), ['か', '\u309A', 'き']);
  });

  it('returns no tokens for empty, whitespace-only or punctuation-only text', () => {
    for (const text of ['', '   \t\n\u3000', '!?&|()<->:*\'"\\', '、。「」・']) {
      assert.deepEqual(documentTokens(text), [], JSON.stringify(text));
    }
  });
});

describe('the tsvector literal', () => {
  it('lists each distinct token once with all its 1-based positions', () => {
    assert.equal(toTsVector('脆弱性 脆弱性'), "'脆弱':1,4 '弱性':2,5 '性':3,6");
    assert.equal(toTsVector('SQL sql ＳＱＬ'), "'sql':1,2,3");
    assert.equal(toTsVector(''), '');
  });

  it('caps positions at PostgreSQL’s 16,383 instead of producing an invalid literal', () => {
    const literal = toTsVector(`${'a '.repeat(16_400)}b`);
    assert.match(literal, /,16382,16383 'b':16383$/);
  });
});

describe('query tokens', () => {
  it('gives the bigrams of each CJK run and the words, without repeats', () => {
    assert.deepEqual(queryTokens('脆弱性'), ['脆弱', '弱性']);
    assert.deepEqual(queryTokens('Apache Struts 2 における脆弱性'), [
      ...['apache', 'struts', '2', 'にお', 'おけ', 'ける', 'る脆', '脆弱', '弱性'],
    ]);
    assert.deepEqual(queryTokens('脆弱 脆弱'), ['脆弱']);
    assert.deepEqual(queryTokens('鍵'), ['鍵']);
    assert.deepEqual(queryTokens(' \u3000 '), []);
  });
});

describe('the tsquery', () => {
  it('finds 脆弱性 with the 2-character query 脆弱', () => {
    assert.equal(toTsQuery('脆弱'), "'脆弱'");
    assert.equal(search('脆弱', 'クロスサイトスクリプティングの脆弱性'), true);
    assert.equal(search('脆弱', '認証回避'), false);
  });

  it('finds a single CJK character anywhere in a run, as a prefix', () => {
    assert.equal(toTsQuery('性'), "'性':*");
    assert.equal(search('性', '脆弱性'), true);
    assert.equal(search('脆', '脆弱性'), true);
    assert.equal(search('弱', '脆弱性'), true);
    assert.equal(search('鍵', '脆弱性'), false);
  });

  it('makes each term a phrase: a CJK term matches only as a contiguous substring', () => {
    assert.equal(toTsQuery('認証回避'), "('認証' <-> '証回' <-> '回避')");
    assert.equal(search('クロスサイト', 'クロスサイトスクリプティング'), true);
    assert.equal(search('クロススクリプト', 'クロスサイトスクリプティング'), false);
    assert.equal(search('証回', '認証回避'), true);
  });

  it('ANDs whitespace-separated terms, which may appear anywhere', () => {
    assert.equal(toTsQuery('struts 脆弱性'), "'struts' & ('脆弱' <-> '弱性')");
    assert.equal(search('脆弱性 struts', 'Apache Struts 2 における脆弱性'), true);
    assert.equal(search('脆弱性 tomcat', 'Apache Struts 2 における脆弱性'), false);
  });

  it('treats half-width and full-width queries alike: ＳＱＬ ≡ sql, ｲﾝｼﾞｪｸｼｮﾝ ≡ インジェクション', () => {
    assert.equal(toTsQuery('ＳＱＬ'), toTsQuery('sql'));
    assert.equal(toTsQuery('ｲﾝｼﾞｪｸｼｮﾝ'), toTsQuery('インジェクション'));
    assert.equal(search('ＳＱＬインジェクション', 'SQLインジェクション'), true);
    assert.equal(search('sql', 'ＳＱＬインジェクション'), true);
  });

  it('keeps phrase distances exact when a CJK run is followed by a word in one term', () => {
    // The document has the run-final token 'ン' between 'ョン' and 'sql', hence <2>.
    assert.equal(
      toTsQuery('インジェクションSQL'),
      "('イン' <-> 'ンジ' <-> 'ジェ' <-> 'ェク' <-> 'クシ' <-> 'ショ' <-> 'ョン' <2> 'sql')",
    );
    assert.equal(search('インジェクションSQL', 'OSコマンドインジェクションSQL'), true);
    assert.equal(search('インジェクションSQL', 'インジェクションとSQL'), false);
    assert.equal(toTsQuery('ンSQL'), "('ン':* <-> 'sql')");
    assert.equal(search('ンSQL', 'インジェクションSQL'), true);
  });

  it('finds identifiers exactly through a phrase of their parts, and their fragments too', () => {
    assert.equal(toTsQuery('CVE-2026-12345'), "('cve' <-> '2026' <-> '12345')");
    const doc = '修正済み (CVE-2026-12345, v1.2.30)';
    assert.equal(search('cve-2026-12345', doc), true);
    assert.equal(search('2026-12345', doc), true);
    assert.equal(search('CVE-2026-1234', doc), false);
    assert.equal(search('v1.2.3', doc), false);
    assert.equal(search('v1.2.30', doc), true);
  });

  it('never lets input act as tsquery syntax: operators, quotes, prefixes and backslashes are text', () => {
    assert.equal(toTsQuery('a & b | !c'), "'a' & 'b' & 'c'");
    assert.equal(toTsQuery('脆弱 & 認証'), "'脆弱' & '認証'");
    assert.equal(toTsQuery('a<->b'), "('a' <-> 'b')");
    assert.equal(toTsQuery("o'reilly"), "('o' <-> 'reilly')");
    assert.equal(toTsQuery("x' | 'y"), "'x' & 'y'");
    assert.equal(toTsQuery('struts:*'), "'struts'");
    assert.equal(toTsQuery('a\\b'), "('a' <-> 'b')");
  });

  it('is null for empty, whitespace-only or operator-only input', () => {
    for (const q of ['', ' ', '\t\n', '\u3000', "'", ':*', '\\', '\\\\', '&', '| ! ( ) <->', "''", '、。']) {
      assert.equal(toTsQuery(q), null, JSON.stringify(q));
    }
  });

  it('produces only quoted operands and its own operators for 2000 random hostile inputs (property)', () => {
    const random = prng(7);
    const alphabet = [...'\'\\&|!():*<>-_ .,"\t\u3000aZ9脆弱性ーｸﾛＳ한𠮷'];
    const operand = "'(?:[^'\\\\]|''|\\\\\\\\)+'(?::\\*)?";
    const phrase = `(?:${operand}|\\((?:${operand})(?: <(?:-|\\d+)> ${operand})+\\))`;
    const grammar = new RegExp(`^${phrase}(?: & ${phrase})*$`, 'u');
    for (let i = 0; i < 2000; i++) {
      const length = Math.floor(random() * 12);
      const input = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const q = toTsQuery(input);
      if (q === null) assert.deepEqual(queryTokens(input), [], JSON.stringify(input));
      else assert.match(q, grammar, JSON.stringify(input));
    }
  });

  it('finds every document from any substring of it that does not cut through a word (property)', () => {
    const random = prng(2004_07_08);
    for (const sample of samples) {
      const text = [...sample.normalize('NFKC')];
      const tokens = documentTokens(sample);
      // A cut may fall anywhere except between two characters of the same Latin/digit word.
      const cuts = [...Array(text.length + 1).keys()].filter(
        (i) => !(i > 0 && i < text.length && WORD.test(text[i - 1]!) && WORD.test(text[i]!)),
      );
      for (let n = 0; n < 300; n++) {
        const a = cuts[Math.floor(random() * cuts.length)]!;
        const b = cuts[Math.floor(random() * cuts.length)]!;
        const query = text.slice(Math.min(a, b), Math.max(a, b)).join('');
        for (const t of queryTokens(query)) {
          const single = [...t].length === 1 && CJK.test(t);
          assert.ok(
            tokens.includes(t) || (single && tokens.some((d) => d.startsWith(t))),
            `${JSON.stringify(t)} of ${JSON.stringify(query)} not in ${JSON.stringify(sample)}`,
          );
        }
        if (queryTokens(query).length > 0) assert.equal(search(query, sample), true, JSON.stringify(query));
      }
    }
  });

  it('matches a CJK query exactly when a CJK run of the document contains it, like ILIKE (property)', () => {
    const random = prng(45);
    const runsOf = (s: string) => s.normalize('NFKC').match(new RegExp(`${CJK.source}+`, 'gv')) ?? [];
    const pool = samples.flatMap(runsOf);
    for (let n = 0; n < 500; n++) {
      const run = [...pool[Math.floor(random() * pool.length)]!];
      const start = Math.floor(random() * run.length);
      const query = run.slice(start, start + 1 + Math.floor(random() * 5)).join('');
      for (const sample of samples) {
        const expected = runsOf(sample).some((r) => r.includes(query));
        assert.equal(search(query, sample), expected, `${query} in ${sample}`);
      }
    }
  });
});
