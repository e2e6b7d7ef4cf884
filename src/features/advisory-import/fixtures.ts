// Tests only: CSAF 2.0 documents as other publishers write them (written for these tests, not copied), valid
// under the validator's schema and mandatory tests. Scores are computed from the vectors, as 6.1.9 requires.
import { parseCvss } from '../../domain/cvss.js';

export function cvss3(vector: string) {
  const r = parseCvss(vector.replace(/^CVSS:3\.0\//, 'CVSS:3.1/'), '3.1');
  if (!r.ok) throw new Error(`bad test vector ${vector}`);
  return {
    version: vector.startsWith('CVSS:3.0/') ? '3.0' : '3.1',
    vectorString: vector,
    baseScore: r.baseScore,
    baseSeverity: r.severity.toUpperCase(),
  };
}

/**
 * A Japanese CSIRT's advisory (lang ja) on one vendor's web management screen: one vulnerability, XSS,
 * CVSS 3.1, fixed in 2.4.1. `revision` 2 adds a second revision (an update of the same advisory).
 */
export function japaneseAdvisory(opts: { revision?: 1 | 2; trackingId?: string } = {}) {
  const revision = opts.revision ?? 1;
  const history = [{ date: '2026-04-10T01:00:00.000Z', number: '1', summary: '初版' }];
  if (revision === 2) {
    history.push({ date: '2026-05-20T06:30:00.000Z', number: '2', summary: '修正版の情報を更新' });
  }
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      lang: 'ja-JP',
      title: 'サンプル電機製ルータ管理画面におけるクロスサイトスクリプティングの脆弱性',
      publisher: {
        category: 'coordinator',
        name: 'Example CSIRT Japan',
        namespace: 'https://csirt.example.jp',
        contact_details: 'vuln@csirt.example.jp',
      },
      distribution: { tlp: { label: 'WHITE' } },
      tracking: {
        id: opts.trackingId ?? 'ECJ-2026-0042',
        status: 'final',
        version: String(revision),
        initial_release_date: '2026-04-10T01:00:00.000Z',
        current_release_date: history.at(-1)!.date,
        revision_history: history,
      },
      notes: [
        {
          category: 'summary',
          title: '概要',
          text: 'サンプル電機株式会社が提供するルータの管理画面には、反射型クロスサイトスクリプティングの脆弱性が存在します。',
        },
        {
          category: 'description',
          title: '詳細情報',
          text: '管理画面の検索機能において、入力値の検証が不十分なため、認証済みの管理者のブラウザ上で任意のスクリプトが実行される可能性があります。',
        },
      ],
      references: [
        {
          category: 'self',
          summary: 'ECJ-2026-0042',
          url: 'https://csirt.example.jp/advisories/ECJ-2026-0042.json',
        },
        {
          category: 'external',
          summary: 'サンプル電機株式会社からの情報',
          url: 'https://sample-denki.example.jp/security/2026-001',
        },
      ],
      acknowledgments: [{ names: ['山田 花子'], summary: '報告者' }],
    },
    product_tree: {
      branches: [
        {
          category: 'vendor',
          name: 'サンプル電機株式会社',
          branches: [
            {
              category: 'product_name',
              name: 'SR-2000 シリーズ',
              branches: [
                {
                  category: 'product_version',
                  name: '2.3.0',
                  product: {
                    product_id: 'SR2000-230',
                    name: 'SR-2000 シリーズ 2.3.0',
                    product_identification_helper: {
                      cpe: 'cpe:2.3:h:sample-denki:sr-2000:2.3.0:*:*:*:*:*:*:*',
                    },
                  },
                },
                {
                  category: 'product_version',
                  name: '2.4.0',
                  product: { product_id: 'SR2000-240', name: 'SR-2000 シリーズ 2.4.0' },
                },
                {
                  category: 'product_version',
                  name: '2.4.1',
                  product: { product_id: 'SR2000-241', name: 'SR-2000 シリーズ 2.4.1' },
                },
              ],
            },
          ],
        },
      ],
    },
    vulnerabilities: [
      {
        cve: 'CVE-2026-10001',
        cwe: {
          id: 'CWE-79',
          name: "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')",
        },
        title: '管理画面におけるクロスサイトスクリプティング',
        notes: [
          {
            category: 'description',
            title: '脆弱性の説明',
            text: '検索語がエスケープされずに出力されるため、細工された URL を開いた管理者のブラウザでスクリプトが実行されます。',
          },
        ],
        product_status: {
          known_affected: ['SR2000-230', 'SR2000-240'],
          fixed: ['SR2000-241'],
        },
        scores: [
          {
            cvss_v3: cvss3('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N'),
            products: ['SR2000-230', 'SR2000-240'],
          },
        ],
        remediations: [
          {
            category: 'vendor_fix',
            details: 'ファームウェアを 2.4.1 以降にアップデートしてください。',
            product_ids: ['SR2000-230', 'SR2000-240'],
            url: 'https://sample-denki.example.jp/support/sr-2000/firmware',
          },
          {
            category: 'workaround',
            details: '管理画面へのアクセスを信頼できるネットワークからに限定してください。',
            product_ids: ['SR2000-230', 'SR2000-240'],
          },
        ],
      },
    ],
  };
}

/**
 * An English vendor PSIRT's advisory with two vulnerabilities on two products (one an npm package with a
 * purl), a CVSS 3.0 score, a product that is not affected, and a relationship (a plug-in on a platform).
 */
export function englishAdvisory() {
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      lang: 'en-US',
      title: 'Acme Gateway and acme-auth: authentication bypass and path traversal',
      publisher: {
        category: 'vendor',
        name: 'Acme Networks PSIRT',
        namespace: 'https://www.acme-networks.example',
      },
      tracking: {
        id: 'ACME-SA-2026-007',
        status: 'final',
        version: '1.1.0',
        initial_release_date: '2026-02-03T15:00:00.000Z',
        current_release_date: '2026-02-17T09:00:00.000Z',
        revision_history: [
          { date: '2026-02-03T15:00:00.000Z', number: '1.0.0', summary: 'Initial public release.' },
          {
            date: '2026-02-17T09:00:00.000Z',
            number: '1.1.0',
            summary: 'Added the fixed acme-auth version.',
          },
        ],
      },
      notes: [
        {
          category: 'summary',
          text: 'Two vulnerabilities in Acme Gateway and the acme-auth library allow a remote attacker to bypass authentication or read files.',
        },
        {
          category: 'legal_disclaimer',
          text: 'This document is provided "as is".',
        },
      ],
      references: [
        {
          category: 'external',
          summary: 'CVE-2026-20002',
          url: 'https://www.cve.org/CVERecord?id=CVE-2026-20002',
        },
      ],
      acknowledgments: [{ names: ['Alex Doe', 'Sam Roe'], organization: 'Example Research Lab' }],
    },
    product_tree: {
      branches: [
        {
          category: 'vendor',
          name: 'Acme Networks, Inc.',
          branches: [
            {
              category: 'product_name',
              name: 'Acme Gateway',
              branches: [
                {
                  category: 'product_version',
                  name: '5.1',
                  product: { product_id: 'GW-5.1', name: 'Acme Gateway 5.1' },
                },
                {
                  category: 'product_version',
                  name: '5.2',
                  product: { product_id: 'GW-5.2', name: 'Acme Gateway 5.2' },
                },
                {
                  category: 'product_version',
                  name: '6.0',
                  product: { product_id: 'GW-6.0', name: 'Acme Gateway 6.0' },
                },
              ],
            },
            {
              category: 'product_name',
              name: 'acme-auth',
              branches: [
                {
                  category: 'product_version',
                  name: '3.2.0',
                  product: {
                    product_id: 'AUTH-3.2.0',
                    name: 'acme-auth 3.2.0',
                    product_identification_helper: { purl: 'pkg:npm/acme-auth@3.2.0' },
                  },
                },
                {
                  category: 'product_version',
                  name: '3.2.1',
                  product: {
                    product_id: 'AUTH-3.2.1',
                    name: 'acme-auth 3.2.1',
                    product_identification_helper: { purl: 'pkg:npm/acme-auth@3.2.1' },
                  },
                },
              ],
            },
          ],
        },
        {
          category: 'vendor',
          name: 'Contoso Platform',
          branches: [
            {
              category: 'product_name',
              name: 'Contoso Host',
              product: { product_id: 'HOST', name: 'Contoso Host' },
            },
          ],
        },
      ],
      relationships: [
        {
          category: 'installed_on',
          product_reference: 'AUTH-3.2.0',
          relates_to_product_reference: 'HOST',
          full_product_name: { product_id: 'AUTH-3.2.0-ON-HOST', name: 'acme-auth 3.2.0 on Contoso Host' },
        },
      ],
    },
    vulnerabilities: [
      {
        cve: 'CVE-2026-20001',
        cwe: { id: 'CWE-287', name: 'Improper Authentication' },
        title: 'Authentication bypass in the acme-auth token check',
        notes: [
          {
            category: 'description',
            text: 'acme-auth accepts a token whose signature uses the "none" algorithm.',
          },
        ],
        product_status: {
          known_affected: ['AUTH-3.2.0', 'AUTH-3.2.0-ON-HOST'],
          fixed: ['AUTH-3.2.1'],
          known_not_affected: ['HOST'],
        },
        scores: [
          {
            cvss_v3: cvss3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N'),
            products: ['AUTH-3.2.0', 'AUTH-3.2.0-ON-HOST'],
          },
        ],
        threats: [
          {
            category: 'impact',
            details: 'Contoso Host does not use acme-auth for its own sign-in.',
            product_ids: ['HOST'],
          },
        ],
        remediations: [
          {
            category: 'vendor_fix',
            details: 'Update acme-auth to 3.2.1.',
            product_ids: ['AUTH-3.2.0', 'AUTH-3.2.0-ON-HOST'],
            url: 'https://www.acme-networks.example/security/ACME-SA-2026-007',
          },
        ],
      },
      {
        cve: 'CVE-2026-20002',
        cwe: {
          id: 'CWE-22',
          name: "Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')",
        },
        title: 'Path traversal in the Acme Gateway backup download',
        notes: [
          { category: 'description', text: 'A crafted file name reads files outside the backup folder.' },
        ],
        product_status: { known_affected: ['GW-5.1', 'GW-5.2'], fixed: ['GW-6.0'] },
        scores: [
          { cvss_v3: cvss3('CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N'), products: ['GW-5.1', 'GW-5.2'] },
        ],
        remediations: [
          {
            category: 'vendor_fix',
            details: 'Upgrade to Acme Gateway 6.0.',
            product_ids: ['GW-5.1', 'GW-5.2'],
          },
          {
            category: 'mitigation',
            details: 'Restrict the management interface to an administration network.',
            product_ids: ['GW-5.1', 'GW-5.2'],
          },
        ],
      },
    ],
  };
}
