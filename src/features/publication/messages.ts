// Strings of the publication feature, in Japanese and English: the mail of a publication (to the finder, the
// developers, subscribers and staff; a correction says "updated") and the subscription pages and mail.
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: '公表',
  mail: {
    published: {
      finder: {
        subject: '[{{trackingNumber}}] 脆弱性対策情報 {{advisoryId}} を公表しました',
        body: 'ご報告いただいた脆弱性（受付番号 {{trackingNumber}}）について、脆弱性対策情報を公表しました。\n\n{{advisoryId}} {{title}}\n{{url}}\n\nご協力ありがとうございました。\n\n受付機関',
      },
      developer: {
        subject: '[{{reference}}] 脆弱性対策情報 {{advisoryId}} を公表しました',
        body: '{{organization}} ご担当者様\n\n案件 {{reference}} の脆弱性対策情報を公表しました。\n\n{{advisoryId}} {{title}}\n{{url}}\n\nご協力ありがとうございました。\n\n調整機関',
      },
      subscriber: {
        subject: '脆弱性対策情報 {{advisoryId}} を公表しました',
        body: '新しい脆弱性対策情報を公表しました。\n\n{{advisoryId}} {{title}}\n{{url}}\n\n配信の停止は次のページから行えます。\n{{unsubscribeUrl}}',
      },
      staff: {
        subject: '[{{reference}}] {{advisoryId}} を公表しました',
        body: '案件 {{reference}} の脆弱性対策情報を公表しました（第{{revision}}版）。\n\n{{advisoryId}} {{title}}\n{{url}}',
      },
    },
    updated: {
      finder: {
        subject: '[{{trackingNumber}}] 脆弱性対策情報 {{advisoryId}} を更新しました',
        body: 'ご報告いただいた脆弱性（受付番号 {{trackingNumber}}）の脆弱性対策情報を更新しました（第{{revision}}版）。\n\n{{advisoryId}} {{title}}\n{{url}}\n\n受付機関',
      },
      developer: {
        subject: '[{{reference}}] 脆弱性対策情報 {{advisoryId}} を更新しました',
        body: '{{organization}} ご担当者様\n\n案件 {{reference}} の脆弱性対策情報を更新しました（第{{revision}}版）。\n\n{{advisoryId}} {{title}}\n{{url}}\n\n調整機関',
      },
      subscriber: {
        subject: '脆弱性対策情報 {{advisoryId}} を更新しました',
        body: '脆弱性対策情報を更新しました（第{{revision}}版）。\n\n{{advisoryId}} {{title}}\n{{url}}\n\n配信の停止は次のページから行えます。\n{{unsubscribeUrl}}',
      },
      staff: {
        subject: '[{{reference}}] {{advisoryId}} を更新しました',
        body: '案件 {{reference}} の脆弱性対策情報を更新しました（第{{revision}}版）。\n\n{{advisoryId}} {{title}}\n{{url}}',
      },
    },
    failed: {
      staff: {
        subject: '[{{reference}}] 脆弱性対策情報 {{advisoryId}} を公表できませんでした',
        body: '案件 {{reference}} の脆弱性対策情報 {{advisoryId}}（第{{revision}}版）は、予定の日時を過ぎても公表できていません。\n理由: {{reason}}\n\n公表予約のまま残っており、原因を直すと次の実行（1分ごと）で公表されます。\n{{link}}',
      },
    },
    confirm: {
      subject: '脆弱性対策情報の配信登録の確認',
      body: '脆弱性対策情報のメール配信への登録を受け付けました。\n登録を完了するには、{{days}}日以内に次のページを開いて「登録する」を押してください。\n{{url}}\n\nお心当たりがない場合は、このメールを無視してください。登録は完了しません。',
    },
  },
  failure: {
    no_public_id: '公開IDが割り当てられていません。',
    no_approved_copy: '承認された版がありません。',
    unreadable_approved_copy: '承認された版を復号できません（別の場所からコピーされたか、鍵が違います）。',
    approved_copy_mismatch:
      '承認された版が、承認時に記録したハッシュ値と一致しません（承認後に書き換えられた可能性があります）。もう一度レビューと承認を行ってください。',
    no_change_note: '第2版以降に必要な変更内容（改訂履歴の説明）がありません。',
    no_title: '日本語のタイトルがありません。',
    revisions_out_of_order: '公開済みの改訂履歴が揃っていません。',
    failed:
      '公表の処理中にエラーが起きました（CSAF 文書の検証など）。詳しくはサーバのログを確認してください。',
  },
  subscribe: {
    title: '脆弱性対策情報のメール配信',
    intro:
      '脆弱性対策情報を公表・更新したときに、メールでお知らせします。登録には、届いたメールのリンクからの確認が必要です。',
    email: 'メールアドレス',
    language: 'メールの言語',
    languages: { ja: '日本語', en: 'English（英語）' },
    submit: '登録を申し込む',
    sentTitle: '確認のメールをお送りしました',
    sent: '入力されたアドレスに確認のメールをお送りしました（すでに登録済みのアドレスには送られないことがあります）。メールのリンクを開いて登録を完了してください。',
    privacy: 'メールアドレスは配信のためにだけ使い、公開しません。',
    confirmTitle: 'メール配信の登録',
    confirmIntro: '{{email}} への脆弱性対策情報のメール配信を登録します。',
    confirmButton: '登録する',
    confirmedTitle: '登録しました',
    confirmed:
      '脆弱性対策情報を公表したときに、メールでお知らせします。配信の停止は、お届けするメールのリンクから行えます。',
    unsubscribeTitle: 'メール配信の停止',
    unsubscribeIntro: '{{email}} への脆弱性対策情報のメール配信を停止します。',
    unsubscribeButton: '配信を停止する',
    unsubscribedTitle: '配信を停止しました',
    unsubscribed: 'このアドレスには、今後メールをお送りしません。',
    goneTitle: 'このリンクは使えません',
    gone: 'リンクが正しくないか、有効期限が切れたか、すでに使えなくなっています。もう一度登録を申し込んでください。',
    again: 'メール配信の登録へ',
    errors: {
      email: 'メールアドレスを正しく入力してください。',
      language: '言語を選んでください。',
    },
  },
};

const en: Catalog<typeof ja> = {
  title: 'Publication',
  mail: {
    published: {
      finder: {
        subject: '[{{trackingNumber}}] Advisory {{advisoryId}} has been published',
        body: 'The advisory on the vulnerability you reported (tracking number {{trackingNumber}}) has been published.\n\n{{advisoryId}} {{title}}\n{{url}}\n\nThank you for your cooperation.\n\nThe reception body',
      },
      developer: {
        subject: '[{{reference}}] Advisory {{advisoryId}} has been published',
        body: 'Dear {{organization}},\n\nThe advisory of case {{reference}} has been published.\n\n{{advisoryId}} {{title}}\n{{url}}\n\nThank you for your cooperation.\n\nThe coordination body',
      },
      subscriber: {
        subject: 'Advisory {{advisoryId}} has been published',
        body: 'A new vulnerability advisory has been published.\n\n{{advisoryId}} {{title}}\n{{url}}\n\nTo stop these mails, use this page:\n{{unsubscribeUrl}}',
      },
      staff: {
        subject: '[{{reference}}] {{advisoryId}} has been published',
        body: 'The advisory of case {{reference}} has been published (revision {{revision}}).\n\n{{advisoryId}} {{title}}\n{{url}}',
      },
    },
    updated: {
      finder: {
        subject: '[{{trackingNumber}}] Advisory {{advisoryId}} has been updated',
        body: 'The advisory on the vulnerability you reported (tracking number {{trackingNumber}}) has been updated (revision {{revision}}).\n\n{{advisoryId}} {{title}}\n{{url}}\n\nThe reception body',
      },
      developer: {
        subject: '[{{reference}}] Advisory {{advisoryId}} has been updated',
        body: 'Dear {{organization}},\n\nThe advisory of case {{reference}} has been updated (revision {{revision}}).\n\n{{advisoryId}} {{title}}\n{{url}}\n\nThe coordination body',
      },
      subscriber: {
        subject: 'Advisory {{advisoryId}} has been updated',
        body: 'A vulnerability advisory has been updated (revision {{revision}}).\n\n{{advisoryId}} {{title}}\n{{url}}\n\nTo stop these mails, use this page:\n{{unsubscribeUrl}}',
      },
      staff: {
        subject: '[{{reference}}] {{advisoryId}} has been updated',
        body: 'The advisory of case {{reference}} has been updated (revision {{revision}}).\n\n{{advisoryId}} {{title}}\n{{url}}',
      },
    },
    failed: {
      staff: {
        subject: '[{{reference}}] Advisory {{advisoryId}} could not be published',
        body: 'The advisory {{advisoryId}} (revision {{revision}}) of case {{reference}} has not been published although its moment has passed.\nReason: {{reason}}\n\nIt stays scheduled: once the cause is fixed, the next run (every minute) publishes it.\n{{link}}',
      },
    },
    confirm: {
      subject: 'Please confirm your subscription to vulnerability advisories',
      body: 'We received a request to mail you vulnerability advisories.\nTo complete it, open this page within {{days}} days and press "Subscribe":\n{{url}}\n\nIf you did not ask for this, ignore this mail: nothing will be sent to you.',
    },
  },
  failure: {
    no_public_id: 'It has no public ID.',
    no_approved_copy: 'There is no approved copy.',
    unreadable_approved_copy:
      'The approved copy cannot be decrypted (copied from elsewhere, or another key).',
    approved_copy_mismatch:
      'The approved copy does not match the digest recorded at approval (it may have been altered since). Please review and approve it again.',
    no_change_note: 'A revision after the first needs a change note, and it has none.',
    no_title: 'It has no Japanese title.',
    revisions_out_of_order: 'The published revision history is incomplete.',
    failed:
      'An error occurred while publishing (for example in checking the CSAF document). See the server log for details.',
  },
  subscribe: {
    title: 'Vulnerability advisories by mail',
    intro:
      'We mail you when an advisory is published or updated. To subscribe, confirm with the link in the mail we send.',
    email: 'Email address',
    language: 'Language of the mail',
    languages: { ja: '日本語 (Japanese)', en: 'English' },
    submit: 'Ask to subscribe',
    sentTitle: 'We sent you a confirmation mail',
    sent: 'We sent a confirmation mail to the address you entered (an address already subscribed may not get one). Open the link in it to complete your subscription.',
    privacy: 'Your address is used for these mails only and never published.',
    confirmTitle: 'Subscribe by mail',
    confirmIntro: 'Vulnerability advisories will be mailed to {{email}}.',
    confirmButton: 'Subscribe',
    confirmedTitle: 'You are subscribed',
    confirmed: 'We will mail you when an advisory is published. Every mail has a link to stop them.',
    unsubscribeTitle: 'Stop the mails',
    unsubscribeIntro: 'Vulnerability advisories will no longer be mailed to {{email}}.',
    unsubscribeButton: 'Stop the mails',
    unsubscribedTitle: 'Mails stopped',
    unsubscribed: 'We will not mail this address any more.',
    goneTitle: 'This link cannot be used',
    gone: 'The link is wrong, has expired or is no longer valid. Please ask to subscribe again.',
    again: 'Subscribe by mail',
    errors: {
      email: 'Enter a valid email address.',
      language: 'Choose a language.',
    },
  },
};

export const messages = { ja, en };
