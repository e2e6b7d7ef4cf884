// The pre-release copy's masking and the re-review's field list (pure).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AdvisoryContent, emptyContent } from '../../domain/advisory-document.js';
import { changedFields } from './diff.js';
import { findMentions, maskForDeveloper, nameForms } from './prerelease-mask.js';

function twoDevelopers(): AdvisoryContent {
  return {
    ...emptyContent(),
    title: { ja: 'Alpha CMS と Beta Gate の脆弱性', en: 'Vulnerability in Alpha CMS and Beta Gate' },
    overview: { ja: 'Beta Works の Beta Gate に影響します。', en: 'Beta Works Beta Gate is affected.' },
    developers: [
      { slug: 'alpha-soft', name: { ja: 'アルファソフト', en: 'Alpha Soft' } },
      { slug: 'beta-works', name: { ja: 'ベータワークス', en: 'Beta Works' } },
    ],
    products: [
      {
        key: 'p1',
        developerSlug: 'alpha-soft',
        name: { ja: 'アルファCMS', en: 'Alpha CMS' },
        versions: { ja: '1.4 以前', en: '1.4 and earlier' },
        versionRange: null,
        fixedVersion: '1.5',
        purl: 'pkg:npm/alpha-cms',
        cpe: null,
      },
      {
        key: 'p2',
        developerSlug: 'beta-works',
        name: { ja: 'Beta Gate', en: 'Beta Gate' },
        versions: { ja: '2.x', en: '2.x' },
        versionRange: null,
        fixedVersion: '3.0',
        purl: 'pkg:npm/beta-gate',
        cpe: null,
      },
    ],
    vendorStatuses: [
      {
        developerSlug: 'alpha-soft',
        vulnerabilityOrdinal: 1,
        status: 'fixed',
        statement: { ja: 'アルファの声明', en: 'Alpha statement' },
        url: 'https://alpha.example/sec',
      },
      {
        developerSlug: 'beta-works',
        vulnerabilityOrdinal: 1,
        status: 'affected',
        statement: { ja: 'ベータの声明', en: 'Beta statement' },
        url: 'https://beta.example/sec',
      },
    ],
    references: [{ kind: 'vendor', title: 'Beta Works advisory', url: 'https://beta.example/sec' }],
  };
}

describe('the pre-release copy', () => {
  it("shows the viewer's own developer in full and every other as “Another developer (n)”", () => {
    const m = maskForDeveloper(twoDevelopers(), 'alpha-soft');
    const json = JSON.stringify(m);
    for (const hidden of [
      'Beta Works',
      'ベータワークス',
      'Beta Gate',
      'beta-works',
      'beta.example',
      'ベータの声明',
    ])
      assert.ok(!json.includes(hidden), `${hidden} is hidden`);
    assert.ok(json.includes('Alpha statement') && json.includes('pkg:npm/alpha-cms'));
    assert.deepEqual(m.developers[1]?.name, { ja: '他の開発者（1）', en: 'Another developer (1)' });
    assert.equal(m.products[1]?.name.en, 'Another developer (1)');
    assert.equal(m.vendorStatuses[1]?.statement.ja, '他の開発者（1）');
    assert.match(m.overview.en, /Another developer \(1\)/);
  });

  it('masks everyone for a viewer whose developer is not in the copy', () => {
    const json = JSON.stringify(maskForDeveloper(twoDevelopers(), null));
    assert.ok(!json.includes('Alpha Soft') && !json.includes('Beta Works'));
  });
});

/** The reviewer's reproduction: developers alpha and beta-works, viewed as alpha. */
function reviewerCase(): AdvisoryContent {
  const c = twoDevelopers();
  return {
    ...c,
    developers: [
      { slug: 'alpha', name: { ja: 'アルファ', en: 'Alpha' } },
      { slug: 'beta-works', name: { ja: '株式会社ベータワークス', en: 'Beta Works, Inc.' } },
    ],
    products: [
      { ...(c.products[0] as AdvisoryContent['products'][number]), developerSlug: 'alpha' },
      {
        ...(c.products[1] as AdvisoryContent['products'][number]),
        name: { ja: 'BetaRouter', en: 'BetaRouter' },
      },
    ],
    vendorStatuses: [
      { ...(c.vendorStatuses[0] as AdvisoryContent['vendorStatuses'][number]), developerSlug: 'alpha' },
      {
        ...(c.vendorStatuses[1] as AdvisoryContent['vendorStatuses'][number]),
        url: 'https://www.beta-works.example/sec',
      },
    ],
    title: { ja: 'ルータの脆弱性', en: 'Router vulnerability' },
    overview: {
      ja: 'ベータワークスの BetaRouter と beta works 製品、BETA WORKS、ＢＥＴＡ　ＷＯＲＫＳ、ﾍﾞｰﾀﾜｰｸｽ に影響します。',
      en: 'Beta Works products are affected; see beta-works.example and https://beta-works.example/psirt/2026-01 (slug beta-works).',
    },
    description: { ja: '詳細は psirt@betaworks-mail.example まで。', en: 'Alphabet soup is unrelated.' },
    contact: { ja: 'ベータワークス窓口', en: 'Beta Works PSIRT' },
    references: [
      { kind: 'other', title: 'PSIRT notice', url: 'https://beta-works.example/psirt/2026-01' },
      { kind: 'advisory', title: 'Beta Works advisory', url: 'https://cert.example/ba-1' },
      { kind: 'advisory', title: 'CERT note', url: 'https://cert.example/notes/beta-works-router' },
      { kind: 'cve', title: 'CVE-2026-1 (BetaRouter)', url: 'https://www.cve.org/CVERecord?id=CVE-2026-1' },
      { kind: 'cwe', title: 'CWE-79', url: 'https://cwe.mitre.org/data/definitions/79.html' },
      { kind: 'other', title: 'Unrelated write-up', url: 'https://blog.example/xss' },
    ],
  };
}

describe('the pre-release copy masks another developer in every form', () => {
  const aliases = {
    'beta-works': { names: ['BW Networks'], domains: ['betaworks-mail.example'] },
    alpha: { names: [], domains: ['alpha.example'] },
  };

  it('strips legal forms from names', () => {
    assert.deepEqual(nameForms('株式会社ベータワークス'), ['株式会社ベータワークス', 'ベータワークス']);
    assert.deepEqual(nameForms('Beta Works, Inc.'), ['Beta Works, Inc.', 'Beta Works']);
    assert.deepEqual(nameForms('Gamma Co., Ltd.'), ['Gamma Co., Ltd.', 'Gamma']);
    assert.ok(nameForms('Delta GmbH').includes('Delta'));
    assert.ok(nameForms('Epsilon Corporation').includes('Epsilon'));
    assert.ok(nameForms('Zeta LLC').includes('Zeta'));
    assert.ok(nameForms('有限会社イータ').includes('イータ'));
  });

  it('masks names without legal forms, other capitalisations and widths, the slug, domains and the contact', () => {
    const m = maskForDeveloper(reviewerCase(), 'alpha', aliases);
    const json = JSON.stringify(m).toLowerCase();
    for (const hidden of [
      'ベータワークス',
      'ﾍﾞｰﾀﾜｰｸｽ',
      'betarouter',
      'beta works',
      'ｂｅｔａ',
      'beta-works',
      'betaworks-mail.example',
      'ba-1',
      'beta-works-router',
    ])
      assert.ok(!json.includes(hidden), `${hidden} is hidden: ${json}`);
    assert.match(m.overview.ja, /他の開発者（1）の 他の開発者（1） と 他の開発者（1） 製品/);
    assert.equal(m.contact.ja, '他の開発者（1）窓口');
    assert.equal(m.contact.en, 'Another developer (1) PSIRT');
    // a word that merely contains a name is left alone; the viewer's own parts stay
    assert.equal(m.description.en, 'Alphabet soup is unrelated.');
    assert.ok(JSON.stringify(m).includes('pkg:npm/alpha-cms'));
    assert.deepEqual(
      m.references.map((r) => r.kind),
      ['cve', 'cwe', 'other'],
      'references on its host or naming it are left out; CVE and CWE stay',
    );
    assert.equal(m.references[0]?.title, 'CVE-2026-1 (Another developer (1))');
  });

  it('lists where the text of a multi-developer copy names a developer, by field', () => {
    const found = findMentions(reviewerCase(), aliases);
    const fields = new Set(found.map((x) => x.field));
    for (const f of [
      'overview.ja',
      'overview.en',
      'description.ja',
      'contact.ja',
      'contact.en',
      'reference 1 url',
    ])
      assert.ok(fields.has(f), `${f} listed`);
    assert.ok(found.every((x) => x.developerSlug === 'beta-works' || x.developerSlug === 'alpha'));
    const single = { ...reviewerCase(), developers: reviewerCase().developers.slice(0, 1) };
    assert.deepEqual(findMentions(single, aliases), [], 'one developer: nothing to warn about');
  });
});

describe('what changed since the last approved copy', () => {
  it('lists changed, added and removed fields by stable names', () => {
    const before = twoDevelopers();
    const after = twoDevelopers();
    after.title.en = 'Changed title';
    after.products = after.products.slice(0, 1);
    after.credits = [{ ja: '発見者', en: 'Finder' }];
    const changes = changedFields(before, after);
    assert.ok(changes.some((c) => c.path === 'title.en' && c.change === 'changed'));
    assert.ok(changes.some((c) => c.path === 'product p2 name.en' && c.change === 'removed'));
    assert.ok(changes.some((c) => c.path === 'credit 1.ja' && c.change === 'added'));
    assert.deepEqual(changedFields(before, twoDevelopers()), []);
  });
});
