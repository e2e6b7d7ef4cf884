// The codes the statistics count by (seeds 000/004 §1.2; ../shared/research/seeds-000-002-004.md §1, S1–S16),
// and the pure rules of the quarters and buckets. Labels (ja/en) are in features/statistics/messages.ts under
// `statistics.categories.<list>.<code>`. The history import validates each line against these lists, the
// projection writes only these codes, and the engine reports any other stored value as 'unclassified'.
import { WEBSITE_VULNERABILITY_TYPES } from '../features/intake/website-vulnerability-types.js';

/** The category of a report nobody has classified yet (未分類). Never a stored code. */
export const UNCLASSIFIED = 'unclassified';

export const FACT_SOURCES = ['live', 'import'] as const;
export const FACT_TRACKS = ['software', 'website'] as const;
/** domestic finder (国内の発見者), developer self-report (製品開発者自身), overseas CSIRT hand-over (海外CSIRT). */
export const FACT_ORIGINS = ['domestic', 'developer_self', 'overseas_csirt'] as const;

/** S3: 公表済み, 個別対応 (developer self-reports only), 脆弱性ではない (decided by the developer). */
export const SOFTWARE_OUTCOMES = ['published', 'handled_individually', 'not_vulnerable'] as const;
/** S4: 修正完了, 注意喚起で処理取りやめ, 脆弱性ではない, 連絡不可能 (取扱不可能). */
export const WEBSITE_OUTCOMES = ['fixed', 'stopped_after_alert', 'not_vulnerable', 'unreachable'] as const;
/** 修正完了: fixed in the application, 当該ページを削除, 運用で回避. */
export const FIX_ACTIONS = ['fixed', 'page_deleted', 'operational_workaround'] as const;

/** S13 (S12 and S15 by type): ウェブサイトの脆弱性の種類 — the intake's taxonomy. */
export { WEBSITE_VULNERABILITY_TYPES };

/** S14: ウェブサイトの脆弱性がもたらす脅威 (影響). */
export const THREATS = [
  'fake_information', // 本物サイト上への偽情報の表示
  'domain_information_insertion', // ドメイン情報の挿入
  'data_tampering', // データの改ざん、消去
  'personal_information_leak', // 個人情報の漏洩
  'cookie_leak', // Cookie情報の漏洩
  'server_file_leak', // サーバ内ファイルの漏洩
  'impersonation', // なりすまし
  'security_level_lowered', // 利用者のセキュリティレベルの低下
  'service_disruption', // サービスの停止
  'other', // その他
] as const;

/** S8: ソフトウェア製品の種類 (ウェブアプリケーションソフト first, as the charts do). */
export const PRODUCT_TYPES = [
  'web_application', // ウェブアプリケーションソフト
  'web_browser', // ウェブブラウザ
  'smartphone_app', // スマートフォン向けアプリ
  'groupware', // グループウェア
  'router', // ルータ
  'development_environment', // アプリケーション開発・実行環境
  'file_management', // ファイル管理ソフト
  'server_software', // サーバソフト
  'os', // OS
  'peripheral', // 周辺機器
  'security_product', // セキュリティ対策製品
  'ics_product', // 制御システム
  'other', // その他
] as const;

/** S9: 脆弱性の原因. */
export const CAUSES = [
  'web_application_vulnerability', // ウェブアプリケーションの脆弱性
  'connected_device_vulnerability', // 接続機器の脆弱性
  'file_access_control', // ファイルのアクセス制限不備
  'specification_flaw', // 仕様上の不備
  'certificate_validation', // 証明書の検証に関する不備
  'buffer_overflow', // バッファのチェックの不備
  'other_implementation_flaw', // その他実装上の不備
] as const;

/** S16: ウェブサイトの運営主体. */
export const OPERATOR_TYPES = [
  'listed_company', // 株式会社(上場)
  'unlisted_company', // 株式会社(非上場)
  'other_company', // その他企業
  'local_government', // 地方公共団体
  'government_agency', // 政府機関
  'education', // 教育・学術機関
  'association', // 団体
  'individual', // 個人
  'other', // その他
] as const;

/** S10: 優先情報提供の分野 — the sectors of critical-infrastructure organizations (organizations.sector). */
export const PRIORITY_SECTORS = [
  'electricity',
  'gas',
  'railway',
  'finance',
  'aviation',
  'telecom',
  'government',
] as const;

export type FactSource = (typeof FACT_SOURCES)[number];
export type FactTrack = (typeof FACT_TRACKS)[number];
export type FactOrigin = (typeof FACT_ORIGINS)[number];
export type SoftwareOutcome = (typeof SOFTWARE_OUTCOMES)[number];
export type WebsiteOutcome = (typeof WEBSITE_OUTCOMES)[number];
export type FixAction = (typeof FIX_ACTIONS)[number];
export type Threat = (typeof THREATS)[number];
export type ProductType = (typeof PRODUCT_TYPES)[number];
export type Cause = (typeof CAUSES)[number];
export type OperatorType = (typeof OPERATOR_TYPES)[number];
export type PrioritySector = (typeof PRIORITY_SECTORS)[number];

/** Each categorised breakdown: the fact column it reads and the codes it lists (in chart order). */
export const CATEGORY_LISTS = {
  websiteVulnerabilityType: WEBSITE_VULNERABILITY_TYPES,
  threat: THREATS,
  productType: PRODUCT_TYPES,
  cause: CAUSES,
  operatorType: OPERATOR_TYPES,
  prioritySector: PRIORITY_SECTORS,
} as const;
export type CategoryList = keyof typeof CATEGORY_LISTS;

/** Whether `code` is one of `list`'s codes (for validating imported lines and classification events). */
export function isCategoryCode(list: CategoryList, code: unknown): boolean {
  return typeof code === 'string' && (CATEGORY_LISTS[list] as readonly string[]).includes(code);
}

/** A stored category value as the engine reports it: a known code, or 'unclassified'. */
export function categoryOrUnclassified(list: CategoryList, code: string | null | undefined): string {
  return isCategoryCode(list, code) ? (code as string) : UNCLASSIFIED;
}

// ---------------------------------------------------------------------------------------------- buckets

/** Histogram buckets as the lower bounds of each bucket: [0, 6, 11] → 0–5, 6–10, 11+. */
export type BucketBounds = readonly number[];

export type StatisticsBuckets = {
  /** S6: days from acceptance to publication (45 is the headline boundary: keep 46 a lower bound) */
  daysToPublication: BucketBounds;
  /** S12: days from the details notice to the fix (30 and 90: keep 31 and 91 lower bounds) */
  daysToFix: BucketBounds;
  /** S15: age of long-running website cases (the first bound is the long-running threshold, 90) */
  longRunning: BucketBounds;
};

/**
 * The day grid the rollup keeps the histograms on (statistics_day_bucket in 0017_statistics.sql — keep the
 * two equal): the bounds of days-to-publication and days-to-fix buckets must be drawn from it. It holds 31, 46
 * and 91 so that "within 30 / 45 / 90 days" are exact.
 */
export const STATISTICS_DAY_GRID = [0, 6, 11, 21, 31, 46, 51, 91, 101, 201, 301, 1001] as const;

export const DEFAULT_BUCKETS: StatisticsBuckets = {
  daysToPublication: [0, 11, 21, 31, 46, 101, 301],
  daysToFix: [0, 6, 11, 21, 31, 51, 91, 301],
  longRunning: [90, 201, 301, 1001],
};

/** Bounds must start at ≥ 0 and rise strictly; returns the reason they don't, or null. */
export function invalidBuckets(bounds: BucketBounds): string | null {
  if (bounds.length === 0) return 'no buckets';
  if (!bounds.every((b) => Number.isSafeInteger(b) && b >= 0)) return 'bounds must be whole numbers ≥ 0';
  for (let i = 1; i < bounds.length; i++)
    if (bounds[i]! <= bounds[i - 1]!) return 'bounds must rise strictly';
  return null;
}

/** Bounds must be drawn from STATISTICS_DAY_GRID (for the histograms kept in the rollup); the reason, or null. */
export function offGrid(bounds: BucketBounds): string | null {
  const grid = STATISTICS_DAY_GRID as readonly number[];
  const off = bounds.filter((b) => !grid.includes(b));
  return off.length ? `bounds ${off.join(', ')} are not on the day grid ${grid.join(', ')}` : null;
}

/** The bucket index of `days` (−1 below the first bound). */
export function bucketIndex(bounds: BucketBounds, days: number): number {
  let i = -1;
  for (let k = 0; k < bounds.length; k++) if (days >= bounds[k]!) i = k;
  return i;
}

/** The [from, to] ranges of the bounds, `to` null for the open last bucket. */
export function bucketRanges(bounds: BucketBounds): { from: number; to: number | null }[] {
  return bounds.map((from, i) => ({ from, to: i + 1 < bounds.length ? bounds[i + 1]! - 1 : null }));
}

// ---------------------------------------------------------------------------------------------- quarters

const DAY_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER_SHAPE = /^(\d{4})Q([1-4])$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `day` is a real calendar day written YYYY-MM-DD, year 0001 or later (PostgreSQL has no year 0000).
 * The one day checker of the statistics (the engine, the URLs, the history file): no Date is built, so a million
 * history lines checking several days each stay cheap.
 */
export function isDay(day: unknown): day is string {
  if (typeof day !== 'string') return false;
  const m = DAY_SHAPE.exec(day);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  if (d <= 28) return true;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]!);
}

/** The calendar quarter of a day: '2012-09-30' → '2012Q3'. */
export function quarterOf(day: string): string {
  const m = DAY_SHAPE.exec(day);
  if (!m) throw new RangeError(`quarterOf: "${day}" is not YYYY-MM-DD`);
  return `${m[1]}Q${Math.floor((Number(m[2]) - 1) / 3) + 1}`;
}

function parseQuarter(quarter: string): { year: number; q: number } {
  const m = QUARTER_SHAPE.exec(quarter);
  if (!m) throw new RangeError(`"${quarter}" is not a quarter written YYYYQn`);
  return { year: Number(m[1]), q: Number(m[2]) };
}

/** The first day of a quarter: '2012Q3' → '2012-07-01'. */
export function quarterStart(quarter: string): string {
  const { year, q } = parseQuarter(quarter);
  return `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** The last day of a quarter: '2012Q3' → '2012-09-30'. */
export function quarterEnd(quarter: string): string {
  const { year, q } = parseQuarter(quarter);
  return new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
}

/** The quarter n quarters after (n < 0: before) `quarter`. */
export function addQuarters(quarter: string, n: number): string {
  const { year, q } = parseQuarter(quarter);
  const i = year * 4 + (q - 1) + n;
  return `${Math.floor(i / 4)}Q${(((i % 4) + 4) % 4) + 1}`;
}

/** The `n` quarters ending with `quarter`, oldest first. */
export function trailingQuarters(quarter: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addQuarters(quarter, i - n + 1));
}

/** The day one calendar year before (29 February → 28 February). */
export function yearBefore(day: string): string {
  const m = DAY_SHAPE.exec(day);
  if (!m) throw new RangeError(`yearBefore: "${day}" is not YYYY-MM-DD`);
  const year = Number(m[1]) - 1;
  const candidate = `${year}-${m[2]}-${m[3]}`;
  return isDay(candidate) ? candidate : `${year}-${m[2]}-28`;
}
