// The history file's per-line errors in Japanese: each English message of history-line.ts / import-history.ts
// (the canonical text, kept in LineError.message) has its Japanese template here, matched whole. A message not
// listed (a zod message of a rare kind) is shown in English. history-line-messages.test.ts checks every
// message the checks can give has a translation.
type Rule = [RegExp, (m: RegExpExecArray) => string];

const RULES: Rule[] = [
  [/^must be a calendar day written YYYY-MM-DD$/, () => 'YYYY-MM-DD 形式の実在する日付にしてください'],
  [/^must be in (\d+) or later$/, (m) => `${m[1]}年以降の日付にしてください`],
  [/^must not contain control characters$/, () => '制御文字を含めないでください'],
  [/^must not be before (\w+) \(([\d-]+)\)$/, (m) => `${m[1]}（${m[2]}）より前にはできません`],
  [
    /^must not be after notAcceptedOn \(([\d-]+)\)$/,
    (m) => `不受理の日（notAcceptedOn: ${m[1]}）より後にはできません`,
  ],
  [/^must not be after the outcome \(([\d-]+)\)$/, (m) => `取扱い終了の日（${m[1]}）より後にはできません`],
  [
    /^is for (software|website) cases only$/,
    (m) => `${m[1] === 'software' ? 'ソフトウエア製品' : 'ウェブサイト'}の届出にだけ指定できます`,
  ],
  [/^"(.+)" is for software cases only$/, (m) => `"${m[1]}" はソフトウエア製品の届出にだけ指定できます`],
  [
    /^a case is either accepted or not accepted$/,
    () => '受理（acceptedOn）と不受理（notAcceptedOn）は同時に指定できません',
  ],
  [
    /^a case not accepted \(notAcceptedOn\) has no later milestone$/,
    () => '不受理（notAcceptedOn）の届出にはその後の日付を指定できません',
  ],
  [/^outcome and outcomeOn go together$/, () => 'outcome と outcomeOn は両方指定してください'],
  [
    /^"(.+)" is not a (\w+) outcome \((.+)\)$/,
    (m) => `"${m[1]}" は ${m[2]} の取扱い結果ではありません（${m[3]}）`,
  ],
  [
    /^handled_individually is for developer self-reports only \(origin "developer_self"\)$/,
    () => '個別対応（handled_individually）は製品開発者自身からの届出（origin "developer_self"）だけです',
  ],
  [/^is required when the outcome is fixed$/, () => '取扱い結果が修正完了（fixed）のときは必須です'],
  [/^is required for a published case$/, () => '公表済みの届出では必須です'],
  [/^is only for the outcome fixed$/, () => '取扱い結果が修正完了（fixed）のときだけ指定できます'],
  [/^is required when the outcome is published$/, () => '取扱い結果が公表済み（published）のときは必須です'],
  [
    /^must equal publishedOn when the outcome is published$/,
    () => '公表済みのときは publishedOn と同じ日にしてください',
  ],
  [
    /^a published software case has the outcome published$/,
    () => '公表したソフトウエア製品の届出の取扱い結果は published です',
  ],
  [
    /^an overseas CSIRT case is counted only as a publication: publishedOn is required$/,
    () => '海外CSIRTからの連絡は公表件数にだけ数えるため、publishedOn が必須です',
  ],
  [
    /^reclassifiedFrom and reclassifiedOn go together$/,
    () => 'reclassifiedFrom と reclassifiedOn は両方指定してください',
  ],
  [/^must be the other track$/, () => 'もう一方の種別にしてください'],
  [/^needs (\w+)$/, (m) => `${m[1]} も指定してください`],
  [/^listed twice$/, () => '同じものが二度あります'],
  [/^not JSON: (.*)$/, (m) => `JSON ではありません: ${m[1]}`],
  [/^must be one JSON object$/, () => 'JSON オブジェクト1つにしてください'],
  [/^must be one of (.+)$/, (m) => `次のいずれかにしてください: ${m[1]}`],
  [/^unknown field\(s\) (.+)$/, (m) => `不明な項目です: ${m[1]}`],
  [/^is required$/, () => '必須です'],
  [/^"(.+)" is already the id of line (\d+)$/, (m) => `"${m[1]}" は ${m[2]} 行目の id と同じです`],
];

/** The message of a line error in the reader's language (English is the canonical text). */
export function lineMessage(message: string, locale: string): string {
  if (locale !== 'ja') return message;
  for (const [re, ja] of RULES) {
    const m = re.exec(message);
    if (m) return ja(m);
  }
  return message;
}

/** Whether a message has a Japanese template (the test checks every message the checks give). */
export function hasJapanese(message: string): boolean {
  return RULES.some(([re]) => re.test(message));
}
