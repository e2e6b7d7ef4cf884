import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdvisoryDocument } from '../domain/advisory-document.js';
import {
  ALL_SAMPLE_ADVISORIES,
  cvss40OnlyAdvisory,
  fixedVersionsAdvisory,
  importedAdvisory,
  minimalAdvisory,
  notAffectedAdvisory,
  richAdvisory,
  TEST_PROVIDER,
} from '../features/csaf-provider/testing.js';
import {
  type CsafDocument,
  CsafMappingError,
  csafCvssV3,
  csafCwe,
  csafEnglishAvailable,
  csafFilename,
  csafJson,
  purlAtVersion,
  toCsaf,
} from './csaf.js';
import { recommendedCsafWarnings, validateCsaf } from './csaf-validate.js';

/**
 * The recommended tests our documents may still trip, each for a reason the ADR gives (0007): products the
 * advisory names without purl or CPE (6.2.16), a vulnerability scored with CVSS 4.0 only, which CSAF 2.0 cannot
 * carry (6.2.3), the English rendition, whose canonical URL is the Japanese document's (6.2.11), and a product
 * whose affected versions are known only as text while it has a fixed version (6.2.18).
 */
const ACCEPTED_RECOMMENDED = new Set([
  'optionalTest_6_2_16',
  'optionalTest_6_2_3',
  'optionalTest_6_2_11',
  'optionalTest_6_2_18',
]);

const vuln = (c: CsafDocument, i = 0) => c.vulnerabilities[i]!;

describe('csafFilename', () => {
  it('lower-cases the tracking id and turns every run of other characters into one underscore (§5.1)', () => {
    assert.equal(csafFilename('JVN#12345678'), 'jvn_12345678.json');
    assert.equal(csafFilename('JVNVU#99999999'), 'jvnvu_99999999.json');
    assert.equal(csafFilename('JVNDB-2026-000123'), 'jvndb-2026-000123.json');
    assert.equal(csafFilename('Example Company - 2019-YH3234'), 'example_company_-_2019-yh3234.json');
    assert.equal(csafFilename('a+b//c  #d'), 'a+b_c_d.json');
    assert.equal(csafFilename('ＪＶＮ#1'), '_1.json');
  });
});

describe('toCsaf: every generated document passes the validator', () => {
  for (const [name, make] of Object.entries(ALL_SAMPLE_ADVISORIES)) {
    for (const lang of ['ja', 'en'] as const) {
      const doc = make();
      if (lang === 'en' && !csafEnglishAvailable(doc)) continue;
      it(`the ${name} advisory in ${lang} passes the schema and all mandatory tests, and only the accepted recommended ones warn`, async () => {
        const csaf = toCsaf(doc, TEST_PROVIDER, { lang });
        const result = await validateCsaf(csaf);
        assert.deepEqual(result.errors, []);
        assert.equal(result.valid, true);
        const warned = new Set((await recommendedCsafWarnings(csaf)).map((w) => w.test));
        assert.deepEqual(
          [...warned].filter((t) => !ACCEPTED_RECOMMENDED.has(t)),
          [],
          'only the recommended tests the ADR accepts may warn',
        );
        if (lang === 'ja')
          assert.equal(warned.has('optionalTest_6_2_11'), false, 'the signed one has its canonical URL');
      });
    }
  }

  it('the validator helper reports what is wrong with a broken document, with the test that found it', async () => {
    const csaf = toCsaf(minimalAdvisory(), TEST_PROVIDER) as unknown as {
      document: { tracking: { version: string } };
    };
    csaf.document.tracking.version = '7';
    const result = await validateCsaf(csaf);
    assert.equal(result.valid, false);
    assert.ok(
      result.errors.some((e) => e.test.startsWith('mandatoryTest_6_1_') && e.instancePath !== undefined),
    );
  });
});

describe('toCsaf: the document', () => {
  it('names the coordinator as publisher and tracks the advisory id, revision and every revision note', () => {
    const c = toCsaf(richAdvisory(), TEST_PROVIDER);
    assert.equal(c.document.category, 'csaf_security_advisory');
    assert.equal(c.document.csaf_version, '2.0');
    assert.equal(c.document.lang, 'ja');
    assert.equal(c.document.source_lang, undefined);
    assert.deepEqual(c.document.publisher, {
      category: 'coordinator',
      contact_details: 'keikai 脆弱性受付窓口（vuln@example.jp）',
      name: 'keikai test desk',
      namespace: 'https://csirt.example.jp',
    });
    assert.equal(c.document.distribution.tlp.label, 'WHITE');
    const t = c.document.tracking;
    assert.equal(t.id, 'JVNVU#20000002');
    assert.equal(t.status, 'final');
    assert.equal(t.version, '2');
    assert.equal(t.initial_release_date, '2025-12-24T15:30:00.000Z');
    assert.equal(t.current_release_date, '2026-01-10T02:00:00.000Z');
    assert.deepEqual(
      t.revision_history.map((r) => [r.number, r.summary]),
      [
        ['1', '公開しました'],
        ['2', 'ベンダ情報を更新しました'],
      ],
    );
    assert.equal(c.document.title, '複数の OSS ライブラリにおける複数の脆弱性');
    assert.deepEqual(c.document.acknowledgments, [{ names: ['山田 太郎', '匿名の報告者'] }]);
  });

  it('refers to itself by the advisory page and the CSAF URL of the provider folder, then to the references', () => {
    const c = toCsaf(richAdvisory(), TEST_PROVIDER);
    assert.deepEqual(
      c.document.references.map((r) => [r.category, r.url]),
      [
        ['self', 'https://keikai.example.jp/advisories/JVNVU20000002'],
        ['self', 'https://keikai.example.jp/.well-known/csaf/white/2025/jvnvu_20000002.json'],
        ['external', 'https://www.cve.org/CVERecord?id=CVE-2025-12345'],
        ['external', 'https://acme.example.com/security/2025-01'],
      ],
    );
  });

  it('puts the overview in the summary note and the description, impact, solution and workaround in notes', () => {
    const c = toCsaf(richAdvisory(), TEST_PROVIDER);
    const notes = c.document.notes ?? [];
    assert.deepEqual(notes[0], { category: 'summary', title: '概要', text: '複数の脆弱性が存在します。' });
    assert.ok(notes.some((n) => n.category === 'details' && n.text.includes('各脆弱性')));
    assert.ok(notes.some((n) => n.title === 'ワークアラウンド'));
  });

  it('builds vendor → product name → version range and fixed version branches, with purl and CPE', () => {
    const c = toCsaf(richAdvisory(), TEST_PROVIDER);
    const [acme, widgets, quiet] = c.product_tree.branches;
    assert.equal(acme?.category, 'vendor');
    assert.equal(acme?.name, 'アクメ株式会社');
    const parser = acme?.branches?.[0];
    assert.equal(parser?.category, 'product_name');
    assert.deepEqual(
      parser?.branches?.map((b) => [b.category, b.name, b.product?.product_id]),
      [
        ['product_version_range', 'vers:npm/>=1.0.0|<=1.2.3', 'CSAFPID-p1'],
        ['product_version', '1.2.4', 'CSAFPID-p1-fixed'],
        ['product_version_range', 'vers:npm/>=0.9.0|<1.0.0', 'CSAFPID-p2'],
      ],
    );
    assert.deepEqual(parser?.branches?.[0]?.product?.product_identification_helper, {
      cpe: 'cpe:2.3:a:acme:acme-parser:*:*:*:*:*:node.js:*:*',
      purl: 'pkg:npm/acme-parser',
    });
    assert.equal(
      parser?.branches?.[1]?.product?.product_identification_helper?.purl,
      'pkg:npm/acme-parser@1.2.4',
    );
    // one product without a machine-readable range: the product itself, its versions in its full name
    assert.equal(
      widgets?.branches?.[0]?.product?.name,
      'ウィジェット合同会社 ウィジェットサーバ すべてのバージョン',
    );
    // a developer with a status but no product listed: the vendor itself is the product
    assert.deepEqual(quiet?.product, { name: '調査中株式会社', product_id: 'CSAFPID-vendor-quiet' });
  });

  it('maps each developer status onto its products, with a vendor_fix for fixed and none_available otherwise', () => {
    const c = toCsaf(richAdvisory(), TEST_PROVIDER);
    const v1 = vuln(c, 0);
    assert.deepEqual(v1.product_status, {
      fixed: ['CSAFPID-p1-fixed'],
      known_affected: ['CSAFPID-p1', 'CSAFPID-p2', 'CSAFPID-p3'],
      under_investigation: ['CSAFPID-vendor-quiet'],
    });
    const byCategory = (v: typeof v1, cat: string) =>
      (v.remediations ?? []).filter((r) => r.category === cat).flatMap((r) => r.product_ids);
    assert.deepEqual(byCategory(v1, 'vendor_fix'), ['CSAFPID-p1', 'CSAFPID-p2']);
    assert.deepEqual(byCategory(v1, 'none_available'), ['CSAFPID-p3', 'CSAFPID-vendor-quiet']);
    assert.deepEqual(byCategory(v1, 'workaround'), ['CSAFPID-p1', 'CSAFPID-p2', 'CSAFPID-p3']);
    const fix = v1.remediations?.find((r) => r.category === 'vendor_fix');
    assert.equal(fix?.details, '1.2.4 で修正しました。');
    assert.equal(fix?.url, 'https://acme.example.com/security/2025-01');

    const v2 = vuln(c, 1);
    assert.deepEqual(v2.product_status, {
      known_not_affected: ['CSAFPID-p1', 'CSAFPID-p2', 'CSAFPID-p1-fixed'],
      under_investigation: ['CSAFPID-p3', 'CSAFPID-vendor-quiet'],
    });
    for (const v of c.vulnerabilities) {
      const fixed = new Set(byCategory(v, 'vendor_fix'));
      assert.deepEqual(
        byCategory(v, 'none_available').filter((id) => fixed.has(id)),
        [],
        'never vendor_fix and none_available for the same product',
      );
    }
  });

  it('scores CVSS 3.1 as cvss_v3 with the metrics spelled out, and keeps CVSS 4.0 in a note', () => {
    const v1 = vuln(toCsaf(richAdvisory(), TEST_PROVIDER), 0);
    const score = v1.scores?.[0];
    assert.equal(score?.cvss_v3.vectorString, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    assert.equal(score?.cvss_v3.baseScore, 9.8);
    assert.equal(score?.cvss_v3.baseSeverity, 'CRITICAL');
    assert.equal(score?.cvss_v3.attackVector, 'NETWORK');
    assert.equal(score?.cvss_v3.scope, 'UNCHANGED');
    assert.deepEqual(score?.products, ['CSAFPID-p1', 'CSAFPID-p2', 'CSAFPID-p3', 'CSAFPID-vendor-quiet']);
    const v4 = v1.notes.find((n) => n.title === 'CVSS v4.0');
    assert.match(v4?.text ?? '', /9\.3（緊急） CVSS:4\.0\/AV:N/);
  });

  it('names real CWE weaknesses as the validator spells them, and puts categories and NVD pseudo-ids in a note', () => {
    const c = toCsaf(richAdvisory(), TEST_PROVIDER);
    assert.equal(vuln(c, 0).cwe?.id, 'CWE-78');
    assert.match(vuln(c, 0).cwe?.name ?? '', /OS Command Injection/);
    assert.equal(vuln(c, 1).cwe, undefined);
    assert.match(vuln(c, 1).notes.find((n) => n.title === 'CWE')?.text ?? '', /^CWE-16: Configuration/);
    assert.equal(csafCwe('NVD-CWE-Other'), null);
    assert.equal(csafCwe('CWE-99999'), null);
    assert.deepEqual(csafCwe('79'), csafCwe('CWE-79'));
  });

  it('carries CVE, the JVN id, the vulnerability description and the exploitation in the wild', () => {
    const v1 = vuln(toCsaf(richAdvisory(), TEST_PROVIDER), 0);
    assert.equal(v1.cve, 'CVE-2025-12345');
    assert.deepEqual(v1.ids, [{ system_name: 'JVN', text: 'JVNVU#20000002' }]);
    assert.equal(v1.notes[0]?.category, 'description');
    assert.equal(v1.title, 'OS コマンドインジェクション');
    assert.equal(v1.release_date, '2025-12-24T15:30:00.000Z');
    assert.deepEqual(
      v1.threats?.map((t) => t.category),
      ['impact', 'exploit_status'],
    );
    assert.equal(vuln(toCsaf(richAdvisory(), TEST_PROVIDER), 1).threats?.length, 1, 'impact only');
  });

  it('gives a not-affected developer known_not_affected, its statement, and neither remediation nor score', () => {
    const v = vuln(toCsaf(notAffectedAdvisory(), TEST_PROVIDER));
    assert.deepEqual(v.product_status, { known_not_affected: ['CSAFPID-p1'] });
    assert.equal(v.remediations, undefined);
    assert.equal(v.scores, undefined);
    assert.ok(v.notes.some((n) => n.text === '当社製品は影響を受けません。'));
  });

  it('lists the first fixed version as fixed and the solution as the vendor fix', () => {
    const c = toCsaf(fixedVersionsAdvisory(), TEST_PROVIDER);
    const v = vuln(c);
    assert.deepEqual(v.product_status, { fixed: ['CSAFPID-p1-fixed'], known_affected: ['CSAFPID-p1'] });
    assert.deepEqual(v.remediations, [
      {
        category: 'vendor_fix',
        details: '修正版にアップデートしてください。',
        product_ids: ['CSAFPID-p1'],
        url: 'https://sample.example.com/release/1.3',
      },
    ]);
    const leaves = c.product_tree.branches[0]?.branches?.[0]?.branches ?? [];
    assert.equal(leaves[1]?.product?.product_identification_helper?.purl, 'pkg:pypi/sample-product@1.3');
  });

  it('keeps affected versions known only as text as the range of a product that has a fixed version', async () => {
    const doc = fixedVersionsAdvisory();
    doc.products[0] = { ...doc.products[0]!, versionRange: null, purl: null };
    const c = toCsaf(doc, TEST_PROVIDER);
    const leaves = c.product_tree.branches[0]?.branches?.[0]?.branches ?? [];
    assert.deepEqual(
      leaves.map((b) => [b.category, b.name]),
      [
        ['product_version_range', '1.0 から 1.2 まで'],
        ['product_version', '1.3'],
      ],
    );
    assert.deepEqual((await validateCsaf(c)).errors, []);
  });

  it('scores a CVSS 4.0-only vulnerability in a note only (CSAF 2.0 has no cvss_v4)', () => {
    const v = vuln(toCsaf(cvss40OnlyAdvisory(), TEST_PROVIDER));
    assert.equal(v.scores, undefined);
    assert.match(v.notes.find((n) => n.title === 'CVSS v4.0')?.text ?? '', /5\.1（警告）/);
  });

  it('leaves out a CVSS 3.1 vector that does not parse rather than publish a wrong score', () => {
    const doc = minimalAdvisory();
    doc.vulnerabilities[0]!.cvss31 = { vector: 'CVSS:3.1/AV:N', score: 5, severity: 'medium' };
    assert.equal(vuln(toCsaf(doc, TEST_PROVIDER)).scores, undefined);
    assert.equal(csafCvssV3('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'), null);
  });

  it('says where an imported advisory came from, and keeps its original id', () => {
    const c = toCsaf(importedAdvisory(), TEST_PROVIDER);
    assert.ok(
      c.document.notes?.some(
        (n) => n.text.includes('Example Vendor PSIRT') && n.text.includes('EXV-SA-2024-001'),
      ),
    );
    assert.ok(
      c.document.references.some((r) => r.url === 'https://psirt.example.com/advisories/EXV-SA-2024-001'),
    );
    assert.deepEqual(vuln(c).ids, [
      { system_name: 'JVN', text: 'JVNDB-2024-000123' },
      { system_name: 'Example Vendor PSIRT', text: 'EXV-SA-2024-001' },
    ]);
    assert.equal(vuln(c).cwe, undefined);
  });

  it('marks a sample advisory of the demo as such', () => {
    const c = toCsaf(minimalAdvisory({ sample: true }), TEST_PROVIDER);
    assert.ok(c.document.notes?.some((n) => n.text.includes('サンプル')));
  });
});

describe('toCsaf: the English rendition', () => {
  it('is in English with Japanese as its source language, names falling back to Japanese', () => {
    const c = toCsaf(richAdvisory(), TEST_PROVIDER, { lang: 'en' });
    assert.equal(c.document.lang, 'en');
    assert.equal(c.document.source_lang, 'ja');
    assert.equal(c.document.title, 'Multiple vulnerabilities in multiple OSS libraries');
    assert.equal(c.product_tree.branches[0]?.name, 'ACME Inc.');
    assert.equal(c.product_tree.branches[2]?.name, '調査中株式会社', 'no English name: the Japanese one');
    assert.deepEqual(c.document.acknowledgments, [{ names: ['Taro Yamada', '匿名の報告者'] }]);
    assert.equal(vuln(c).notes[0]?.text, 'Crafted input executes OS commands.');
    assert.match(vuln(c).notes.find((n) => n.title === 'CVSS v4.0')?.text ?? '', /9\.3 \(CRITICAL\)/);
    assert.deepEqual(
      c.document.references.slice(0, 3).map((r) => [r.category, r.url]),
      [
        ['self', 'https://keikai.example.jp/advisories/JVNVU20000002'],
        ['self', 'https://keikai.example.jp/advisories/JVNVU20000002/csaf.json?lang=en'],
        ['external', 'https://keikai.example.jp/.well-known/csaf/white/2025/jvnvu_20000002.json'],
      ],
    );
  });

  it('says a revision note has no English rather than leave the summary empty', () => {
    const doc = minimalAdvisory();
    doc.revisions[0]!.note.en = '';
    const c = toCsaf(doc, TEST_PROVIDER, { lang: 'en' });
    assert.equal(
      c.document.tracking.revision_history[0]?.summary,
      'Revision 1 (change note in Japanese: 公開しました)',
    );
  });

  it('is refused for an advisory without English, with a clear error', () => {
    assert.equal(csafEnglishAvailable(importedAdvisory()), false);
    assert.throws(
      () => toCsaf(importedAdvisory(), TEST_PROVIDER, { lang: 'en' }),
      (err: unknown) =>
        err instanceof CsafMappingError && err.code === 'no-english' && /English/.test(err.message),
    );
  });
});

describe('toCsaf: what cannot be mapped', () => {
  it('refuses an advisory without vulnerabilities', () => {
    const doc: AdvisoryDocument = { ...minimalAdvisory(), vulnerabilities: [], vendorStatuses: [] };
    assert.throws(() => toCsaf(doc, TEST_PROVIDER), { name: 'CsafMappingError', code: 'no-vulnerabilities' });
  });

  it('refuses a vulnerability that concerns no product at all', () => {
    const doc: AdvisoryDocument = { ...minimalAdvisory(), developers: [], products: [], vendorStatuses: [] };
    assert.throws(() => toCsaf(doc, TEST_PROVIDER), { name: 'CsafMappingError', code: 'no-products' });
  });
});

describe('csafJson', () => {
  it('is the same text for the same advisory, keys sorted at every level, ending in a newline', () => {
    const a = csafJson(toCsaf(richAdvisory(), TEST_PROVIDER));
    const b = csafJson(toCsaf(richAdvisory(), TEST_PROVIDER));
    assert.equal(a, b);
    assert.ok(a.endsWith('}\n'));
    const check = (v: unknown): void => {
      if (Array.isArray(v)) {
        for (const x of v) check(x);
      } else if (v && typeof v === 'object') {
        const keys = Object.keys(v);
        assert.deepEqual(keys, [...keys].sort(new Intl.Collator('en').compare));
        for (const x of Object.values(v)) check(x);
      }
    };
    check(JSON.parse(a));
  });
});

describe('purlAtVersion', () => {
  it('adds the version to a purl without one, before qualifiers and subpath', () => {
    assert.equal(purlAtVersion('pkg:npm/foo', '1.2.4'), 'pkg:npm/foo@1.2.4');
    assert.equal(purlAtVersion('pkg:npm/%40scope/foo', '2.0.0'), 'pkg:npm/%40scope/foo@2.0.0');
    assert.equal(
      purlAtVersion('pkg:maven/org.example/lib?type=jar#sub/dir', '1.0+b1'),
      'pkg:maven/org.example/lib@1.0%2Bb1?type=jar#sub/dir',
    );
  });

  it('gives nothing for a purl that already names a version', () => {
    assert.equal(purlAtVersion('pkg:npm/foo@1.0.0', '1.2.4'), null);
  });
});
