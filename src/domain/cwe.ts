// CWE (共通脆弱性タイプ一覧): MITRE's list of weaknesses and categories, shipped with keikai as data
// (data/cwe.json, made by scripts/generate-cwe-data.ts; where it came from and its terms are in the file), plus
// NVD's two pseudo-entries that advisories use when no CWE fits or too little is known.
//
// findCwe answers for every id the catalogue has, deprecated ones included (old advisories cite them); searchCwe,
// which offers choices for new work, leaves deprecated entries out.
import data from './data/cwe.json' with { type: 'json' };

export type Cwe = {
  /** 'CWE-79', or 'NVD-CWE-Other' / 'NVD-CWE-noinfo' */
  id: string;
  /** MITRE's English name */
  name: string;
  /** a category (a grouping), not a weakness */
  category?: boolean;
  /** deprecated by MITRE: not to be chosen for new work */
  deprecated?: boolean;
};

/** Where the list came from (catalogue version and date). */
export const CWE_SOURCE: string = data.source;
/** MITRE's copyright designation and license, to be reproduced wherever the list is shown in bulk. */
export const CWE_NOTICE: string = data.notice;

export const NVD_CWE_OTHER = 'NVD-CWE-Other';
export const NVD_CWE_NOINFO = 'NVD-CWE-noinfo';

const NVD_PSEUDO: readonly Cwe[] = [
  { id: NVD_CWE_OTHER, name: 'Other' },
  { id: NVD_CWE_NOINFO, name: 'Insufficient Information' },
];

const ALL: readonly Cwe[] = [...(data.entries as Cwe[]), ...NVD_PSEUDO];
const BY_ID = new Map(ALL.map((c) => [c.id, c]));

/**
 * Other names people search by, English abbreviations and the Japanese terms JVN and IPA use, for the weaknesses
 * reported most often. Only searched, never shown.
 */
const ALIASES: Record<string, readonly string[]> = {
  'CWE-20': ['入力確認の不備', '不適切な入力確認'],
  'CWE-22': ['directory traversal', 'パストラバーサル', 'ディレクトリトラバーサル'],
  'CWE-77': ['コマンドインジェクション'],
  'CWE-78': ['os command injection', 'osコマンドインジェクション'],
  'CWE-79': ['xss', 'クロスサイトスクリプティング'],
  'CWE-89': ['sqli', 'sqlインジェクション'],
  'CWE-94': ['rce', 'remote code execution', 'コードインジェクション'],
  'CWE-200': ['information disclosure', '情報漏えい', '情報漏洩'],
  'CWE-284': ['アクセス制限の不備', '不適切なアクセス制御'],
  'CWE-287': ['authentication bypass', '認証回避', '不適切な認証'],
  'CWE-306': ['重要な機能に対する認証の欠如'],
  'CWE-352': ['csrf', 'クロスサイトリクエストフォージェリ'],
  'CWE-384': ['セッション固定'],
  'CWE-434': ['file upload', '危険なタイプのファイルの無制限アップロード'],
  'CWE-502': ['deserialization', '信頼できないデータのデシリアライゼーション'],
  'CWE-601': ['open redirect', 'オープンリダイレクト'],
  'CWE-611': ['xxe', 'xml外部実体参照'],
  'CWE-639': ['idor', 'insecure direct object reference'],
  'CWE-798': ['hard-coded password', 'ハードコードされた認証情報'],
  'CWE-862': ['認可の欠如'],
  'CWE-863': ['不適切な認可'],
  'CWE-918': ['ssrf', 'サーバサイドリクエストフォージェリ'],
  'CWE-1021': ['clickjacking', 'クリックジャッキング'],
};

const SEARCHABLE = ALL.filter((c) => !c.deprecated).map((c) => ({
  cwe: c,
  haystack: [c.name, ...(ALIASES[c.id] ?? [])].join(' ').toLowerCase(),
}));

/**
 * The canonical id for what a person typed: '79', 'cwe-79', 'CWE 79', 'ＣＷＥ－７９' → 'CWE-79';
 * 'nvd-cwe-other' → 'NVD-CWE-Other'. Anything else (including 'CWE-0' and ids longer than five digits) → null.
 * Says nothing about whether the id exists: see findCwe.
 */
export function normaliseCweId(input: string): string | null {
  const s = input
    .normalize('NFKC')
    .trim()
    .replace(/[‐‑‒–—−]/g, '-');
  const nvd = /^nvd-cwe-(other|noinfo)$/i.exec(s);
  if (nvd) return nvd[1]!.toLowerCase() === 'other' ? NVD_CWE_OTHER : NVD_CWE_NOINFO;
  const m = /^(?:cwe[-\s:]?\s*)?0*([1-9]\d{0,4})$/i.exec(s);
  return m ? `CWE-${m[1]}` : null;
}

/** The entry for an id in any accepted spelling; undefined when the catalogue has no such id. */
export function findCwe(input: string): Cwe | undefined {
  const id = normaliseCweId(input);
  return id ? BY_ID.get(id) : undefined;
}

const idNumber = (c: Cwe) => (c.id.startsWith('CWE-') ? Number(c.id.slice(4)) : Number.MAX_SAFE_INTEGER);

/**
 * Entries (deprecated ones left out) for a search box: by id ('79', 'CWE-79' — the entry itself first, then
 * ids that start with those digits) or by words of the name or of a common other name ('xss', 'パストラバーサル'),
 * all of which must occur ('sql injection'), weaknesses
 * before categories and names that contain the words as one phrase first. At most `limit` entries.
 */
export function searchCwe(q: string, limit = 20): Cwe[] {
  const query = q.normalize('NFKC').trim();
  if (query === '' || limit <= 0) return [];

  const id = normaliseCweId(query);
  if (id) {
    const exact = BY_ID.get(id);
    const digits = id.startsWith('CWE-') ? id.slice(4) : null;
    const prefixed = digits
      ? SEARCHABLE.map((s) => s.cwe)
          .filter((c) => c.id !== id && c.id.startsWith(`CWE-${digits}`))
          .sort((a, b) => idNumber(a) - idNumber(b))
      : [];
    return [...(exact && !exact.deprecated ? [exact] : []), ...prefixed].slice(0, limit);
  }

  const phrase = query.toLowerCase().replace(/\s+/g, ' ');
  const words = phrase.split(' ');
  const rank = (c: Cwe, haystack: string) => (haystack.includes(phrase) ? 0 : 1) + (c.category ? 2 : 0);
  return SEARCHABLE.filter((s) => words.every((w) => s.haystack.includes(w)))
    .map((s) => ({ cwe: s.cwe, rank: rank(s.cwe, s.haystack) }))
    .sort((a, b) => a.rank - b.rank || idNumber(a.cwe) - idNumber(b.cwe))
    .slice(0, limit)
    .map((r) => r.cwe);
}
