// Strings of the outbox feature, in Japanese and English (t('outbox.…')).
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: '送信メール',
  intro: 'システムが送るメールの一覧です（新しい順）。本文を開くと、その閲覧が監査証跡に記録されます。',
  smtpOff:
    'SMTP が設定されていないため、メールは送信されず、ここに保管されます（状態「保管」）。受信者への連絡は必要に応じて別の手段で行ってください。',
  smtpOn: 'メールは設定された SMTP サーバーから送信されます。失敗したメールは間隔をあけて再送されます。',
  filters: {
    heading: '絞り込み',
    status: '状態',
    anyStatus: 'すべて',
    recipient: '宛先（部分一致）',
  },
  caption: '送信メール（新しい順）',
  columns: {
    created: '作成日時',
    to: '宛先',
    subject: '件名',
    template: 'テンプレート',
    status: '状態',
    attempts: '試行回数',
    lastError: '最後のエラー',
  },
  empty: '該当するメールはありません。',
  status: { queued: '送信待ち', sent: '送信済み', kept: '保管', failed: '失敗' },
  pager: { label: 'ページ送り', newer: '新しいメール', older: '古いメール' },
  message: {
    title: 'メール',
    details: 'メールの詳細',
    locale: '言語',
    sentAt: '送信日時',
    related: '関連',
    body: '本文',
    back: '送信メールの一覧へ戻る',
  },
  test: {
    heading: 'テストメール',
    intro: 'あなたのアドレス（{{email}}）宛てにテストメールを送り、配送の設定を確認できます。',
    submit: 'テストメールを送る',
    queued: 'テストメールを送信待ちに入れました。',
  },
  mail: {
    test: {
      subject: '【keikai】テストメール',
      body: 'これは keikai から送られたテストメールです。\n\n依頼者: {{email}}\n\nこのメールが届いていれば、メールの配送は正しく設定されています。',
    },
  },
} as const;

const en: Catalog<typeof ja> = {
  title: 'Mail outbox',
  intro: 'Mail sent by the system, newest first. Opening a message body is recorded in the audit trail.',
  smtpOff:
    'No SMTP server is configured: mail is not sent but kept here (status "kept"). Reach the recipients by other means where needed.',
  smtpOn:
    'Mail is sent through the configured SMTP server. Failed messages are retried with increasing delays.',
  filters: {
    heading: 'Filter',
    status: 'Status',
    anyStatus: 'Any',
    recipient: 'Recipient (contains)',
  },
  caption: 'Outgoing mail, newest first',
  columns: {
    created: 'Created',
    to: 'To',
    subject: 'Subject',
    template: 'Template',
    status: 'Status',
    attempts: 'Attempts',
    lastError: 'Last error',
  },
  empty: 'No mail matches.',
  status: { queued: 'Queued', sent: 'Sent', kept: 'Kept', failed: 'Failed' },
  pager: { label: 'Pages', newer: 'Newer mail', older: 'Older mail' },
  message: {
    title: 'Mail',
    details: 'Message details',
    locale: 'Language',
    sentAt: 'Sent',
    related: 'Related to',
    body: 'Body',
    back: 'Back to the outbox',
  },
  test: {
    heading: 'Test mail',
    intro: 'Send a test message to your own address ({{email}}) to check that mail is delivered.',
    submit: 'Send a test mail',
    queued: 'The test mail is queued.',
  },
  mail: {
    test: {
      subject: '[keikai] Test mail',
      body: 'This is a test message from keikai.\n\nRequested by: {{email}}\n\nIf you received it, mail delivery is set up correctly.',
    },
  },
};

export const messages = { ja, en };
