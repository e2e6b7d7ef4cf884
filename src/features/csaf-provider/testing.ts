// Published advisories for the CSAF tests: a rich multi-vendor one, a minimal one, one with CVSS 4.0 only, one whose
// developer is not affected, one with fixed versions, and one imported from elsewhere without English.
import { type AdvisoryDocument, emptyContent } from '../../domain/advisory-document.js';
import type { CsafProvider } from '../../exports/csaf.js';

export const TEST_PROVIDER: CsafProvider = {
  name: 'keikai test desk',
  namespace: 'https://csirt.example.jp',
  publicUrl: 'https://keikai.example.jp',
};

const bi = (ja: string, en = '') => ({ ja, en });

/** The smallest advisory that can be published: one developer, product, vulnerability and status. */
export function minimalAdvisory(over: Partial<AdvisoryDocument> = {}): AdvisoryDocument {
  return {
    ...emptyContent(),
    id: 'JVN#10000001',
    kind: 'jvn',
    revision: 1,
    firstPublishedAt: '2026-03-02T01:00:00.000Z',
    lastUpdatedAt: '2026-03-02T01:00:00.000Z',
    revisions: [
      { revision: 1, publishedAt: '2026-03-02T01:00:00.000Z', note: bi('公開しました', 'Published') },
    ],
    sample: false,
    source: null,
    title: bi(
      'サンプル製品におけるクロスサイトスクリプティングの脆弱性',
      'Sample Product vulnerable to cross-site scripting',
    ),
    developers: [{ slug: 'sample-corp', name: bi('サンプル株式会社', 'Sample Corp.') }],
    products: [
      {
        key: 'p1',
        developerSlug: 'sample-corp',
        name: bi('サンプル製品', 'Sample Product'),
        versions: bi('1.0 から 1.2 まで', '1.0 through 1.2'),
        versionRange: null,
        fixedVersion: null,
        purl: null,
        cpe: null,
      },
    ],
    vulnerabilities: [
      {
        ordinal: 1,
        title: bi('クロスサイトスクリプティング', 'Cross-site scripting'),
        description: bi(
          '管理画面にクロスサイトスクリプティングの脆弱性があります。',
          'The administration page is vulnerable to cross-site scripting.',
        ),
        cweId: 'CWE-79',
        cvss31: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', score: 6.1, severity: 'medium' },
        cvss40: null,
        cveId: null,
        exploitedInTheWild: false,
      },
    ],
    vendorStatuses: [
      {
        developerSlug: 'sample-corp',
        vulnerabilityOrdinal: 1,
        status: 'affected',
        statement: bi(''),
        url: null,
      },
    ],
    ...over,
  };
}

/** Two developers, two vulnerabilities, every kind of status, purl/CPE, both CVSS versions, credits, references. */
export function richAdvisory(): AdvisoryDocument {
  const base = minimalAdvisory();
  return {
    ...base,
    id: 'JVNVU#20000002',
    kind: 'jvnvu',
    revision: 2,
    firstPublishedAt: '2025-12-24T15:30:00.000Z',
    lastUpdatedAt: '2026-01-10T02:00:00.000Z',
    revisions: [
      { revision: 1, publishedAt: '2025-12-24T15:30:00.000Z', note: bi('公開しました', 'Published') },
      {
        revision: 2,
        publishedAt: '2026-01-10T02:00:00.000Z',
        note: bi('ベンダ情報を更新しました', 'Updated the vendor information'),
      },
    ],
    title: bi(
      '複数の OSS ライブラリにおける複数の脆弱性',
      'Multiple vulnerabilities in multiple OSS libraries',
    ),
    overview: bi('複数の脆弱性が存在します。', 'Multiple vulnerabilities exist.'),
    description: bi('詳しくは各脆弱性の説明をご覧ください。', 'See each vulnerability for details.'),
    impact: bi('任意のコードを実行される可能性があります。', 'An attacker may execute arbitrary code.'),
    solution: bi('最新版にアップデートしてください。', 'Update to the latest version.'),
    workaround: bi('管理画面へのアクセスを制限してください。', 'Restrict access to the administration page.'),
    contact: bi('keikai 脆弱性受付窓口（vuln@example.jp）', 'keikai vulnerability desk (vuln@example.jp)'),
    developers: [
      { slug: 'acme', name: bi('アクメ株式会社', 'ACME Inc.') },
      { slug: 'widgets', name: bi('ウィジェット合同会社', 'Widgets LLC') },
      { slug: 'quiet', name: bi('調査中株式会社', '') },
    ],
    products: [
      {
        key: 'p1',
        developerSlug: 'acme',
        name: bi('acme-parser', 'acme-parser'),
        versions: bi('1.0.0 から 1.2.3 まで', '1.0.0 through 1.2.3'),
        versionRange: 'vers:npm/>=1.0.0|<=1.2.3',
        fixedVersion: '1.2.4',
        purl: 'pkg:npm/acme-parser',
        cpe: 'cpe:2.3:a:acme:acme-parser:*:*:*:*:*:node.js:*:*',
      },
      {
        key: 'p2',
        developerSlug: 'acme',
        name: bi('acme-parser', 'acme-parser'),
        versions: bi('0.9 系', '0.9 series'),
        versionRange: 'vers:npm/>=0.9.0|<1.0.0',
        fixedVersion: null,
        purl: 'pkg:npm/acme-parser@0.9.9',
        cpe: null,
      },
      {
        key: 'p3',
        developerSlug: 'widgets',
        name: bi('ウィジェットサーバ', 'Widget Server'),
        versions: bi('すべてのバージョン', 'all versions'),
        versionRange: null,
        fixedVersion: null,
        purl: null,
        cpe: 'cpe:2.3:a:widgets:widget_server:*:*:*:*:*:*:*:*',
      },
    ],
    vulnerabilities: [
      {
        ordinal: 1,
        title: bi('OS コマンドインジェクション', 'OS command injection'),
        description: bi(
          '細工された入力で OS コマンドを実行されます。',
          'Crafted input executes OS commands.',
        ),
        cweId: 'CWE-78',
        cvss31: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8, severity: 'critical' },
        cvss40: {
          vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
          score: 9.3,
          severity: 'critical',
        },
        cveId: 'CVE-2025-12345',
        exploitedInTheWild: true,
      },
      {
        ordinal: 2,
        title: bi('設定の不備', 'Configuration issue'),
        description: bi('既定の設定に問題があります。', 'The default configuration is weak.'),
        cweId: 'CWE-16', // a CWE category: not allowed in CSAF's cwe, kept in a note
        cvss31: { vector: 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N', score: 2.5, severity: 'low' },
        cvss40: null,
        cveId: 'CVE-2025-12346',
        exploitedInTheWild: false,
      },
    ],
    vendorStatuses: [
      {
        developerSlug: 'acme',
        vulnerabilityOrdinal: 1,
        status: 'fixed',
        statement: bi('1.2.4 で修正しました。', 'Fixed in 1.2.4.'),
        url: 'https://acme.example.com/security/2025-01',
      },
      {
        developerSlug: 'acme',
        vulnerabilityOrdinal: 2,
        status: 'not_affected',
        statement: bi('影響を受けません。', 'Not affected.'),
        url: null,
      },
      { developerSlug: 'widgets', vulnerabilityOrdinal: 1, status: 'affected', statement: bi(''), url: null },
      {
        developerSlug: 'widgets',
        vulnerabilityOrdinal: 2,
        status: 'under_investigation',
        statement: bi(''),
        url: null,
      },
      { developerSlug: 'quiet', vulnerabilityOrdinal: 1, status: 'unknown', statement: bi(''), url: null },
    ],
    credits: [bi('山田 太郎', 'Taro Yamada'), bi('匿名の報告者')],
    references: [
      { kind: 'cve', title: 'CVE-2025-12345', url: 'https://www.cve.org/CVERecord?id=CVE-2025-12345' },
      { kind: 'vendor', title: 'ACME security advisory', url: 'https://acme.example.com/security/2025-01' },
    ],
    receivedOn: '2025-10-01',
  };
}

/** Only a CVSS 4.0 score (no 3.1): the score lives in a note. */
export function cvss40OnlyAdvisory(): AdvisoryDocument {
  const base = minimalAdvisory({ id: 'JVN#10000003' });
  return {
    ...base,
    vulnerabilities: [
      {
        ...base.vulnerabilities[0]!,
        cvss31: null,
        cvss40: {
          vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N',
          score: 5.1,
          severity: 'medium',
        },
      },
    ],
  };
}

/** The only developer is not affected. */
export function notAffectedAdvisory(): AdvisoryDocument {
  const base = minimalAdvisory({ id: 'JVN#10000004' });
  return {
    ...base,
    vendorStatuses: [
      {
        developerSlug: 'sample-corp',
        vulnerabilityOrdinal: 1,
        status: 'not_affected',
        statement: bi('当社製品は影響を受けません。', 'Our products are not affected.'),
        url: null,
      },
    ],
  };
}

/** A fixed version with a versioned purl, a solution text and the vendor's page. */
export function fixedVersionsAdvisory(): AdvisoryDocument {
  const base = minimalAdvisory({ id: 'JVN#10000005' });
  return {
    ...base,
    solution: bi('修正版にアップデートしてください。', 'Update to the fixed version.'),
    products: [
      {
        ...base.products[0]!,
        versionRange: 'vers:pypi/>=1.0|<=1.2',
        fixedVersion: '1.3',
        purl: 'pkg:pypi/sample-product',
      },
    ],
    vendorStatuses: [
      {
        developerSlug: 'sample-corp',
        vulnerabilityOrdinal: 1,
        status: 'fixed',
        statement: bi(''),
        url: 'https://sample.example.com/release/1.3',
      },
    ],
  };
}

/** Imported from another provider's CSAF: Japanese only, its source named. */
export function importedAdvisory(): AdvisoryDocument {
  const base = minimalAdvisory({ id: 'JVNDB-2024-000123', kind: 'jvndb' });
  const ja = (b: { ja: string }) => ({ ja: b.ja, en: '' });
  return {
    ...base,
    firstPublishedAt: '2024-05-01T00:00:00.000Z',
    lastUpdatedAt: '2024-05-01T00:00:00.000Z',
    revisions: [{ revision: 1, publishedAt: '2024-05-01T00:00:00.000Z', note: bi('初版') }],
    title: ja(base.title),
    developers: base.developers.map((d) => ({ ...d, name: ja(d.name) })),
    products: base.products.map((p) => ({ ...p, name: ja(p.name), versions: ja(p.versions) })),
    vulnerabilities: base.vulnerabilities.map((v) => ({
      ...v,
      title: ja(v.title),
      description: ja(v.description),
      cweId: 'NVD-CWE-Other',
    })),
    vendorStatuses: [{ ...base.vendorStatuses[0]!, status: 'unknown' }],
    source: {
      name: 'Example Vendor PSIRT',
      namespace: 'https://psirt.example.com',
      trackingId: 'EXV-SA-2024-001',
      url: 'https://psirt.example.com/advisories/EXV-SA-2024-001',
    },
  };
}

export const ALL_SAMPLE_ADVISORIES = {
  rich: richAdvisory,
  minimal: minimalAdvisory,
  cvss40Only: cvss40OnlyAdvisory,
  notAffected: notAffectedAdvisory,
  fixedVersions: fixedVersionsAdvisory,
  imported: importedAdvisory,
} as const;
