// A generator of realistic advisories for the issue-5 benchmarks: N (default 250,000) AdvisoryDocuments with
// Japanese and English titles, overviews and descriptions built from the vocabulary of real advisories (so a
// search for 認証, 暗号, "authentication" or "router" hits a realistic share, not all or nothing), ~2,000
// developers of very different sizes (a few publish a lot), products by category, 1–3 vulnerabilities each
// with CWE, CVE and CVSS 3.1 (and sometimes 4.0) spread like real data, dates from 2005 to 2026.
// Deterministic: the same N and seed give the same documents.
//
//   node --import tsx bench/advisories/generate.ts --csaf DIR [--count N] [--seed S]
//       writes one CSAF 2.0 file per advisory (toCsaf, Japanese or English as the advisory has them) under
//       DIR/<year>/, as another provider would publish them: what bench/advisories/import.ts imports
//   (import.ts and serve.ts use the functions below directly; serve.ts inserts through writePublicAdvisories)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type {
  AdvisoryDocument,
  AdvisoryProduct,
  AdvisoryVulnerability,
  Bilingual,
  CvssScore,
  PublicDeveloper,
  VendorStatus,
} from '../../src/domain/advisory-document.js';
import { parseCvss } from '../../src/domain/cvss.js';
import { csafFilename, toCsaf } from '../../src/exports/csaf.js';

/** mulberry32: small, fast, seeded */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** Zipf-like: index i with weight 1/(i+1)^s — a few very frequent, a long tail */
function zipf(r: Rand, n: number, s = 1.05): number {
  // inverse-CDF approximation of a bounded power law, good enough for a benchmark's spread
  const u = r();
  const x = ((n + 1) ** (1 - s) - 1) * u + 1;
  return Math.min(n - 1, Math.max(0, Math.floor(x ** (1 / (1 - s))) - 1));
}

// vulnerability types: CWE, the Japanese and English names as advisories write them, how often they occur
const KINDS: readonly {
  cwe: string;
  ja: string;
  en: string;
  w: number;
  impactJa: string;
  impactEn: string;
}[] = [
  {
    cwe: 'CWE-79',
    ja: 'クロスサイトスクリプティング',
    en: 'cross-site scripting',
    w: 18,
    impactJa: 'ユーザのウェブブラウザ上で任意のスクリプトを実行される',
    impactEn: "an arbitrary script may be executed in the user's web browser",
  },
  {
    cwe: 'CWE-89',
    ja: 'SQLインジェクション',
    en: 'SQL injection',
    w: 6,
    impactJa: 'データベース内の情報を窃取、改ざんされる',
    impactEn: 'information in the database may be obtained or altered',
  },
  {
    cwe: 'CWE-78',
    ja: 'OSコマンドインジェクション',
    en: 'OS command injection',
    w: 6,
    impactJa: '任意のOSコマンドを実行される',
    impactEn: 'arbitrary OS commands may be executed',
  },
  {
    cwe: 'CWE-22',
    ja: 'パストラバーサル',
    en: 'path traversal',
    w: 6,
    impactJa: '任意のファイルを読み取られる',
    impactEn: 'arbitrary files may be read',
  },
  {
    cwe: 'CWE-287',
    ja: '不適切な認証',
    en: 'improper authentication',
    w: 5,
    impactJa: '認証を回避され、管理画面にアクセスされる',
    impactEn: 'authentication may be bypassed and the management screen accessed',
  },
  {
    cwe: 'CWE-306',
    ja: '重要な機能に対する認証の欠如',
    en: 'missing authentication for a critical function',
    w: 4,
    impactJa: '認証なしで設定を変更される',
    impactEn: 'settings may be changed without authentication',
  },
  {
    cwe: 'CWE-798',
    ja: 'ハードコードされた認証情報の使用',
    en: 'use of hard-coded credentials',
    w: 3,
    impactJa: '製品にログインされる',
    impactEn: 'an attacker may log in to the product',
  },
  {
    cwe: 'CWE-327',
    ja: '脆弱な暗号アルゴリズムの使用',
    en: 'use of a broken or risky cryptographic algorithm',
    w: 2,
    impactJa: '暗号化された通信を復号される',
    impactEn: 'encrypted communication may be decrypted',
  },
  {
    cwe: 'CWE-319',
    ja: '重要な情報の平文での送信',
    en: 'cleartext transmission of sensitive information',
    w: 2,
    impactJa: '暗号化されていない通信から認証情報を窃取される',
    impactEn: 'credentials may be obtained from unencrypted traffic',
  },
  {
    cwe: 'CWE-352',
    ja: 'クロスサイトリクエストフォージェリ',
    en: 'cross-site request forgery',
    w: 6,
    impactJa: 'ログイン中のユーザの意図しない操作をさせられる',
    impactEn: 'a logged-in user may be made to perform unintended operations',
  },
  {
    cwe: 'CWE-120',
    ja: 'バッファオーバーフロー',
    en: 'buffer overflow',
    w: 4,
    impactJa: 'サービス運用妨害（DoS）状態にされたり、任意のコードを実行されたりする',
    impactEn: 'a denial of service or arbitrary code execution may result',
  },
  {
    cwe: 'CWE-787',
    ja: '境界外書き込み',
    en: 'out-of-bounds write',
    w: 4,
    impactJa: '任意のコードを実行される',
    impactEn: 'arbitrary code may be executed',
  },
  {
    cwe: 'CWE-416',
    ja: '解放済みメモリの使用',
    en: 'use after free',
    w: 3,
    impactJa: '任意のコードを実行される',
    impactEn: 'arbitrary code may be executed',
  },
  {
    cwe: 'CWE-434',
    ja: '危険なタイプのファイルの無制限アップロード',
    en: 'unrestricted upload of a file with a dangerous type',
    w: 2,
    impactJa: 'サーバ上で任意のコードを実行される',
    impactEn: 'arbitrary code may be executed on the server',
  },
  {
    cwe: 'CWE-502',
    ja: '信頼できないデータのデシリアライゼーション',
    en: 'deserialization of untrusted data',
    w: 2,
    impactJa: '任意のコードを実行される',
    impactEn: 'arbitrary code may be executed',
  },
  {
    cwe: 'CWE-918',
    ja: 'サーバサイドリクエストフォージェリ',
    en: 'server-side request forgery',
    w: 2,
    impactJa: '内部ネットワークのサーバにアクセスされる',
    impactEn: 'servers on the internal network may be accessed',
  },
  {
    cwe: 'CWE-862',
    ja: '認可の欠如',
    en: 'missing authorization',
    w: 4,
    impactJa: '権限のないユーザに情報を閲覧される',
    impactEn: 'unauthorized users may view information',
  },
  {
    cwe: 'CWE-295',
    ja: 'サーバ証明書の検証不備',
    en: 'improper certificate validation',
    w: 2,
    impactJa: '中間者攻撃により暗号通信を盗聴される',
    impactEn: 'encrypted traffic may be eavesdropped by a man-in-the-middle',
  },
  {
    cwe: 'CWE-200',
    ja: '情報漏えい',
    en: 'information exposure',
    w: 4,
    impactJa: '内部情報を取得される',
    impactEn: 'internal information may be obtained',
  },
  {
    cwe: 'CWE-611',
    ja: 'XML外部エンティティ参照の不適切な制限',
    en: 'XML external entity reference',
    w: 1,
    impactJa: 'サーバ上のファイルを読み取られる',
    impactEn: 'files on the server may be read',
  },
  {
    cwe: 'CWE-601',
    ja: 'オープンリダイレクト',
    en: 'open redirect',
    w: 2,
    impactJa: 'フィッシングサイトに誘導される',
    impactEn: 'users may be redirected to a phishing site',
  },
  {
    cwe: 'CWE-400',
    ja: 'リソースの枯渇',
    en: 'uncontrolled resource consumption',
    w: 3,
    impactJa: 'サービス運用妨害（DoS）状態にされる',
    impactEn: 'a denial of service may result',
  },
  {
    cwe: 'CWE-269',
    ja: '不適切な権限管理',
    en: 'improper privilege management',
    w: 2,
    impactJa: '権限を昇格される',
    impactEn: 'privileges may be escalated',
  },
  {
    cwe: 'NVD-CWE-Other',
    ja: '入力確認の不備',
    en: 'improper input validation',
    w: 3,
    impactJa: '想定外の動作を引き起こされる',
    impactEn: 'unexpected behaviour may be caused',
  },
];
const KIND_TOTAL = KINDS.reduce((s, k) => s + k.w, 0);
function kind(r: Rand) {
  let x = r() * KIND_TOTAL;
  for (const k of KINDS) {
    x -= k.w;
    if (x < 0) return k;
  }
  return KINDS[0]!;
}

const PRODUCT_CATEGORIES: readonly { ja: string; en: string; web: boolean }[] = [
  { ja: 'Wi-Fi ルータ', en: 'Wi-Fi router', web: true },
  { ja: 'ネットワークカメラ', en: 'network camera', web: true },
  { ja: 'NAS', en: 'NAS', web: true },
  { ja: 'VPN 装置', en: 'VPN appliance', web: true },
  { ja: '複合機', en: 'multifunction printer', web: true },
  { ja: 'WordPress 用プラグイン', en: 'plugin for WordPress', web: true },
  { ja: '業務管理システム', en: 'business management system', web: true },
  { ja: 'グループウェア', en: 'groupware', web: true },
  { ja: 'EC サイト構築パッケージ', en: 'e-commerce package', web: true },
  { ja: 'Android アプリ', en: 'Android app', web: false },
  { ja: 'iOS アプリ', en: 'iOS app', web: false },
  { ja: 'Windows 用インストーラ', en: 'installer for Windows', web: false },
  { ja: 'PLC', en: 'PLC', web: false },
  { ja: '産業用制御システム', en: 'industrial control system', web: false },
  { ja: 'ファイル転送ソフトウェア', en: 'file transfer software', web: false },
  { ja: 'オープンソースライブラリ', en: 'open-source library', web: false },
];

const NAME_HEADS = [
  'サクラ',
  'ヒカリ',
  'ミライ',
  'アオバ',
  'ソラ',
  'ツバサ',
  'ヤマト',
  'アサヒ',
  'カエデ',
  'ホクト',
  'ミドリ',
  'トキワ',
  'イズミ',
  'スバル',
  'カナメ',
  'アカネ',
];
const NAME_HEADS_EN = [
  'Sakura',
  'Hikari',
  'Mirai',
  'Aoba',
  'Sora',
  'Tsubasa',
  'Yamato',
  'Asahi',
  'Kaede',
  'Hokuto',
  'Midori',
  'Tokiwa',
  'Izumi',
  'Subaru',
  'Kaname',
  'Akane',
];
const NAME_TAILS = [
  ['電機', 'Electric'],
  ['ソフト', 'Soft'],
  ['ネットワークス', 'Networks'],
  ['システムズ', 'Systems'],
  ['情報技術', 'Information Technology'],
  ['テクノロジー', 'Technology'],
  ['通信', 'Communications'],
  ['ラボ', 'Labs'],
] as const;
const LATIN_VENDORS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
  'Hooli',
  'Vandelay',
  'Wonka',
];

export type Generated = { docs: AdvisoryDocument[]; developers: number };

/** The developers: ~2,000, Japanese companies (株式会社…) and foreign ones, each with 1–6 products. */
function makeDevelopers(r: Rand, n: number) {
  const out: { dev: PublicDeveloper; products: { name: Bilingual; web: boolean; purl: boolean }[] }[] = [];
  for (let i = 0; i < n; i++) {
    const japanese = r() < 0.7;
    const tail = pick(r, NAME_TAILS);
    const h = Math.floor(r() * NAME_HEADS.length);
    const name: Bilingual = japanese
      ? { ja: `株式会社${NAME_HEADS[h]}${tail[0]}${i}`, en: `${NAME_HEADS_EN[h]} ${tail[1]} ${i} Co., Ltd.` }
      : { ja: `${pick(r, LATIN_VENDORS)} ${tail[1]} ${i}`, en: '' };
    if (!name.en) name.en = name.ja;
    const products = Array.from({ length: 1 + Math.floor(r() * 6) }, (_, j) => {
      const c = pick(r, PRODUCT_CATEGORIES);
      const model = `${String.fromCharCode(65 + Math.floor(r() * 26))}${String.fromCharCode(65 + Math.floor(r() * 26))}-${100 + Math.floor(r() * 9000)}`;
      return {
        name: { ja: `${model} ${c.ja}`, en: `${model} ${c.en}` },
        web: c.web,
        purl: c.ja === 'オープンソースライブラリ' || (c.ja.includes('WordPress') && j % 2 === 0),
      };
    });
    out.push({ dev: { slug: `bench-dev-${i}`, name }, products });
  }
  return out;
}

const AV = ['N', 'N', 'N', 'N', 'A', 'L', 'P'];
const PR = ['N', 'N', 'L', 'L', 'H'];
const UI = ['N', 'N', 'R'];
const CIA = ['H', 'H', 'L', 'L', 'N'];
const cvssCache = new Map<string, CvssScore>();
function cvss(r: Rand, version: '3.1' | '4.0'): CvssScore {
  const vector =
    version === '3.1'
      ? `CVSS:3.1/AV:${pick(r, AV)}/AC:${r() < 0.8 ? 'L' : 'H'}/PR:${pick(r, PR)}/UI:${pick(r, UI)}/S:${r() < 0.85 ? 'U' : 'C'}/C:${pick(r, CIA)}/I:${pick(r, CIA)}/A:${pick(r, CIA)}`
      : `CVSS:4.0/AV:${pick(r, AV)}/AC:${r() < 0.8 ? 'L' : 'H'}/AT:N/PR:${pick(r, PR)}/UI:${r() < 0.7 ? 'N' : 'P'}/VC:${pick(r, CIA)}/VI:${pick(r, CIA)}/VA:${pick(r, CIA)}/SC:N/SI:N/SA:N`;
  let s = cvssCache.get(vector);
  if (!s) {
    const p = parseCvss(vector, version);
    if (!p.ok) throw new Error(`generator made a bad vector ${vector}`);
    s = { vector: p.vector, score: p.baseScore, severity: p.severity };
    cvssCache.set(vector, s);
  }
  return s;
}

const TIME_FROM = Date.parse('2005-01-01T00:00:00Z');
const TIME_TO = Date.parse('2026-11-01T00:00:00Z');

/**
 * `count` advisories. ids: `JVNDB-<year>-<seq>` numbered per year in date order (what the import would give
 * them) — for direct insertion; the CSAF path ignores them (the import allocates its own).
 * English: every advisory has Japanese; 35 % also have English (the rest are Japanese only).
 */
export function* generateAdvisories(count: number, seed = 5): Generator<AdvisoryDocument> {
  const r = prng(seed);
  const devs = makeDevelopers(r, 2000);
  const perYear = new Map<number, number>();
  // dates ascending, with more advisories in later years (the real database grows)
  for (let i = 0; i < count; i++) {
    const t = TIME_FROM + (TIME_TO - TIME_FROM) * Math.sqrt((i + r()) / count);
    const published = new Date(Math.floor(t / 1000) * 1000);
    const year = published.getUTCFullYear();
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const english = r() < 0.35;
    const devCount = r() < 0.9 ? 1 : 2 + Math.floor(r() * 3);
    const chosen = Array.from({ length: devCount }, () => devs[zipf(r, devs.length)]!);
    const uniqueDevs = [...new Map(chosen.map((d) => [d.dev.slug, d])).values()];
    const products: AdvisoryProduct[] = [];
    for (const d of uniqueDevs) {
      const p = pick(r, d.products);
      const major = 1 + Math.floor(r() * 9);
      const minor = Math.floor(r() * 20);
      const fixed = `${major}.${minor + 1}.0`;
      products.push({
        key: `p${products.length + 1}`,
        developerSlug: d.dev.slug,
        name: p.name,
        versions: {
          ja: `${major}.${minor}.${Math.floor(r() * 10)} およびそれ以前`,
          en: english ? `${major}.${minor}.x and earlier` : '',
        },
        versionRange: null,
        fixedVersion: r() < 0.85 ? fixed : null,
        purl: p.purl ? `pkg:npm/bench-${d.dev.slug}-${products.length}` : null,
        cpe: null,
      });
    }
    const nv = r() < 0.7 ? 1 : r() < 0.7 ? 2 : 3;
    const kinds = Array.from({ length: nv }, () => kind(r));
    const head = products[0]!;
    const developerJa = uniqueDevs.length > 1 ? '複数の' : `${uniqueDevs[0]!.dev.name.ja}製`;
    const developerEn = uniqueDevs.length > 1 ? 'Multiple vendors' : uniqueDevs[0]!.dev.name.en;
    const productJa = uniqueDevs.length > 1 ? '製品' : head.name.ja;
    const productEn = uniqueDevs.length > 1 ? 'products' : head.name.en;
    const kindsJa = kinds.length === 1 ? `${kinds[0]!.ja}の脆弱性` : `複数の脆弱性`;
    const kindsEn = kinds.length === 1 ? `${kinds[0]!.en} vulnerability` : 'multiple vulnerabilities';
    const title: Bilingual = {
      ja: `${developerJa}${productJa}における${kindsJa}`,
      en: english ? `${developerEn} ${productEn} vulnerable to ${kindsEn}` : '',
    };
    const vulnerabilities: AdvisoryVulnerability[] = kinds.map((k, j) => {
      const withCve = r() < 0.8;
      return {
        ordinal: j + 1,
        title: { ja: `${k.ja}`, en: english ? k.en : '' },
        description: {
          ja: `${productJa}には、${k.ja}（${k.cwe}）の脆弱性が存在します。`,
          en: english ? `${productEn} contains a ${k.en} vulnerability (${k.cwe}).` : '',
        },
        cweId: k.cwe,
        cvss31: cvss(r, '3.1'),
        cvss40: year >= 2024 && r() < 0.5 ? cvss(r, '4.0') : null,
        cveId: withCve ? `CVE-${year}-${String(10000 + Math.floor(r() * 89999))}` : null,
        exploitedInTheWild: false,
      };
    });
    const vendorStatuses: VendorStatus[] = uniqueDevs.flatMap((d) =>
      vulnerabilities.map((v) => ({
        developerSlug: d.dev.slug,
        vulnerabilityOrdinal: v.ordinal,
        status: r() < 0.8 ? ('fixed' as const) : ('affected' as const),
        statement: {
          ja: '最新版へのアップデートを提供しています。',
          en: english ? 'An update is available.' : '',
        },
        url: `https://vendor.example/${d.dev.slug}/security`,
      })),
    );
    const impactsJa = kinds.map((k) => `・${k.impactJa}`).join('\n');
    const impactsEn = kinds.map((k) => `- ${k.impactEn}`).join('\n');
    const id = `JVNDB-${year}-${String(seq).padStart(6, '0')}`;
    const at = published.toISOString();
    yield {
      id,
      kind: 'jvndb',
      revision: 1,
      firstPublishedAt: at,
      lastUpdatedAt: at,
      revisions: [
        { revision: 1, publishedAt: at, note: { ja: '情報を公開しました', en: english ? 'Published' : '' } },
      ],
      sample: false,
      source: null,
      title,
      overview: {
        ja: `${developerJa}${productJa}には、${kinds.map((k) => k.ja).join('、')}の脆弱性が存在します。`,
        en: english ? `${developerEn} ${productEn} contain ${kinds.map((k) => k.en).join(', ')}.` : '',
      },
      description: {
        ja: `${developerJa}が提供する${productJa}には、次の脆弱性が存在します。\n${kinds.map((k) => `・${k.ja}（${k.cwe}）`).join('\n')}`,
        en: english
          ? `${productEn} provided by ${developerEn} contain the following vulnerabilities.\n${kinds.map((k) => `- ${k.en} (${k.cwe})`).join('\n')}`
          : '',
      },
      impact: {
        ja: `想定される影響は各脆弱性により異なりますが、次のような影響を受ける可能性があります。\n${impactsJa}`,
        en: english ? `The impact depends on the vulnerability:\n${impactsEn}` : '',
      },
      solution: {
        ja: '開発者が提供する情報をもとに、ソフトウェアを最新版へアップデートしてください。',
        en: english
          ? 'Update the software to the latest version according to the information provided by the developer.'
          : '',
      },
      workaround: { ja: '', en: '' },
      developers: uniqueDevs.map((d) => d.dev),
      products,
      vulnerabilities,
      vendorStatuses,
      credits: [],
      references: vulnerabilities.flatMap((v) =>
        v.cveId
          ? [{ kind: 'cve' as const, title: v.cveId, url: `https://www.cve.org/CVERecord?id=${v.cveId}` }]
          : [],
      ),
      contact: { ja: '', en: '' },
      receivedOn: null,
    };
  }
}

/** The other provider whose CSAF the import benchmark imports. */
export const BENCH_PROVIDER = {
  name: 'Bench CSIRT',
  namespace: 'https://bench-csirt.example',
  publicUrl: 'https://bench-csirt.example',
} as const;

/** Writes each advisory as a CSAF file (English for a third of those that have English) under dir/<year>/. */
export function writeCsafFolder(dir: string, count: number, seed = 5, onEach?: (i: number) => void): number {
  let i = 0;
  const years = new Set<number>();
  for (const doc of generateAdvisories(count, seed)) {
    const lang = doc.title.en && i % 3 === 0 ? 'en' : 'ja';
    const csaf = toCsaf(doc, BENCH_PROVIDER, { lang });
    const year = new Date(doc.firstPublishedAt).getUTCFullYear();
    if (!years.has(year)) {
      mkdirSync(join(dir, String(year)), { recursive: true });
      years.add(year);
    }
    writeFileSync(join(dir, String(year), csafFilename(doc.id)), JSON.stringify(csaf));
    onEach?.(++i);
  }
  return i;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { csaf: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' } },
  });
  if (!values.csaf) {
    process.stderr.write('usage: generate.ts --csaf DIR [--count N] [--seed S]\n');
    process.exit(2);
  }
  const count = Number(values.count ?? 250_000);
  const started = performance.now();
  const n = writeCsafFolder(values.csaf, count, Number(values.seed ?? 5), (i) => {
    if (i % 25_000 === 0) process.stderr.write(`${i}/${count}\n`);
  });
  process.stdout.write(
    `${n} CSAF files in ${values.csaf} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}
