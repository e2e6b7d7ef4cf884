// Test fixtures for the public database: a complete, hand-made AdvisoryDocument (`sampleDocument`) and a way to
// put documents into the public tables through the one writer (`seedPublic`), as the publish step would. Any
// feature's tests that need published advisories (feeds, exports, CSAF provider) may use these.
import type { AdvisoryDocument, Bilingual } from '../../domain/advisory-document.js';
import type { AppContext } from '../../platform/context.js';
import { writePublicAdvisories } from '../publication/public-writer.js';

const bi = (ja: string, en: string): Bilingual => ({ ja, en });

let serial = 0;

/**
 * A published advisory with one developer, one product, one vulnerability (CVSS 3.1 and 4.0, CWE-287, a CVE),
 * a vendor status, a credit and references. Override any field; `id` defaults to a fresh JVN#… and the revision
 * history to one entry for `revision` at `lastUpdatedAt`.
 */
export function sampleDocument(overrides: Partial<AdvisoryDocument> = {}): AdvisoryDocument {
  serial += 1;
  const id = overrides.id ?? `JVN#${String(90000000 + serial).padStart(8, '0')}`;
  const firstPublishedAt = overrides.firstPublishedAt ?? '2026-11-10T06:00:00.000Z';
  const lastUpdatedAt = overrides.lastUpdatedAt ?? firstPublishedAt;
  const revision = overrides.revision ?? 1;
  const doc: AdvisoryDocument = {
    id,
    kind: 'jvn',
    revision,
    firstPublishedAt,
    lastUpdatedAt,
    revisions: Array.from({ length: revision }, (_, i) => ({
      revision: i + 1,
      publishedAt: i + 1 === revision ? lastUpdatedAt : firstPublishedAt,
      note: i === 0 ? bi('公開しました', 'Published') : bi(`第${i + 1}版に更新しました`, `Revision ${i + 1}`),
    })),
    sample: false,
    source: null,
    title: bi('サンプル製品における認証回避の脆弱性', 'Authentication bypass in Sample Product'),
    overview: bi(
      'サンプル工業が提供するサンプル製品には、認証回避の脆弱性が存在します。',
      'Sample Product provided by Sample Industries contains an authentication bypass vulnerability.',
    ),
    description: bi(
      'サンプル製品の管理画面には、認証を回避される問題があります。',
      'The administration page of Sample Product does not check the session properly.',
    ),
    impact: bi(
      '遠隔の第三者に管理者権限で操作される可能性があります。',
      'A remote attacker may act as an administrator.',
    ),
    solution: bi('開発者が提供する最新版にアップデートしてください。', 'Update to the latest version.'),
    workaround: bi('管理画面へのアクセスを制限してください。', 'Restrict access to the administration page.'),
    developers: [{ slug: 'sample-industries', name: bi('サンプル工業株式会社', 'Sample Industries') }],
    products: [
      {
        key: 'p1',
        developerSlug: 'sample-industries',
        name: bi('サンプル製品', 'Sample Product'),
        versions: bi('1.0.0 から 1.2.3 まで', '1.0.0 through 1.2.3'),
        versionRange: 'vers:generic/>=1.0.0|<=1.2.3',
        fixedVersion: '1.2.4',
        purl: 'pkg:generic/sample-product',
        cpe: null,
      },
    ],
    vulnerabilities: [
      {
        ordinal: 1,
        title: bi('認証の欠如', 'Missing authentication'),
        description: bi(
          '管理画面で認証が行われません。',
          'The administration page requires no authentication.',
        ),
        cweId: 'CWE-287',
        cvss31: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8, severity: 'critical' },
        cvss40: {
          vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
          score: 9.3,
          severity: 'critical',
        },
        cveId: 'CVE-2026-12345',
        exploitedInTheWild: false,
      },
    ],
    vendorStatuses: [
      {
        developerSlug: 'sample-industries',
        vulnerabilityOrdinal: 1,
        status: 'fixed',
        statement: bi('修正版を提供しています。', 'A fixed version is available.'),
        url: 'https://sample.example.jp/security/2026-01',
      },
    ],
    credits: [bi('山田太郎 氏', 'Taro Yamada')],
    references: [
      { kind: 'cve', title: 'CVE-2026-12345', url: 'https://www.cve.org/CVERecord?id=CVE-2026-12345' },
    ],
    contact: bi('サンプル工業 サポート窓口', 'Sample Industries support'),
    receivedOn: '2026-08-01',
    ...overrides,
  };
  return { ...doc, id, revision, firstPublishedAt, lastUpdatedAt };
}

/** Writes documents to the public tables through the publish step's writer, in one transaction. */
export async function seedPublic(ctx: AppContext, docs: readonly AdvisoryDocument[]): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < docs.length; i += 500) {
      await writePublicAdvisories(
        trx,
        docs.slice(i, i + 500).map((doc) => ({ doc, origin: 'keikai' as const })),
      );
    }
  });
}
