// OSV: which products become OSV packages (purl type → ecosystem), ids from the advisory id, one record per
// vulnerability, ranges from the vers range and the fixed version (SEMVER or ECOSYSTEM), CVSS vectors,
// references, credits; every record made here passes the OSV schema check (src/exports/schemas), which itself
// refuses what OSV forbids.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdvisoryDocument, AdvisoryProduct } from '../domain/advisory-document.js';
import { sampleDocument } from '../features/vulndb/testing.js';
import { isOsvApplicable, osvBaseId, osvPackage, parsePurl, toOsv } from './osv.js';
import { osvErrors } from './schema-check.js';

const BASE = 'https://keikai.example.jp';
// biome-ignore lint/suspicious/noExplicitAny: the tests walk the JSON records freely
type Rec = Record<string, any>;

function make(doc: AdvisoryDocument): Rec[] {
  const recs = toOsv(doc, BASE) as Rec[];
  for (const r of recs) assert.deepEqual(osvErrors(r), [], `${r.id} passes the OSV schema check`);
  return recs;
}

const product = (over: Partial<AdvisoryProduct>): AdvisoryProduct => ({
  key: 'p1',
  developerSlug: 'sample-industries',
  name: { ja: 'パッケージ', en: 'package' },
  versions: { ja: '1.2.3 以前', en: '1.2.3 and earlier' },
  versionRange: null,
  fixedVersion: null,
  purl: null,
  cpe: null,
  ...over,
});

describe('OSV packages', () => {
  it('maps the purl types of OSV ecosystems, with the ecosystem’s own package name', () => {
    const cases: [string, string, string][] = [
      ['pkg:npm/%40scope/name@1.0.0', 'npm', '@scope/name'],
      ['pkg:npm/left-pad', 'npm', 'left-pad'],
      ['pkg:pypi/Django_Rest.Framework', 'PyPI', 'django-rest-framework'],
      [
        'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.0',
        'Maven',
        'org.apache.logging.log4j:log4j-core',
      ],
      ['pkg:golang/github.com/gin-gonic/gin', 'Go', 'github.com/gin-gonic/gin'],
      ['pkg:cargo/serde', 'crates.io', 'serde'],
      ['pkg:gem/rails', 'RubyGems', 'rails'],
      ['pkg:nuget/Newtonsoft.Json', 'NuGet', 'Newtonsoft.Json'],
      ['pkg:composer/laravel/framework', 'Packagist', 'laravel/framework'],
      ['pkg:hex/phoenix', 'Hex', 'phoenix'],
      ['pkg:pub/http', 'Pub', 'http'],
    ];
    for (const [purl, ecosystem, name] of cases) {
      const pkg = osvPackage({ purl });
      assert.deepEqual([pkg?.ecosystem, pkg?.name], [ecosystem, name], purl);
      assert.ok(
        !pkg?.purl.includes('@1.0.0') && !pkg?.purl.includes('@2.14.0'),
        'the package purl has no version',
      );
    }
    for (const purl of ['pkg:generic/sample-product', 'pkg:deb/debian/curl', 'not a purl', 'pkg:npm']) {
      assert.equal(osvPackage({ purl }), null, purl);
    }
    assert.equal(osvPackage({ purl: null }), null);
    assert.deepEqual(parsePurl('pkg:maven/org.example/app@1.0?type=jar#sub'), {
      type: 'maven',
      namespace: 'org.example',
      name: 'app',
    });
  });

  it('is applicable only to an advisory with such a package', () => {
    assert.equal(isOsvApplicable(sampleDocument()), false, 'pkg:generic is not an OSV ecosystem');
    assert.equal(isOsvApplicable(sampleDocument({ products: [] })), false);
    assert.equal(isOsvApplicable(sampleDocument({ products: [product({ purl: 'pkg:npm/x' })] })), true);
  });

  it('makes OSV ids from advisory ids', () => {
    assert.equal(osvBaseId('JVN#12345678'), 'JVN-12345678');
    assert.equal(osvBaseId('JVNVU#12345678'), 'JVNVU-12345678');
    assert.equal(osvBaseId('JVNDB-2026-000123'), 'JVNDB-2026-000123');
  });
});

describe('toOsv', () => {
  it('makes one valid record for a one-vulnerability npm advisory', () => {
    const doc = sampleDocument({
      id: 'JVN#12345678',
      products: [
        product({
          purl: 'pkg:npm/%40sample/web',
          versionRange: 'vers:npm/>=1.0.0|<=1.2.3',
          fixedVersion: '1.2.4',
        }),
        product({ key: 'p2', purl: 'pkg:generic/appliance', name: { ja: '機器', en: 'Appliance' } }),
      ],
    });
    const [rec, ...rest] = make(doc);
    assert.equal(rest.length, 0);
    assert.equal(rec!.id, 'JVN-12345678');
    assert.equal(rec!.schema_version, '1.7.0');
    assert.equal(rec!.modified, doc.lastUpdatedAt);
    assert.equal(rec!.published, doc.firstPublishedAt);
    assert.deepEqual(rec!.aliases, ['CVE-2026-12345']);
    assert.equal(rec!.related, undefined);
    assert.equal(rec!.summary, 'Missing authentication');
    assert.equal(rec!.details, 'The administration page requires no authentication.');
    assert.deepEqual(rec!.severity, [
      { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
      { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
    ]);
    assert.equal(rec!.affected.length, 1, 'only the npm package, not the appliance');
    assert.deepEqual(rec!.affected[0].package, {
      ecosystem: 'npm',
      name: '@sample/web',
      purl: 'pkg:npm/%40sample/web',
    });
    assert.deepEqual(rec!.affected[0].ranges, [
      { type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.2.4' }] },
    ]);
    assert.deepEqual(rec!.references[0], { type: 'ADVISORY', url: `${BASE}/advisories/JVN12345678` });
    assert.ok(rec!.references.some((r: Rec) => r.url === 'https://www.cve.org/CVERecord?id=CVE-2026-12345'));
    assert.deepEqual(rec!.credits, [{ name: 'Taro Yamada', type: 'FINDER' }]);
    assert.deepEqual(rec!.database_specific, {
      advisory_id: 'JVN#12345678',
      revision: 1,
      url: `${BASE}/advisories/JVN12345678`,
      cwe_ids: ['CWE-287'],
    });
  });

  it('uses ECOSYSTEM ranges for non-SemVer ecosystems, last_affected without a fix, introduced 0 without a lower bound, listed versions alone', () => {
    const doc = sampleDocument({
      products: [
        product({ purl: 'pkg:pypi/sample', versionRange: 'vers:pypi/<=2.1' }),
        product({ key: 'p2', purl: 'pkg:maven/org.example/app', versionRange: 'vers:maven/>=3.0|<3.4.1' }),
        product({ key: 'p3', purl: 'pkg:gem/sample', versionRange: 'vers:gem/=1.0.1|=1.0.2' }),
      ],
    });
    const [rec] = make(doc);
    assert.deepEqual(
      rec!.affected.map((a: Rec) => [
        a.package.ecosystem,
        a.ranges?.[0].type,
        a.ranges?.[0].events,
        a.versions,
      ]),
      [
        ['PyPI', 'ECOSYSTEM', [{ introduced: '0' }, { last_affected: '2.1' }], undefined],
        ['Maven', 'ECOSYSTEM', [{ introduced: '3.0' }, { fixed: '3.4.1' }], undefined],
        ['RubyGems', undefined, undefined, ['1.0.1', '1.0.2']],
      ],
    );
  });

  it('makes one record per vulnerability, ids with the ordinal, related to each other, Japanese when there is no English', () => {
    const base = sampleDocument({ id: 'JVNVU#11112222', products: [product({ purl: 'pkg:cargo/sample' })] });
    const doc: AdvisoryDocument = {
      ...base,
      vulnerabilities: [
        ...base.vulnerabilities,
        {
          ordinal: 2,
          title: { ja: '情報漏えい', en: '' },
          description: { ja: '情報が漏えいします。', en: '' },
          cweId: null,
          cvss31: null,
          cvss40: null,
          cveId: null,
          exploitedInTheWild: false,
        },
      ],
      vendorStatuses: [
        ...base.vendorStatuses,
        {
          developerSlug: 'sample-industries',
          vulnerabilityOrdinal: 2,
          status: 'not_affected',
          statement: { ja: '影響なし', en: 'Not affected' },
          url: null,
        },
      ],
      title: { ja: '複数の脆弱性', en: '' },
      overview: { ja: '複数の脆弱性があります。', en: '' },
    };
    const recs = make(doc);
    assert.deepEqual(
      recs.map((r) => [r.id, r.related, r.aliases]),
      [
        ['JVNVU-11112222-1', ['JVNVU-11112222-2'], ['CVE-2026-12345']],
        ['JVNVU-11112222-2', ['JVNVU-11112222-1'], undefined],
      ],
    );
    assert.equal(recs[1]!.summary, '情報漏えい');
    assert.equal(recs[1]!.severity, undefined);
    assert.equal(recs[1]!.affected, undefined, 'the developer says not affected');
  });

  it('has a schema check that refuses what OSV forbids', () => {
    const [good] = make(
      sampleDocument({ products: [product({ purl: 'pkg:npm/x', fixedVersion: '2.0.0' })] }),
    );
    const broken = (f: (r: Rec) => void) => {
      const r = structuredClone(good!);
      f(r);
      return osvErrors(r);
    };
    assert.notDeepEqual(
      broken((r) => delete r.modified),
      [],
    );
    assert.notDeepEqual(
      broken((r) => (r.modified = 'yesterday')),
      [],
    );
    assert.notDeepEqual(
      broken((r) => (r.severity[0].type = 'CVSS_V5')),
      [],
    );
    assert.notDeepEqual(
      broken((r) => (r.affected[0].ranges[0].events = [{ fixed: '2.0.0' }])),
      [],
    );
    assert.notDeepEqual(
      broken((r) => r.affected[0].ranges[0].events.push({ last_affected: '1.9.9' })),
      [],
      'fixed and last_affected together',
    );
    assert.notDeepEqual(
      broken((r) => (r.affected[0].package.ecosystem = 'Generic')),
      [],
    );
    assert.notDeepEqual(
      broken((r) => (r.references[0].type = 'HOMEPAGE')),
      [],
    );
  });
});
