// CVE JSON 5: a rich advisory's record passes the CVE Record schema check (src/exports/schemas), carries the
// English and Japanese descriptions, CWE, CVSS 4.0 and 3.1, affected versions from the vers range, references
// and the finder's credit; missing English refuses with MissingEnglishError naming the fields in ja and en; the
// schema check itself refuses what the CVE format forbids. Every record made here is checked twice: the whole
// record against the keikai-written 5.1 schema, and its cna container against the CVE Program's official
// CVE JSON 5.0.0 published-CNA-container schema from Debian's python3-cvelib (CVSS 4.0-only metrics aside, see
// officialCnaErrors). Without that package the official check is skipped with a message, except under CI.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdvisoryDocument } from '../domain/advisory-document.js';
import { sampleDocument } from '../features/vulndb/testing.js';
import { CVE5_DATA_VERSION, cveShortName, MissingEnglishError, PLACEHOLDER_ORG_ID, toCve5 } from './cve5.js';
import { cveErrors, officialCnaErrors, officialCnaSchemaMissing } from './schema-check.js';

const BASE = 'https://keikai.example.jp';
const ORG = '6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
// biome-ignore lint/suspicious/noExplicitAny: the tests walk the JSON records freely
type Rec = Record<string, any>;

function make(doc: AdvisoryDocument, cveId: string, orgId?: string): Rec {
  const rec = toCve5(doc, cveId, { shortName: 'JPCERT_CC', ...(orgId ? { orgId } : {}) }, BASE) as Rec;
  assert.deepEqual(cveErrors(rec), [], 'the record passes the CVE Record schema check');
  const official = officialCnaErrors(rec.containers.cna); // null: not installed here (see the header)
  if (official) assert.deepEqual(official, [], 'the cna container passes the official CVE JSON 5.0 schema');
  return rec;
}

function rich(): AdvisoryDocument {
  const base = sampleDocument({ id: 'JVNVU#12345678', kind: 'jvnvu' });
  return {
    ...base,
    products: [
      ...base.products,
      {
        key: 'p2',
        developerSlug: 'sample-industries',
        name: { ja: 'サンプルルーター', en: 'Sample Router' },
        versions: { ja: 'ファームウェア 2.0 より前', en: 'firmware before 2.0' },
        versionRange: 'vers:generic/<2.0',
        fixedVersion: '2.0',
        purl: null,
        cpe: 'cpe:2.3:o:sample:sample_router_firmware:*:*:*:*:*:*:*:*',
      },
    ],
    developers: [...base.developers, { slug: 'other-corp', name: { ja: 'その他社', en: 'Other Corp' } }],
    vulnerabilities: [
      ...base.vulnerabilities,
      {
        ordinal: 2,
        title: { ja: 'パストラバーサル', en: 'Path traversal' },
        description: { ja: '任意のファイルを読まれます。', en: 'Any file may be read.' },
        cweId: 'NVD-CWE-Other',
        cvss31: { vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', score: 6.5, severity: 'medium' },
        cvss40: null,
        cveId: 'CVE-2026-23456',
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
    references: [
      ...base.references,
      { kind: 'vendor', title: 'Vendor notice', url: 'https://sample.example.jp/notice' },
      { kind: 'other', title: 'Blog', url: 'https://blog.example.org/post' },
    ],
    credits: [
      { ja: '山田太郎 氏', en: 'Taro Yamada' },
      { ja: '鈴木花子 氏', en: '' },
      { ja: '山田太郎 氏', en: 'Taro Yamada' },
    ],
  };
}

describe('toCve5', () => {
  it('makes a published CVE record of one vulnerability that passes the schema check', () => {
    const doc = rich();
    const rec = make(doc, 'CVE-2026-12345', ORG);
    assert.equal(rec.dataType, 'CVE_RECORD');
    assert.equal(rec.dataVersion, CVE5_DATA_VERSION);
    assert.deepEqual(rec.cveMetadata, {
      cveId: 'CVE-2026-12345',
      assignerOrgId: ORG,
      assignerShortName: 'JPCERT_CC',
      state: 'PUBLISHED',
      datePublished: doc.firstPublishedAt,
      dateUpdated: doc.lastUpdatedAt,
    });
    const cna = rec.containers.cna;
    assert.deepEqual(cna.providerMetadata, {
      orgId: ORG,
      shortName: 'JPCERT_CC',
      dateUpdated: doc.lastUpdatedAt,
    });
    assert.equal(cna.title, 'Missing authentication');
    assert.deepEqual(cna.descriptions, [
      { lang: 'en', value: 'The administration page requires no authentication.' },
      { lang: 'ja', value: '管理画面で認証が行われません。' },
    ]);
    assert.deepEqual(cna.problemTypes, [
      {
        descriptions: [
          { lang: 'en', type: 'CWE', description: 'CWE-287 Improper Authentication', cweId: 'CWE-287' },
        ],
      },
    ]);
    assert.deepEqual(
      cna.metrics.map((m: Rec) => Object.keys(m).find((k) => k.startsWith('cvss'))),
      ['cvssV4_0', 'cvssV3_1'],
    );
    assert.deepEqual(cna.metrics[1].cvssV3_1, {
      version: '3.1',
      vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      baseScore: 9.8,
      baseSeverity: 'CRITICAL',
    });
    assert.deepEqual(cna.affected[0], {
      vendor: 'Sample Industries',
      product: 'Sample Product',
      versions: [{ version: '1.0.0', status: 'affected', versionType: 'custom', lessThanOrEqual: '1.2.3' }],
      defaultStatus: 'unaffected',
    });
    assert.deepEqual(cna.affected[1], {
      vendor: 'Sample Industries',
      product: 'Sample Router',
      cpes: ['cpe:2.3:o:sample:sample_router_firmware:*:*:*:*:*:*:*:*'],
      versions: [{ version: '0', status: 'affected', versionType: 'custom', lessThan: '2.0' }],
      defaultStatus: 'unaffected',
    });
    assert.deepEqual(
      cna.references.map((r: Rec) => [r.url, r.tags ?? []]),
      [
        [`${BASE}/advisories/JVNVU12345678`, ['third-party-advisory']],
        ['https://sample.example.jp/security/2026-01', ['vendor-advisory']],
        ['https://sample.example.jp/notice', ['vendor-advisory']],
        ['https://blog.example.org/post', []],
      ],
    );
    assert.deepEqual(cna.credits, [
      { lang: 'en', value: 'Taro Yamada', type: 'finder' },
      { lang: 'ja', value: '鈴木花子 氏', type: 'finder' },
    ]);
    assert.equal(cna.datePublic, doc.firstPublishedAt);
    assert.deepEqual(cna.solutions, [
      { lang: 'en', value: doc.solution.en },
      { lang: 'ja', value: doc.solution.ja },
    ]);
    assert.deepEqual(cna.workarounds[0], { lang: 'en', value: doc.workaround.en });
    assert.equal(cna.x_generator.engine, 'keikai');
  });

  it('describes the second vulnerability on its own: its CVSS, a pseudo-CWE without cweId, an unaffected product', () => {
    const rec = make(rich(), 'CVE-2026-23456');
    const cna = rec.containers.cna;
    assert.equal(rec.cveMetadata.assignerOrgId, PLACEHOLDER_ORG_ID, 'no orgId given: the placeholder');
    assert.equal(cna.title, 'Path traversal');
    assert.deepEqual(cna.problemTypes[0].descriptions[0], {
      lang: 'en',
      type: 'CWE',
      description: 'NVD-CWE-Other Other',
    });
    assert.equal(cna.metrics.length, 1);
    assert.equal(cna.metrics[0].cvssV3_1.baseSeverity, 'MEDIUM');
    assert.ok(cna.affected.every((a: Rec) => a.defaultStatus === 'unaffected' && !a.versions));
    assert.ok(
      !cna.references.some((r: Rec) => r.url.includes('security/2026-01')),
      "the other vulnerability's notice",
    );
  });

  it('names a package of a known ecosystem by its collection and package name, with its version type', () => {
    const doc = sampleDocument();
    doc.products[0] = {
      ...doc.products[0]!,
      purl: 'pkg:maven/org.example/app@1.0',
      versionRange: 'vers:maven/>=1.0|<1.4.2',
    };
    const [product] = make(doc, 'CVE-2026-12345').containers.cna.affected;
    assert.equal(product.collectionURL, 'https://repo.maven.apache.org/maven2');
    assert.equal(product.packageName, 'org.example:app');
    assert.deepEqual(product.versions, [
      { version: '1.0', status: 'affected', versionType: 'maven', lessThan: '1.4.2' },
    ]);
    doc.products[0] = { ...doc.products[0]!, purl: 'pkg:npm/left-pad', versionRange: 'vers:npm/<1.3.0' };
    const [npm] = make(doc, 'CVE-2026-12345').containers.cna.affected;
    assert.deepEqual(
      [npm.collectionURL, npm.packageName, npm.versions[0].versionType],
      ['https://registry.npmjs.org', 'left-pad', 'semver'],
    );
  });

  it('works for a minimal advisory: no products, no CWE, no scores, no credits', () => {
    const doc = sampleDocument({ products: [], credits: [], references: [], vendorStatuses: [] });
    doc.vulnerabilities[0] = { ...doc.vulnerabilities[0]!, cweId: null, cvss31: null, cvss40: null };
    const cna = make(doc, 'CVE-2026-12345').containers.cna;
    assert.deepEqual(cna.affected, [{ vendor: 'n/a', product: 'n/a', defaultStatus: 'unknown' }]);
    assert.equal(cna.metrics, undefined);
    assert.equal(cna.problemTypes, undefined);
    assert.equal(cna.credits, undefined);
  });

  it('leaves out a solution or workaround the advisory does not have', () => {
    const doc = sampleDocument({
      workaround: { ja: '', en: '' },
      solution: { ja: '更新してください', en: '' },
    });
    const cna = make(doc, 'CVE-2026-12345').containers.cna;
    assert.deepEqual(cna.solutions, [{ lang: 'ja', value: '更新してください' }]);
    assert.equal(cna.workarounds, undefined);
  });

  it("falls back to the advisory's English title and overview for a vulnerability without its own", () => {
    const doc = sampleDocument();
    doc.vulnerabilities[0] = {
      ...doc.vulnerabilities[0]!,
      title: { ja: '認証', en: '' },
      description: { ja: '説明', en: '' },
    };
    const cna = make(doc, 'CVE-2026-12345').containers.cna;
    assert.equal(cna.title, doc.title.en);
    assert.equal(cna.descriptions[0].value, doc.overview.en);
  });

  it('refuses without English, naming the fields in Japanese and English', () => {
    const doc = sampleDocument({
      title: { ja: '題名', en: '' },
      overview: { ja: '概要', en: '' },
    });
    doc.vulnerabilities[0] = {
      ...doc.vulnerabilities[0]!,
      title: { ja: '認証', en: '' },
      description: { ja: '説明', en: '' },
    };
    assert.throws(
      () => toCve5(doc, 'CVE-2026-12345', { shortName: 'keikai' }, BASE),
      (e: unknown) => {
        assert.ok(e instanceof MissingEnglishError);
        assert.deepEqual(e.fields, ['vulnerabilities[1].title.en', 'vulnerabilities[1].description.en']);
        assert.equal(
          e.messages.ja,
          'CVE 5 には英語の説明が必要です: vulnerabilities[1].title.en, vulnerabilities[1].description.en',
        );
        assert.ok(e.messages.en.startsWith('CVE JSON 5 requires English: vulnerabilities[1].title.en'));
        return true;
      },
    );
    doc.vulnerabilities[0] = { ...doc.vulnerabilities[0]!, title: { ja: '認証', en: 'Auth' } };
    assert.throws(
      () => toCve5(doc, 'CVE-2026-12345', { shortName: 'keikai' }, BASE),
      (e: unknown) =>
        e instanceof MissingEnglishError && e.fields.join() === 'vulnerabilities[1].description.en',
    );
  });

  it('refuses a CVE the advisory does not have', () => {
    assert.throws(
      () => toCve5(sampleDocument(), 'CVE-2026-99999', { shortName: 'keikai' }, BASE),
      RangeError,
    );
  });

  it('writes the short name as given, and refuses one outside 2–32 characters', () => {
    const rec = toCve5(sampleDocument(), 'CVE-2026-12345', { shortName: '@cna-name' }, BASE) as Rec;
    assert.equal(rec.cveMetadata.assignerShortName, '@cna-name');
    assert.equal(rec.containers.cna.providerMetadata.shortName, '@cna-name');
    for (const shortName of ['k', 'x'.repeat(33)]) {
      assert.throws(() => toCve5(sampleDocument(), 'CVE-2026-12345', { shortName }, BASE), RangeError);
    }
  });

  it('makes a CVE short name of 2–32 characters', () => {
    assert.equal(cveShortName('JPCERT/CC'), 'JPCERT_CC');
    assert.equal(
      cveShortName('keikai vulnerability desk of a very long organization name'),
      'keikai_vulnerability_desk_of_a_v',
    );
    assert.equal(cveShortName('脆弱性'), 'keikai');
  });

  it('has a schema check that refuses what the CVE format forbids', () => {
    const good = make(sampleDocument(), 'CVE-2026-12345');
    const broken = (f: (r: Rec) => void) => {
      const r = structuredClone(good);
      f(r);
      return cveErrors(r);
    };
    assert.notDeepEqual(
      broken((r) => (r.containers.cna.descriptions = [{ lang: 'ja', value: '日本語だけ' }])),
      [],
    );
    assert.notDeepEqual(
      broken((r) => (r.cveMetadata.cveId = 'CVE-26-1')),
      [],
    );
    assert.notDeepEqual(
      broken((r) => (r.cveMetadata.assignerOrgId = 'not-a-uuid')),
      [],
    );
    assert.notDeepEqual(
      broken((r) => (r.containers.cna.unknownKey = 1)),
      [],
    );
    assert.notDeepEqual(
      broken((r) => (r.containers.cna.affected[0].versions[0].status = 'vulnerable')),
      [],
    );
    assert.notDeepEqual(
      broken((r) => delete r.containers.cna.references),
      [],
    );
    assert.notDeepEqual(
      broken((r) => (r.containers.cna.metrics[0].cvssV4_0.vectorString = 'CVSS:4.0/AV:X')),
      [],
    );
    assert.notDeepEqual(
      broken((r) => (r.dataType = 'CVE')),
      [],
    );
  });

  it('passes the official CVE JSON 5.0 CNA container schema, which refuses what the CVE Program forbids', (t) => {
    const skip = officialCnaSchemaMissing();
    if (skip) return t.skip(skip);
    const good = make(rich(), 'CVE-2026-12345', ORG).containers.cna;
    assert.deepEqual(officialCnaErrors(good), []);
    const broken = (f: (c: Rec) => void) => {
      const c = structuredClone(good);
      f(c);
      return officialCnaErrors(c);
    };
    for (const [what, f] of [
      ['a Japanese description only', (c: Rec) => (c.descriptions = [{ lang: 'ja', value: '日本語だけ' }])],
      ['a short name of one character', (c: Rec) => (c.providerMetadata.shortName = 'k')],
      ['an org id that is not a UUID', (c: Rec) => (c.providerMetadata.orgId = 'not-a-uuid')],
      ['an unknown key', (c: Rec) => (c.unknownKey = 1)],
      ['no references', (c: Rec) => delete c.references],
      ['a version range without versionType', (c: Rec) => delete c.affected[0].versions[0].versionType],
      ['an unknown version status', (c: Rec) => (c.affected[0].versions[0].status = 'vulnerable')],
      ['a CVSS 3.1 severity in lower case', (c: Rec) => (c.metrics[1].cvssV3_1.baseSeverity = 'critical')],
      ['a metrics item without any score', (c: Rec) => (c.metrics[1] = { format: 'CVSS' })],
      ['an unknown reference tag', (c: Rec) => (c.references[0].tags = ['advisory'])],
    ] as const) {
      assert.notDeepEqual(broken(f), [], what);
    }
    // a container whose only score is CVSS 4.0 (5.1) passes; the 5.1 schema checks that score
    const v4only = structuredClone(good);
    v4only.metrics = [v4only.metrics[0]];
    assert.deepEqual(officialCnaErrors(v4only), []);
    assert.ok('cvssV4_0' in v4only.metrics[0], 'the check leaves the container it is given unchanged');
  });
});
