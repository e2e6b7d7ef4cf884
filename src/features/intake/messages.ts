// Strings of the intake feature (届出受付), in Japanese and English (t('intake.…')).
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  mail: {
    receipt: {
      subject: '[{{trackingNumber}}] 脆弱性関連情報の届出を受け付けました',
      body: `脆弱性関連情報をお届けいただき、ありがとうございます。

受付番号: {{trackingNumber}}

届出の状況の確認と、受付機関とのやり取りは次のリンクから行えます（ログイン不要）。
{{followUpUrl}}

このリンクを知っている人は誰でも届出の状況を確認できます。他の人に知らせないでください。
今後のお問い合わせでは、件名に受付番号を含めてください。

対策方法が公表されるまでの間、この脆弱性関連情報を第三者に開示しないでください。`,
    },
  },
} as const;

const en: Catalog<typeof ja> = {
  mail: {
    receipt: {
      subject: '[{{trackingNumber}}] We have received your vulnerability report',
      body: `Thank you for reporting vulnerability information.

Tracking number: {{trackingNumber}}

You can follow your report and exchange messages with the reception body here (no login needed):
{{followUpUrl}}

Anyone who knows this link can see the status of your report. Please keep it to yourself.
Please quote the tracking number in the subject of any message about this report.

Until the countermeasures are published, please do not disclose this vulnerability information to others.`,
    },
  },
};

export const messages = { ja, en };
