// Strings of the screening checklist, the candidate duplicates and the decision forms, with their errors
// (t('screening.checklist.…'), t('screening.decisions.…'), t('screening.errors.…')); merged into messages.ts.
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  checklist: {
    heading: '審査のチェックリスト',
    intro: '受理の判断に必要な項目を確認します。保存すると、誰がいつ確認したかが記録されます。',
    lastSaved: '最終更新: {{who}}（{{at}}）',
    never: 'まだ確認されていません。',
    values: { unchecked: '未確認', yes: 'はい', no: 'いいえ' },
    items: {
      requiredItems: '届出に必要な事項がそろっている',
      contactable: '発見者と連絡が取れる',
      isVulnerability: '脆弱性関連情報に該当する',
      alreadyKnown: '既知の脆弱性である（下の重複候補も確認）',
      reproducible: '再現性がある',
      unlawfullyObtained: '違法な方法により発見・取得された形跡がある',
    },
    contactFacts: '届出時の連絡先: {{contact}}。この区分の受理方針: {{policy}}',
    contactGiven: 'あり',
    contactMissing: 'なし',
    policyRequires: '連絡が取れることを受理の条件とする',
    policyOptional: '連絡が取れなくても受理できる',
    anonymityNote:
      '匿名であることと連絡が取れることは別の問題です。氏名がなくても連絡先があれば受理できます。',
    submit: 'チェックリストを保存',
    readOnly: 'この届出の審査は終わっているため、チェックリストは変更できません。',
  },
  duplicates: {
    heading: '重複候補',
    intro: '本文の類似度（ブラインドインデックス）から、両方の区分の届出を上位 5 件まで表示します。',
    caption: '重複候補（類似度の高い順）',
    score: '類似度',
    none: '類似する届出は見つかりませんでした。',
    advisories: '公表済みの脆弱性対策情報との照合は、公表機能の実装後に利用できます。',
  },
  decisions: {
    heading: '判断',
    none: 'この状態の届出に行える判断はありません。',
    messageLabel: '発見者へのメッセージ（{{language}}、送信前に編集できます）',
    messageHint:
      '確認用ページに表示し、メールアドレスがあればメールでも送ります。メールは暗号化されないため、脆弱性の詳細は書かないでください。',
    appended: '下の入力内容は、メッセージの末尾に「{{heading}}」として追加されます。',
    accept: { title: '受理する', submit: '受理して案件を引き渡す' },
    not_accept: { title: '受理しない（不受理）', submit: '不受理とする', reason: '不受理の理由（必須）' },
    request_info: {
      title: '発見者に追加情報を依頼する',
      submit: '依頼する',
      question: '依頼する内容（必須）',
    },
    discontinue: {
      title: '取扱いを取りやめる',
      submit: '取りやめる',
      reason: '取りやめの理由（必須）',
      choose: '選んでください',
    },
    reclassify: {
      title: '区分を変更する',
      submit: '「{{track}}」に変更する',
      note: '受理済みの場合は、現在の案件を終了し、新しい区分の案件を作成して相互に関連付けます。',
    },
    mark_duplicate: {
      title: '重複として処理する',
      submit: '重複とする',
      duplicateOf: '重複先の受付番号（必須）',
    },
    acceptPolicyWarning:
      'この区分では発見者と連絡が取れることが受理の条件です。この届出は連絡が取れないため、受理できません。',
  },
  errors: {
    stale:
      'この届出は、ページを開いた後に他の操作で変更されました。ページを再読み込みして確認してから、もう一度判断してください。',
    notAllowed: 'この状態の届出には、この判断を行えません。',
    notContactable:
      'この区分では、発見者と連絡が取れることが受理の条件です。この届出は連絡が取れないため受理できません。追加情報の依頼や、不受理・取りやめを検討してください。',
    duplicateOfSelf: '届出を自分自身の重複にすることはできません。',
    duplicateNotFound: 'その受付番号の届出は見つかりません。',
    duplicateOfDuplicate: 'その届出自体が重複として処理されています。元の届出の受付番号を指定してください。',
    notReceptionStaff: '担当者には受付機関の職員を指定してください。',
    closed: 'この届出の審査は終わっています。',
  },
} as const;

const en: Catalog<typeof ja> = {
  checklist: {
    heading: 'Screening checklist',
    intro: 'What acceptance depends on. Saving records who checked it and when.',
    lastSaved: 'Last saved by {{who}} ({{at}})',
    never: 'Not checked yet.',
    values: { unchecked: 'Not checked', yes: 'Yes', no: 'No' },
    items: {
      requiredItems: 'The required items are present',
      contactable: 'The finder can be contacted',
      isVulnerability: 'It is a vulnerability',
      alreadyKnown: 'It is already known (see the candidate duplicates below)',
      reproducible: 'It is reproducible',
      unlawfullyObtained: 'It was evidently found or obtained unlawfully',
    },
    contactFacts: 'Contact given with the report: {{contact}}. Acceptance policy of this track: {{policy}}',
    contactGiven: 'yes',
    contactMissing: 'no',
    policyRequires: 'a contactable finder is required',
    policyOptional: 'a finder who cannot be contacted may still be accepted',
    anonymityNote:
      'Anonymity and contactability are separate: a report without a name can be accepted when there is a way to reach the finder.',
    submit: 'Save the checklist',
    readOnly: 'Screening of this report is over; the checklist can no longer be changed.',
  },
  duplicates: {
    heading: 'Candidate duplicates',
    intro: 'Up to five reports of either track, ranked by text similarity (blind index).',
    caption: 'Candidate duplicates, most similar first',
    score: 'Similarity',
    none: 'No similar reports were found.',
    advisories: 'Matching against published advisories will be available once publication is built.',
  },
  decisions: {
    heading: 'Decisions',
    none: 'No decision can be made on a report in this state.',
    messageLabel: 'Message to the finder ({{language}}; edit it before sending)',
    messageHint:
      'Shown on the follow-up page, and mailed if the finder gave an address. Mail is not encrypted: do not include vulnerability details.',
    appended: 'What you enter below is added at the end of the message under "{{heading}}".',
    accept: { title: 'Accept', submit: 'Accept and hand over the case' },
    not_accept: { title: 'Do not accept', submit: 'Do not accept', reason: 'Reason (required)' },
    request_info: { title: 'Ask the finder for more', submit: 'Ask', question: 'What to ask (required)' },
    discontinue: {
      title: 'Discontinue handling',
      submit: 'Discontinue',
      reason: 'Reason (required)',
      choose: 'Choose one',
    },
    reclassify: {
      title: 'Change the track',
      submit: 'Change to "{{track}}"',
      note: 'If the report was accepted, its case is closed and a new case is opened in the other queue, the two linked.',
    },
    mark_duplicate: {
      title: 'Mark as a duplicate',
      submit: 'Mark as duplicate',
      duplicateOf: 'Tracking number of the original report (required)',
    },
    acceptPolicyWarning:
      'This track requires a contactable finder, and this finder cannot be contacted: the report cannot be accepted.',
  },
  errors: {
    stale:
      'This report was changed by someone else after you opened the page. Reload the page, check it, and decide again.',
    notAllowed: 'This decision cannot be made on a report in this state.',
    notContactable:
      'This track requires a contactable finder, and this finder cannot be contacted, so the report cannot be accepted. Consider asking for more information, not accepting or discontinuing it.',
    duplicateOfSelf: 'A report cannot be a duplicate of itself.',
    duplicateNotFound: 'There is no report with that tracking number.',
    duplicateOfDuplicate:
      'That report is itself marked as a duplicate. Give the tracking number of the original report.',
    notReceptionStaff: "Choose a member of the reception body's staff.",
    closed: 'Screening of this report is over.',
  },
};

export const decisionMessages = { ja, en };
