// What the reception body tells a finder (t('screening.finder.…') and t('screening.mail.…')), in both languages:
// the decision templates staff edit before sending, the headings of what is appended to them, and the mails.
// A mail never carries the follow-up link (a secret shown once at submission) nor another finder's report.
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  finder: {
    templates: {
      accept: {
        software: `受付番号 {{trackingNumber}} の届出について、受付機関で受理しました。

今後、調整機関を通じて製品開発者に連絡し、対策方法と公表の時期の調整を進めます。進捗は届出の確認用ページでお知らせします。
対策方法が公表されるまでの間、この脆弱性関連情報を第三者に開示しないでください。`,
        website: `受付番号 {{trackingNumber}} の届出について、受付機関で受理しました。

今後、ウェブサイト運営者に連絡し、修正を依頼します。進捗は届出の確認用ページでお知らせします。
修正されるまでの間、この脆弱性関連情報を第三者に開示しないでください。`,
      },
      not_accept: `受付番号 {{trackingNumber}} の届出について検討した結果、受理しないこととしました。
理由は次のとおりです。`,
      request_info: `受付番号 {{trackingNumber}} の届出について、審査のため追加の情報をお願いします。
次の事項について、届出の確認用ページからご回答ください。`,
      discontinue: `受付番号 {{trackingNumber}} の届出について、次の理由により取扱いを取りやめることとしました。`,
      reclassify: `受付番号 {{trackingNumber}} の届出について内容を確認した結果、「{{track}}」の届出として取り扱うこととしました。
受付番号は変わりません。`,
      mark_duplicate: `受付番号 {{trackingNumber}} の届出について、同じ脆弱性に関する届出がすでに寄せられていることを確認しました。
この届出は、先に寄せられた届出と合わせて取り扱います。お届けいただき、ありがとうございました。`,
    },
    details: {
      reason: '【理由】',
      question: '【ご確認いただきたい事項】',
    },
  },
  mail: {
    decision: {
      subject: '[{{trackingNumber}}] 届出の取扱いについてのお知らせ',
      body: `{{message}}

---
このメールは受付機関からの通知です。届出の状況とこれまでのやり取りは、受付時にお知らせした確認用リンクからご覧いただけます。
お問い合わせの際は、件名に受付番号を含めてください。`,
    },
    message: {
      subject: '[{{trackingNumber}}] 受付機関からのメッセージがあります',
      body: `受付番号 {{trackingNumber}} の届出について、受付機関から新しいメッセージがあります。

メッセージは、受付時にお知らせした確認用リンクのページでお読みください（このメールには内容を記載していません）。
お問い合わせの際は、件名に受付番号を含めてください。`,
    },
  },
} as const;

const en: Catalog<typeof ja> = {
  finder: {
    templates: {
      accept: {
        software: `The reception body has accepted your report {{trackingNumber}}.

We will now contact the product developer through the coordination body and agree on countermeasures and a publication date. You can follow the progress on the follow-up page of your report.
Until the countermeasures are published, please do not disclose this vulnerability information to others.`,
        website: `The reception body has accepted your report {{trackingNumber}}.

We will now contact the website operator and ask them to fix it. You can follow the progress on the follow-up page of your report.
Until it is fixed, please do not disclose this vulnerability information to others.`,
      },
      not_accept: `We have considered your report {{trackingNumber}} and decided not to accept it.
The reason is as follows.`,
      request_info: `To assess your report {{trackingNumber}} we need more information.
Please answer the following on the follow-up page of your report.`,
      discontinue: `We have decided to discontinue handling your report {{trackingNumber}} for the following reason.`,
      reclassify: `Having reviewed your report {{trackingNumber}}, we will handle it as a report on a "{{track}}".
Its tracking number stays the same.`,
      mark_duplicate: `We have found that the vulnerability in your report {{trackingNumber}} had already been reported to us.
Your report will be handled together with the earlier one. Thank you for reporting it.`,
    },
    details: {
      reason: 'Reason:',
      question: 'Please tell us:',
    },
  },
  mail: {
    decision: {
      subject: '[{{trackingNumber}}] About the handling of your report',
      body: `{{message}}

---
This is a notice from the reception body. The status of your report and all messages are on the follow-up page whose link you received with your receipt.
Please quote the tracking number in the subject of any message about this report.`,
    },
    message: {
      subject: '[{{trackingNumber}}] You have a new message from the reception body',
      body: `There is a new message from the reception body about your report {{trackingNumber}}.

Please read it on the follow-up page whose link you received with your receipt (this mail does not contain it).
Please quote the tracking number in the subject of any message about this report.`,
    },
  },
};

export const finderMessages = { ja, en };
