// Strings of the audit feature, in Japanese and English (t('audit.…')).
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: '監査証跡',
  intro:
    'すべての変更と機密情報へのアクセスの記録です（新しい順）。各記録は直前の記録のハッシュを含み、改ざんや削除があれば検出されます。この一覧の閲覧も記録されます。',
  chain: {
    intact: '監査証跡の連鎖は完全です（{{count}} 件を検証しました）。',
    broken: '監査証跡の連鎖が記録 #{{seq}} で途切れています: {{problem}}',
    brokenAdvice: '記録が改ざんまたは削除された可能性があります。システム管理者に連絡してください。',
    problems: {
      removedBefore: 'これより前の記録が削除されています',
      removed: '直前の記録が削除されています',
      link: '直前の記録とのつながりが一致しません',
      altered: '記録の内容が変更されています',
    },
  },
  filters: {
    heading: '絞り込み',
    actor: '操作者（メールアドレス・名称の部分一致）',
    action: '操作（前方一致、例: user.）',
    subjectType: '対象の種類（例: user, organization）',
    subjectId: '対象の ID',
    from: '開始日',
    to: '終了日',
    dateHint: '日付は {{zone}} で解釈します。',
    invalidDate: '日付は YYYY-MM-DD の形式で入力してください。',
    reversed: '終了日は開始日以降にしてください。',
    clear: '条件をクリア',
  },
  caption: '監査証跡（新しい順）',
  columns: {
    seq: '番号',
    at: '日時',
    actor: '操作者',
    action: '操作',
    subject: '対象',
    ip: 'IP アドレス',
    detail: '詳細',
  },
  empty: '該当する記録はありません。',
  finderHidden: '発見者（受付機関以外には表示しません）',
  csv: 'この条件の記録を CSV でダウンロード',
  pager: { label: 'ページ送り', newer: '新しい記録', older: '古い記録' },
} as const;

const en: Catalog<typeof ja> = {
  title: 'Audit trail',
  intro:
    'A record of every change and of access to confidential information, newest first. Each entry carries the hash of the one before it, so altering or removing entries is detected. Viewing this list is recorded too.',
  chain: {
    intact: 'The audit chain is intact ({{count}} entries verified).',
    broken: 'The audit chain is broken at entry #{{seq}}: {{problem}}',
    brokenAdvice: 'Entries may have been altered or removed. Contact the system administrator.',
    problems: {
      removedBefore: 'entries before this one were removed',
      removed: 'the entry or entries before this one were removed',
      link: 'the link to the previous entry does not match',
      altered: 'the content of the entry was altered',
    },
  },
  filters: {
    heading: 'Filter',
    actor: 'Actor (e-mail or label contains)',
    action: 'Action (starts with, e.g. user.)',
    subjectType: 'Subject type (e.g. user, organization)',
    subjectId: 'Subject ID',
    from: 'From',
    to: 'To',
    dateHint: 'Dates are taken in {{zone}}.',
    invalidDate: 'Enter dates as YYYY-MM-DD.',
    reversed: 'The end date must not be before the start date.',
    clear: 'Clear the filter',
  },
  caption: 'Audit trail, newest first',
  columns: {
    seq: 'No.',
    at: 'Time',
    actor: 'Actor',
    action: 'Action',
    subject: 'Subject',
    ip: 'IP address',
    detail: 'Detail',
  },
  empty: 'No entries match.',
  finderHidden: 'A finder (shown to the reception body only)',
  csv: 'Download these entries as CSV',
  pager: { label: 'Pages', newer: 'Newer entries', older: 'Older entries' },
};

export const messages = { ja, en };
