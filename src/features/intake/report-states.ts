// The life of a report at the reception body (受付機関), as a table: which decision may follow which state.
// Rules from seed 001 受付機関基準 (資料1) and guideline §3 (資料2): accept when the required items are there and
// the finder is contactable, else help the finder complete it; not accepted (不受理) only with a reason;
// discontinue (取りやめ) with one of the four reasons; every decision is told to the finder.

export const REPORT_STATES = [
  'submitted', // 届出受付: waiting for screening
  'awaiting_finder', // 追加情報の依頼中: the reception body asked the finder for more
  'accepted', // 受理: handed over to coordination (software) or to the website queue
  'not_accepted', // 不受理
  'discontinued', // 取りやめ
  'duplicate', // 重複: the same as another report, which carries on
] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const DECISIONS = [
  'accept',
  'not_accept',
  'request_info',
  'finder_replied',
  'discontinue',
  'mark_duplicate',
  'reclassify',
] as const;
export type Decision = (typeof DECISIONS)[number];

/** 資料1 受付機関基準 (2): the only reasons the reception body may discontinue handling. */
export const DISCONTINUE_REASONS = [
  'not_reproducible', // 再現性が確認できない
  'not_vulnerability', // 脆弱性関連情報に該当しない（一般のバグ）
  'already_known', // 既知の脆弱性関連情報である
  'unlawfully_obtained', // 違法な方法により発見又は取得されたおそれ
] as const;
export type DiscontinueReason = (typeof DISCONTINUE_REASONS)[number];

const OPEN: readonly ReportState[] = ['submitted', 'awaiting_finder'];

const TRANSITIONS: Record<Decision, { from: readonly ReportState[]; to: ReportState | 'same' }> = {
  accept: { from: OPEN, to: 'accepted' },
  not_accept: { from: OPEN, to: 'not_accepted' },
  request_info: { from: OPEN, to: 'awaiting_finder' },
  finder_replied: { from: ['awaiting_finder'], to: 'submitted' },
  // after acceptance the reception body keeps judging whether to continue (資料2 §3(1)3))
  discontinue: { from: [...OPEN, 'accepted'], to: 'discontinued' },
  mark_duplicate: { from: OPEN, to: 'duplicate' },
  // a website flaw caused by a product, or the reverse: the report changes track, its state stays
  reclassify: { from: [...OPEN, 'accepted'], to: 'same' },
};

export function canDecide(state: ReportState, decision: Decision): boolean {
  return TRANSITIONS[decision].from.includes(state);
}

/** The state after `decision`, or null when the decision is not allowed in `state`. */
export function nextState(state: ReportState, decision: Decision): ReportState | null {
  const t = TRANSITIONS[decision];
  if (!t.from.includes(state)) return null;
  return t.to === 'same' ? state : t.to;
}

export function isClosed(state: ReportState): boolean {
  return state === 'not_accepted' || state === 'discontinued' || state === 'duplicate';
}

export function decisionsFrom(state: ReportState): Decision[] {
  return DECISIONS.filter((d) => canDecide(state, d));
}
