import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CsafMappingError, csafKey, csafToDocument, nonPublicTlp, vendorSlug } from './csaf-to-document.js';
import { englishAdvisory, japaneseAdvisory } from './fixtures.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

describe('mapping a CSAF 2.0 document to an advisory', () => {
  it('puts a Japanese document into the Japanese column, with its id, source, revisions and dates', () => {
    const doc = csafToDocument(japaneseAdvisory({ revision: 2 }), { id: 'JVNDB-2026-000001' });
    assert.equal(doc.id, 'JVNDB-2026-000001');
    assert.equal(doc.kind, 'jvndb');
    assert.equal(doc.sample, false);
    assert.equal(doc.title.ja, 'サンプル電機製ルータ管理画面におけるクロスサイトスクリプティングの脆弱性');
    assert.equal(doc.title.en, '');
    assert.match(doc.overview.ja, /反射型クロスサイトスクリプティング/);
    assert.match(doc.description.ja, /入力値の検証が不十分/);
    assert.equal(doc.overview.en, '');
    assert.deepEqual(doc.source, {
      name: 'Example CSIRT Japan',
      namespace: 'https://csirt.example.jp',
      trackingId: 'ECJ-2026-0042',
      url: 'https://csirt.example.jp/advisories/ECJ-2026-0042.json',
    });
    assert.equal(doc.revision, 2);
    assert.deepEqual(
      doc.revisions.map((r) => [r.revision, r.publishedAt, r.note.ja]),
      [
        [1, '2026-04-10T01:00:00.000Z', '初版'],
        [2, '2026-05-20T06:30:00.000Z', '修正版の情報を更新'],
      ],
    );
    assert.equal(doc.firstPublishedAt, '2026-04-10T01:00:00.000Z');
    assert.equal(doc.lastUpdatedAt, '2026-05-20T06:30:00.000Z');
    assert.equal(doc.contact.ja, 'vuln@csirt.example.jp');
  });

  it('maps the vendor to a developer with a stable slug, and versions to a product with its CPE', () => {
    const doc = csafToDocument(japaneseAdvisory(), { id: 'X' });
    assert.equal(doc.developers.length, 1);
    const dev = doc.developers[0]!;
    assert.match(dev.slug, SLUG);
    assert.ok(dev.slug.startsWith('csirt-example-jp-'), dev.slug);
    assert.deepEqual(dev.name, { ja: 'サンプル電機株式会社', en: 'サンプル電機株式会社' });
    assert.equal(csafToDocument(japaneseAdvisory(), { id: 'Y' }).developers[0]!.slug, dev.slug, 'stable');
    assert.deepEqual(doc.products, [
      {
        key: 'p1',
        developerSlug: dev.slug,
        name: { ja: 'SR-2000 シリーズ', en: 'SR-2000 シリーズ' },
        versions: { ja: '2.3.0, 2.4.0', en: '2.3.0, 2.4.0' },
        versionRange: null,
        fixedVersion: '2.4.1',
        purl: null,
        cpe: 'cpe:2.3:h:sample-denki:sr-2000:2.3.0:*:*:*:*:*:*:*',
      },
    ]);
  });

  it('takes CVE, CWE and the CVSS vector, recomputing score and severity', () => {
    const [v] = csafToDocument(japaneseAdvisory(), { id: 'X' }).vulnerabilities;
    assert.equal(v!.cveId, 'CVE-2026-10001');
    assert.equal(v!.cweId, 'CWE-79');
    assert.deepEqual(v!.cvss31, {
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
      score: 6.1,
      severity: 'medium',
    });
    assert.equal(v!.cvss40, null);
    assert.equal(v!.exploitedInTheWild, false);
  });

  it('takes the vendor status, the fix as solution, the workaround, references and credits', () => {
    const doc = csafToDocument(japaneseAdvisory(), { id: 'X' });
    assert.equal(doc.vendorStatuses.length, 1);
    assert.equal(doc.vendorStatuses[0]!.status, 'fixed');
    assert.equal(doc.vendorStatuses[0]!.url, 'https://sample-denki.example.jp/support/sr-2000/firmware');
    assert.equal(doc.solution.ja, 'ファームウェアを 2.4.1 以降にアップデートしてください。');
    assert.match(doc.workaround.ja, /信頼できるネットワーク/);
    assert.deepEqual(doc.references, [
      {
        kind: 'advisory',
        title: 'サンプル電機株式会社からの情報',
        url: 'https://sample-denki.example.jp/security/2026-001',
      },
    ]);
    assert.deepEqual(doc.credits, [{ ja: '山田 花子', en: '山田 花子' }]);
  });

  it('puts an English document into the English column and uses its title for the required Japanese one', () => {
    const doc = csafToDocument(englishAdvisory(), { id: 'X', url: 'https://acme.example/csaf/a.json' });
    assert.equal(doc.title.en, 'Acme Gateway and acme-auth: authentication bypass and path traversal');
    assert.equal(doc.title.ja, doc.title.en, 'title_ja must not be empty');
    assert.equal(doc.overview.ja, '');
    assert.match(doc.overview.en, /bypass authentication/);
    assert.equal(doc.revisions[0]!.note.ja, 'Initial public release.', 'the change note is required in ja');
    // semantic versions 1.0.0, 1.1.0 → revisions 1 and 2; no self reference → the URL it came from
    assert.equal(doc.revision, 2);
    assert.equal(doc.source!.url, 'https://acme.example/csaf/a.json');
    assert.equal(doc.impact.en, '', "a not-affected product's statement is not the advisory's impact");
  });

  it('handles several vendors and products, purls, relationships, CVSS 3.0 and not-affected statements', () => {
    const doc = csafToDocument(englishAdvisory(), { id: 'X' });
    assert.deepEqual(
      doc.developers.map((d) => d.slug),
      ['acme-networks-example-acme-networks-inc', 'acme-networks-example-contoso-platform'],
    );
    const auth = doc.products.find((p) => p.name.en === 'acme-auth')!;
    assert.equal(auth.purl, 'pkg:npm/acme-auth@3.2.0');
    assert.equal(auth.fixedVersion, '3.2.1');
    assert.equal(doc.vulnerabilities[1]!.cvss31!.vector, 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N');
    assert.equal(doc.vulnerabilities[1]!.cvss31!.score, 6.5);
    assert.equal(doc.vulnerabilities[0]!.cvss31!.severity, 'critical');
    const contoso = doc.vendorStatuses.find((s) => s.developerSlug.endsWith('contoso-platform'))!;
    assert.equal(contoso.status, 'not_affected');
    assert.match(contoso.statement.en, /does not use acme-auth/);
    assert.deepEqual(
      doc.credits.map((c) => c.en),
      ['Alex Doe (Example Research Lab)', 'Sam Roe (Example Research Lab)'],
    );
    assert.equal(doc.references[0]!.kind, 'cve');
  });

  it('maps CVSS 4.0 of a CSAF 2.1-style metrics entry', () => {
    const csaf = englishAdvisory() as ReturnType<typeof englishAdvisory> & { vulnerabilities: unknown[] };
    (csaf.vulnerabilities[0] as Record<string, unknown>).metrics = [
      {
        content: {
          cvss_v4: { vectorString: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N' },
        },
      },
    ];
    const v = csafToDocument(csaf, { id: 'X' }).vulnerabilities[0]!;
    assert.equal(v.cvss40!.score, 9.3);
    assert.equal(v.cvss40!.severity, 'critical');
  });

  it('refuses what it cannot map, with a mapping error', () => {
    assert.throws(() => csafToDocument('text', { id: 'X' }), CsafMappingError);
    assert.throws(() => csafToDocument({ document: {} }, { id: 'X' }), /namespace is missing/);
    const draft = japaneseAdvisory();
    draft.document.tracking.status = 'draft';
    assert.throws(() => csafToDocument(draft, { id: 'X' }), /draft/);
    const noHistory = japaneseAdvisory();
    noHistory.document.tracking.revision_history = [];
    assert.throws(() => csafToDocument(noHistory, { id: 'X' }), /revision_history is empty/);
  });

  it('refuses text with a character XML 1.0 forbids (it would break the feeds), naming the field', () => {
    const control = japaneseAdvisory();
    control.document.title = 'ルータ\u0001の脆弱性';
    assert.throws(
      () => csafToDocument(control, { id: 'X' }),
      (e: unknown) =>
        e instanceof CsafMappingError && /advisory\.title\.ja .*XML 1\.0.*U\+0001/.test(e.message),
    );
    const nonChar = japaneseAdvisory();
    nonChar.document.tracking.revision_history[0]!.summary = '初版\uFFFE';
    assert.throws(() => csafToDocument(nonChar, { id: 'X' }), /advisory\.revisions\[0\]\.note\.ja .*U\+FFFE/);
    const surrogate = japaneseAdvisory();
    surrogate.document.title = 'ルータ\uD800';
    assert.throws(() => csafToDocument(surrogate, { id: 'X' }), /U\+D800/);
    const allowed = japaneseAdvisory();
    allowed.document.title = 'タブ\tと改行\r\nは可 😀';
    assert.equal(
      csafToDocument(allowed, { id: 'X' }).title.ja.includes('😀'),
      true,
      'tab, CR, LF, astral: fine',
    );
  });

  it('knows the key and refuses a TLP label other than WHITE/CLEAR', () => {
    assert.deepEqual(csafKey(japaneseAdvisory()), {
      namespace: 'https://csirt.example.jp',
      trackingId: 'ECJ-2026-0042',
    });
    const amber = japaneseAdvisory();
    amber.document.distribution.tlp.label = 'AMBER';
    assert.equal(nonPublicTlp(amber), 'AMBER');
    assert.equal(nonPublicTlp(japaneseAdvisory()), null);
    assert.equal(nonPublicTlp(englishAdvisory()), null, 'no label: public');
  });
});

describe('vendor slugs', () => {
  it('are the publisher host and the vendor name, within the public slug rule', () => {
    assert.equal(
      vendorSlug('https://www.Example-CERT.org/', 'Example Networks, Inc.'),
      'example-cert-org-example-networks-inc',
    );
    assert.equal(
      vendorSlug('https://psirt.example.com', 'Société Générale Électrique'),
      'psirt-example-com-societe-generale-electrique',
    );
  });

  it('end in a hash for names without Latin letters and for names too long, and stay stable', () => {
    const ja = vendorSlug('https://csirt.example.jp', '株式会社サンプル');
    assert.match(ja, /^csirt-example-jp-[0-9a-f]{10}$/);
    assert.equal(vendorSlug('https://csirt.example.jp', '株式会社サンプル'), ja);
    assert.notEqual(vendorSlug('https://csirt.example.jp', '株式会社ほかの会社'), ja);
    const long = vendorSlug(`https://${'a'.repeat(60)}.example`, 'A very long vendor name '.repeat(10));
    assert.match(long, SLUG);
    assert.ok(long.length <= 80);
    assert.match(vendorSlug('not a url', '!!!'), SLUG);
  });
});
