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
    confirm: {
      subject: '脆弱性対策情報の配信登録の確認',
      body: '脆弱性対策情報のメール配信への登録を受け付けました。\n登録を完了するには、{{days}}日以内に次のページを開いて「登録する」を押してください。\n{{url}}\n\nお心当たりがない場合は、このメールを無視してください。登録は完了しません。',
    },
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
    confirm: {
      subject: 'Please confirm your subscription to vulnerability advisories',
      body: 'We received a request to mail you vulnerability advisories.\nTo complete it, open this page within {{days}} days and press "Subscribe":\n{{url}}\n\nIf you did not ask for this, ignore this mail: nothing will be sent to you.',
    },
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
