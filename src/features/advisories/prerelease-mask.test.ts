// The pre-release copy's masking and the re-review's field list (pure).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AdvisoryContent, emptyContent } from '../../domain/advisory-document.js';
import { changedFields } from './diff.js';
import { maskForDeveloper } from './prerelease-mask.js';

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
