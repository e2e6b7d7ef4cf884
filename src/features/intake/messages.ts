// Strings of the intake feature (届出受付), in Japanese and English (t('intake.…')).
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  nav: { report: '脆弱性を届け出る', myReports: '自分の届出' },
  choose: {
    title: '脆弱性関連情報の届出',
    intro:
      '{{org}} は、ソフトウエア製品とウェブサイトの脆弱性関連情報の届出を受け付けています。アカウントは不要です。',
    rulesTitle: '届け出る前に',
    ruleReception:
      '脆弱性関連情報は、この受付機関に届け出てください。製品開発者やウェブサイト運営者へ直接送る必要はありません。',
    ruleNoDisclosure: '対策方法が公表されるまで、脆弱性関連情報を第三者に開示しないでください。',
    ruleLawful: '違法な方法で発見・取得した情報は届け出ないでください。届出にはその確認が含まれます。',
    ruleIdentity:
      'あなたの氏名や連絡先は、あなたの同意なしに調整機関・製品開発者・ウェブサイト運営者を含む誰にも開示しません。',
    softwareTitle: 'ソフトウエア製品の脆弱性',
    softwareText:
      'ソフトウエア、ハードウエアに組み込まれたソフトウエア、ライブラリ等の脆弱性。受理後、調整機関が製品開発者と対策と公表の日程を調整します。',
    softwareLink: 'ソフトウエア製品の届出フォームへ',
    websiteTitle: 'ウェブサイトの脆弱性',
    websiteText:
      '特定のウェブサイトで稼働しているウェブアプリケーション等の脆弱性。受理後、受付機関がウェブサイト運営者に通知します。',
    websiteLink: 'ウェブサイトの届出フォームへ',
    ownProductTitle: '自社製品の脆弱性（製品開発者の方）',
    ownProductText: '自社製品の脆弱性と対策方法を届け出て、公表の支援を受けられます（ログインが必要です）。',
    ownProductLink: '自社製品の届出フォームへ',
    encryptTitle: '暗号化して送る',
    encryptText:
      '脆弱性の内容は、受付機関の OpenPGP 公開鍵で暗号化した ASCII 形式のメッセージとして「脆弱性の内容」欄に貼り付けることもできます。',
    keyLink: '受付機関の OpenPGP 公開鍵',
    finderAccount: 'ログイン中の発見者アカウントで届け出ると、届出は「自分の届出」に一覧されます。',
  },
  form: {
    titleSoftware: 'ソフトウエア製品の脆弱性の届出',
    titleWebsite: 'ウェブサイトの脆弱性の届出',
    titleOwnProduct: '自社製品の脆弱性の届出',
    intro: '「必須」の項目以外は任意です。入力内容は暗号化して保存され、受付機関だけが読めます。',
    introOwnProduct:
      '自社製品の脆弱性と対策方法をお知らせください。届出者の欄には、あなたのアカウントの情報が入っています。',
    required: '（必須）',
    limit: '{{max}} 文字まで。',
    sections: {
      finder: '届出者',
      finderHint:
        '匿名でも届け出られますが、受付機関から確認の連絡ができるよう、メールアドレスか電話番号のどちらかを入力することをお勧めします。メールアドレスには受付の確認メールを送ります。',
      product: '製品',
      site: 'ウェブサイト',
      vulnerability: '脆弱性',
      attachments: '添付ファイル',
    },
    fields: {
      finderName: '氏名',
      finderEmail: 'メールアドレス',
      finderPhone: '電話番号',
      finderOrganization: '所属',
      productName: '製品名',
      developerName: '製品開発者名',
      versions: '影響を受けるバージョン',
      description: '脆弱性の内容',
      steps: '再現手順',
      environment: '検証した環境',
      impact: '想定される影響',
      countermeasure: '対策方法',
      siteUrl: 'ウェブサイトのURL',
      siteName: 'ウェブサイトの名称',
      vulnerabilityType: '脆弱性の種類',
      threat: '想定される脅威',
      attachments: '添付ファイル（検証コード、画面写真など）',
      creditName: '公表時の名前',
    },
    hints: {
      description:
        '何が、どの条件で起きるか。受付機関の OpenPGP 公開鍵で暗号化した「-----BEGIN PGP MESSAGE-----」で始まるメッセージをそのまま貼り付けることもできます。',
      steps: '受付機関が再現できるよう、手順を順番に書いてください。',
      environment: 'OS、ブラウザ、製品の設定など。',
      versions: '例: 1.0〜1.4',
      siteUrl: 'http:// または https:// で始まるURL。',
      countermeasure: '修正版、回避方法、その公開予定など。',
      attachments:
        '1ファイル {{each}} まで、合計 {{total}}・{{files}} ファイルまで。ファイルは暗号化して保存されます。',
      creditName: '公表に謝辞として載せる名前（ハンドル名も可）。',
    },
    chooseType: '選択してください',
    consent: {
      legend: 'あなたの情報の取り扱い',
      hint: 'チェックしない項目については、あなたの氏名や連絡先を開示しません。',
      identityToCoordinator: '調整機関があなたの氏名・連絡先を知ることに同意します',
      identityToVendor: '製品開発者があなたの氏名・連絡先を知ることに同意します',
      identityToOperator: 'ウェブサイト運営者があなたの氏名・連絡先を知ることに同意します',
      directContact: '製品開発者があなたに直接連絡することに同意します',
      directContactOperator: 'ウェブサイト運営者があなたに直接連絡することに同意します',
      publicCredit: '公表の際、謝辞としてあなたの名前を載せることを希望します',
    },
    attest: {
      legend: '確認',
      label: 'この脆弱性関連情報は、違法な方法で発見・取得したものではありません',
    },
    honeypot: 'この欄は空のままにしてください',
    filesAgain:
      'ブラウザは選んだファイルを保持しないため、添付ファイルをもう一度選んでください（{{names}}）。',
    rejected: 'この送信は自動的に受け付けられませんでした。入力内容を確認して、もう一度送信してください。',
    submit: '届け出る',
  },
  types: {
    xss: 'クロスサイト・スクリプティング',
    sql_injection: 'SQLインジェクション',
    dns_misconfiguration: 'DNS情報の設定不備',
    path_traversal: 'ディレクトリ・トラバーサル',
    file_disclosure: 'ファイルの誤った公開',
    csrf: 'クロスサイト・リクエスト・フォージェリ',
    http_header_injection: 'HTTPヘッダ・インジェクション',
    auth_session: '認証・セッション管理の不備',
    os_command_injection: 'OSコマンド・インジェクション',
    mail_header_injection: 'メールの第三者中継・メールヘッダ・インジェクション',
    other: 'その他',
  },
  tracks: { software: 'ソフトウエア製品', website: 'ウェブサイト' },
  receipt: {
    title: '届出を受け付けました',
    lead: 'ご協力ありがとうございます。受付機関が内容を確認します。',
    trackingNumber: '受付番号',
    followUpLink: '届出の状況確認・受付機関とのやり取り（ログイン不要）',
    keep: 'このリンクは今回だけ表示されます。安全な場所に保存し、他の人に知らせないでください。リンクを知っている人は誰でも届出の状況を見られます。',
    mailed: '入力されたメールアドレスに、受付番号とリンクを記載した確認メールを送りました。',
    notMailed: 'メールアドレスが入力されなかったため、確認メールは送っていません。',
    quote: 'お問い合わせの際は、件名に受付番号を含めてください。',
    goneTitle: '受付の表示は終了しました',
    goneText:
      '受付番号とリンクは一度だけ表示されます。メールアドレスを入力した場合は、確認メールをご覧ください。',
  },
  status: {
    title: '現在の状況',
    submitted: '受け付けました。受付機関が内容を確認しています。',
    awaiting_finder:
      '受付機関から追加の情報をお願いしています。下のメッセージをご覧のうえ、返信してください。',
    accepted_software: '受理しました。調整機関が製品開発者と対策・公表の調整を進めます。',
    accepted_website: '受理しました。受付機関がウェブサイト運営者に通知します。',
    not_accepted: '不受理としました。理由はメッセージでお知らせしています。',
    discontinued: '取扱いを取りやめました。理由: {{reason}}',
    duplicate: '同じ内容の別の届出として取り扱っています。',
  },
  reasons: {
    not_reproducible: '再現性が確認できませんでした',
    not_vulnerability: '脆弱性関連情報に該当しません（一般的な不具合）',
    already_known: '既知の脆弱性関連情報です',
    unlawfully_obtained: '違法な方法により発見・取得されたおそれがあります',
  },
  events: {
    submitted: '届出を受け付けました',
    infoRequested: '受付機関が追加の情報を依頼しました',
    finderReplied: 'あなたが返信しました',
    accepted: '受理しました',
    notAccepted: '不受理としました',
    discontinued: '取扱いを取りやめました',
    markedDuplicate: '重複した届出として取り扱うことにしました',
    reclassified: '届出の種類を変更しました（{{track}}）',
    linkRotated: '状況確認のリンクを新しくしました',
  },
  followUp: {
    title: '届出 {{trackingNumber}}',
    identityNote:
      'このリンクが他の人に見られても困らないよう、あなたの氏名・連絡先はこのページに表示しません。',
    submittedAt: '届出日時',
    track: '種類',
    timeline: '経過',
    yourReport: '届け出た内容',
    encrypted: '（暗号化されたメッセージとして届け出られました）',
    consents: 'あなたの情報の取り扱い',
    yes: 'はい',
    no: 'いいえ',
    attachments: '添付ファイル',
    noAttachments: '添付ファイルはありません。',
    fileName: 'ファイル名',
    fileSize: 'サイズ',
    fileType: '種類',
    messages: 'メッセージ',
    noMessages: 'まだメッセージはありません。',
    fromYou: 'あなた',
    fromReception: '受付機関',
    sendTitle: '受付機関にメッセージを送る',
    messageLabel: 'メッセージ',
    messageHint: '{{max}} 文字まで。追加の情報や質問を書いてください。',
    replyHint: '受付機関が追加の情報をお願いしています。このメッセージが返信になります。',
    send: '送信',
    sent: 'メッセージを送りました。',
    rotateTitle: 'リンクを新しくする',
    rotateText:
      'このリンクが他の人に知られたおそれがあるときは、新しいリンクに取り替えてください。今のリンクと確認メールのリンクは使えなくなります。',
    rotate: '新しいリンクに取り替える',
    rotated:
      'リンクを新しくしました。このページのアドレスが新しいリンクです。今回だけ表示しますので、保存してください:',
  },
  my: {
    title: '自分の届出',
    intro: 'このアカウントで届け出た脆弱性関連情報の一覧です。',
    empty: 'まだ届出はありません。',
    newReport: '新しく届け出る',
    trackingNumber: '受付番号',
    track: '種類',
    status: '状況',
    submittedAt: '届出日時',
    statusShort: {
      submitted: '確認中',
      awaiting_finder: '追加情報の依頼中',
      accepted: '受理',
      not_accepted: '不受理',
      discontinued: '取りやめ',
      duplicate: '重複',
    },
  },
  progress: {
    title: '受理後の取扱い状況',
    intro:
      '受理した後の主な出来事です。調整の相手先の名前ややり取りの内容はお知らせできません。公表されるまで、情報は秘密としてお取り扱いください。',
    none: '—',
    handedOver: {
      software: '調整機関に引き渡しました',
      website: 'ウェブサイトの担当に引き渡しました',
    },
    developersNotified: '製品開発者への連絡を始めました（これまでに {{count}} 者）',
    publicationAgreed: '公表日時が決まりました: {{moment}}',
    publicationChanged: '公表日時が変更されました: {{moment}}',
    ended: {
      no_new_handling: '新たな対応は不要と判断し、調整を終了しました',
      developer_notifies_users: '製品開発者が利用者に通知するため、調整を終了しました',
      not_vulnerability: '脆弱性ではないと判断し、調整を終了しました',
      ready_for_publication: '製品開発者との調整が終わり、公表の準備に入りました',
    },
    operatorNotified: 'ウェブサイト運営者に脆弱性の詳細を通知しました',
    operatorReportedFix: 'ウェブサイト運営者から対応完了の報告がありました',
    published: '脆弱性対策情報を公表しました:',
    updated: '脆弱性対策情報を更新しました（第{{revision}}版）:',
    outcomes: {
      fixed: '取扱いを終了しました（脆弱性が修正されました）',
      page_deleted: '取扱いを終了しました（該当するページが削除されました）',
      workaround: '取扱いを終了しました（運用で回避されました）',
      stopped_after_alert: '取扱いを終了しました（注意喚起の公表後に取扱いを終了）',
      stopped_after_9_months: '取扱いを終了しました（長期間対応がなく取扱いを終了）',
      not_vulnerability: '取扱いを終了しました（脆弱性ではないと判断されました）',
      unreachable: '取扱いを終了しました（ウェブサイト運営者と連絡が取れませんでした）',
    },
  },
  pgp: {
    title: '受付機関の OpenPGP 公開鍵',
    intro:
      '脆弱性の内容を暗号化して届け出たい場合は、この公開鍵で暗号化し、ASCII 形式（-----BEGIN PGP MESSAGE-----）のメッセージを届出フォームの「脆弱性の内容」欄に貼り付けてください。',
    fingerprint: 'フィンガープリント',
    userId: 'ユーザーID',
    created: '作成日時',
    download: '公開鍵をダウンロード（.asc）',
    verify: '鍵を使う前に、フィンガープリントが一致することを確認してください。',
    armored: 'ASCII 形式の公開鍵',
  },
  validation: {
    chooseType: '脆弱性の種類を選んでください。',
    pgpUnreadable:
      'OpenPGP メッセージとして読み取れません。暗号化した ASCII 形式のメッセージ全体を貼り付けてください。',
    pgpWrongKey: '受付機関の公開鍵で暗号化されていません。公開鍵のページにある鍵で暗号化してください。',
    fileTooLarge: '「{{name}}」は1ファイルの上限（{{limit}}）を超えています。',
  },
  api: {
    summary: '脆弱性関連情報を届け出る',
    description:
      'Report a vulnerability (anonymous or with a bearer token). / 脆弱性関連情報の届出。アカウント不要。',
  },
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
    scheduleAgreed: {
      subject: '[{{trackingNumber}}] 公表日時が決まりました',
      body: `ご届出いただいた脆弱性関連情報（{{trackingNumber}}）について、調整機関と製品開発者の間で公表日時が次のとおり決まりました。

公表日時: {{moment}}

公表日時は変更されることがあります。変更されたときは改めてお知らせします。
公表されるまで、この脆弱性関連情報を第三者に開示しないでください。

受付機関`,
    },
    scheduleChanged: {
      subject: '[{{trackingNumber}}] 公表日時が変更されました',
      body: `ご届出いただいた脆弱性関連情報（{{trackingNumber}}）について、公表日時が次のとおり変更されました。

新しい公表日時: {{moment}}

以前にお知らせした日時は無効です。
公表されるまで、この脆弱性関連情報を第三者に開示しないでください。

受付機関`,
    },
    linkRotated: {
      subject: '[{{trackingNumber}}] 届出の状況確認リンクを新しくしました',
      body: `届出 {{trackingNumber}} の状況確認リンクが新しいものに取り替えられました。以前のリンクは使えません。

新しいリンク（ログイン不要）:
{{followUpUrl}}

心当たりがない場合は、このリンクを開いて、もう一度リンクを取り替えてください。`,
    },
  },
} as const;

const en: Catalog<typeof ja> = {
  nav: { report: 'Report a vulnerability', myReports: 'My reports' },
  choose: {
    title: 'Report vulnerability information',
    intro:
      '{{org}} receives reports of vulnerabilities in software products and websites. You do not need an account.',
    rulesTitle: 'Before you report',
    ruleReception:
      'Report vulnerability information to this reception body. You do not need to contact the product developer or website operator yourself.',
    ruleNoDisclosure:
      'Do not disclose the vulnerability information to anyone else until the countermeasures are published.',
    ruleLawful:
      'Do not report information you found or obtained unlawfully. The report includes your confirmation of this.',
    ruleIdentity:
      'Your name and contact details are disclosed to nobody — not the coordination body, the developer or the website operator — without your consent.',
    softwareTitle: 'A vulnerability in a software product',
    softwareText:
      'Software, firmware, libraries and the like. Once accepted, the coordination body agrees countermeasures and a publication date with the developer.',
    softwareLink: 'Go to the software product form',
    websiteTitle: 'A vulnerability in a website',
    websiteText:
      'A web application running on a particular website. Once accepted, the reception body notifies the website operator.',
    websiteLink: 'Go to the website form',
    ownProductTitle: 'A vulnerability in your own product (product developers)',
    ownProductText:
      'Report a vulnerability in your own product with its countermeasure, and get support with publication (sign-in required).',
    ownProductLink: 'Go to the own-product form',
    encryptTitle: 'Sending it encrypted',
    encryptText:
      'You may encrypt the description to the reception body’s OpenPGP key and paste the ASCII-armored message into the “Description” field.',
    keyLink: 'The reception body’s OpenPGP key',
    finderAccount: 'Reports you submit while signed in to a finder account are listed under “My reports”.',
  },
  form: {
    titleSoftware: 'Report a vulnerability in a software product',
    titleWebsite: 'Report a vulnerability in a website',
    titleOwnProduct: 'Report a vulnerability in your own product',
    intro:
      'Only fields marked “required” must be filled in. What you enter is stored encrypted and only the reception body can read it.',
    introOwnProduct:
      'Tell us about the vulnerability in your product and its countermeasure. The reporter fields are filled in from your account.',
    required: ' (required)',
    limit: 'Up to {{max}} characters.',
    sections: {
      finder: 'About you',
      finderHint:
        'You may report anonymously, but please give an e-mail address or a phone number so that the reception body can ask you questions. A receipt is sent to the e-mail address.',
      product: 'Product',
      site: 'Website',
      vulnerability: 'Vulnerability',
      attachments: 'Attachments',
    },
    fields: {
      finderName: 'Name',
      finderEmail: 'E-mail address',
      finderPhone: 'Phone number',
      finderOrganization: 'Organization',
      productName: 'Product name',
      developerName: 'Product developer',
      versions: 'Affected versions',
      description: 'Description',
      steps: 'Steps to reproduce',
      environment: 'Environment tested',
      impact: 'Possible impact',
      countermeasure: 'Countermeasure',
      siteUrl: 'Website URL',
      siteName: 'Website name',
      vulnerabilityType: 'Type of vulnerability',
      threat: 'Possible threat',
      attachments: 'Attachments (proof of concept, screenshots…)',
      creditName: 'Name to credit',
    },
    hints: {
      description:
        'What happens, and under which conditions. You may instead paste a message encrypted to the reception body’s OpenPGP key, starting with “-----BEGIN PGP MESSAGE-----”.',
      steps: 'Step by step, so that the reception body can reproduce it.',
      environment: 'Operating system, browser, product settings…',
      versions: 'For example: 1.0 to 1.4',
      siteUrl: 'Starting with http:// or https://.',
      countermeasure: 'Fixed version, workaround, and when they will be available.',
      attachments:
        'Up to {{each}} per file, {{total}} and {{files}} files in all. Files are stored encrypted.',
      creditName: 'The name to thank in the advisory (a handle is fine).',
    },
    chooseType: 'Choose one',
    consent: {
      legend: 'How your details may be used',
      hint: 'Your name and contact details are disclosed to nobody you do not tick here.',
      identityToCoordinator: 'The coordination body may know my name and contact details',
      identityToVendor: 'The product developer may know my name and contact details',
      identityToOperator: 'The website operator may know my name and contact details',
      directContact: 'The product developer may contact me directly',
      directContactOperator: 'The website operator may contact me directly',
      publicCredit: 'Credit me by name when the vulnerability is published',
    },
    attest: {
      legend: 'Confirmation',
      label: 'I did not find or obtain this vulnerability information by unlawful means',
    },
    honeypot: 'Leave this field empty',
    filesAgain: 'Browsers do not keep chosen files: please choose your attachments again ({{names}}).',
    rejected:
      'This submission could not be accepted automatically. Please check your entries and submit again.',
    submit: 'Submit report',
  },
  types: {
    xss: 'Cross-site scripting',
    sql_injection: 'SQL injection',
    dns_misconfiguration: 'DNS misconfiguration',
    path_traversal: 'Path traversal',
    file_disclosure: 'Files disclosed by mistake',
    csrf: 'Cross-site request forgery',
    http_header_injection: 'HTTP header injection',
    auth_session: 'Authentication or session management flaw',
    os_command_injection: 'OS command injection',
    mail_header_injection: 'Open mail relay or mail header injection',
    other: 'Other',
  },
  tracks: { software: 'Software product', website: 'Website' },
  receipt: {
    title: 'We have received your report',
    lead: 'Thank you. The reception body will review it.',
    trackingNumber: 'Tracking number',
    followUpLink: 'Follow your report and talk to the reception body (no login needed)',
    keep: 'This link is shown only this once. Keep it somewhere safe and do not share it: anyone who has it can see the status of your report.',
    mailed: 'A receipt with the tracking number and the link has been sent to the e-mail address you gave.',
    notMailed: 'No e-mail address was given, so no receipt was sent.',
    quote: 'Please quote the tracking number in the subject of any message about this report.',
    goneTitle: 'This receipt is no longer shown',
    goneText:
      'The tracking number and link are shown only once. If you gave an e-mail address, please see the receipt we sent.',
  },
  status: {
    title: 'Current status',
    submitted: 'Received. The reception body is reviewing your report.',
    awaiting_finder:
      'The reception body has asked you for more information. Please read the messages below and reply.',
    accepted_software:
      'Accepted. The coordination body is agreeing countermeasures and publication with the developer.',
    accepted_website: 'Accepted. The reception body will notify the website operator.',
    not_accepted: 'Not accepted. We have sent you the reason in a message.',
    discontinued: 'Handling discontinued. Reason: {{reason}}',
    duplicate: 'Handled together with another report of the same vulnerability.',
  },
  reasons: {
    not_reproducible: 'it could not be reproduced',
    not_vulnerability: 'it is not vulnerability information (an ordinary bug)',
    already_known: 'the vulnerability is already known',
    unlawfully_obtained: 'it may have been found or obtained unlawfully',
  },
  events: {
    submitted: 'Report received',
    infoRequested: 'The reception body asked for more information',
    finderReplied: 'You replied',
    accepted: 'Accepted',
    notAccepted: 'Not accepted',
    discontinued: 'Handling discontinued',
    markedDuplicate: 'Handled as a duplicate of another report',
    reclassified: 'The report was moved to another track ({{track}})',
    linkRotated: 'The follow-up link was replaced',
  },
  followUp: {
    title: 'Report {{trackingNumber}}',
    identityNote:
      'Your name and contact details are not shown on this page, in case someone else sees this link.',
    submittedAt: 'Submitted',
    track: 'Track',
    timeline: 'History',
    yourReport: 'What you reported',
    encrypted: '(sent as an encrypted message)',
    consents: 'How your details may be used',
    yes: 'Yes',
    no: 'No',
    attachments: 'Attachments',
    noAttachments: 'No attachments.',
    fileName: 'File name',
    fileSize: 'Size',
    fileType: 'Type',
    messages: 'Messages',
    noMessages: 'No messages yet.',
    fromYou: 'You',
    fromReception: 'Reception body',
    sendTitle: 'Send a message to the reception body',
    messageLabel: 'Message',
    messageHint: 'Up to {{max}} characters: more information or a question.',
    replyHint: 'The reception body has asked you for more information: this message is your reply.',
    send: 'Send',
    sent: 'Your message has been sent.',
    rotateTitle: 'Replace this link',
    rotateText:
      'If someone else may know this link, replace it with a new one. This link and the one in the receipt mail will stop working.',
    rotate: 'Replace with a new link',
    rotated:
      'The link has been replaced. The address of this page is your new link; it is shown only now, so keep it:',
  },
  my: {
    title: 'My reports',
    intro: 'The vulnerability reports submitted with this account.',
    empty: 'No reports yet.',
    newReport: 'Report a vulnerability',
    trackingNumber: 'Tracking number',
    track: 'Track',
    status: 'Status',
    submittedAt: 'Submitted',
    statusShort: {
      submitted: 'Under review',
      awaiting_finder: 'More information requested',
      accepted: 'Accepted',
      not_accepted: 'Not accepted',
      discontinued: 'Discontinued',
      duplicate: 'Duplicate',
    },
  },
  progress: {
    title: 'What happened after acceptance',
    intro:
      'The main steps since your report was accepted. We cannot tell you who the other parties are or what they said. Until publication, please keep the information confidential.',
    none: '—',
    handedOver: {
      software: 'Handed over to the coordination body',
      website: 'Handed over to the website desk',
    },
    developersNotified: 'Product developers are being notified ({{count}} so far)',
    publicationAgreed: 'Publication moment agreed: {{moment}}',
    publicationChanged: 'Publication moment changed: {{moment}}',
    ended: {
      no_new_handling: 'Coordination ended: no new handling is needed',
      developer_notifies_users: 'Coordination ended: the developer notifies its users itself',
      not_vulnerability: 'Coordination ended: judged not to be a vulnerability',
      ready_for_publication: 'Coordination with the developers is done; publication is being prepared',
    },
    operatorNotified: 'The website operator was told the details of the vulnerability',
    operatorReportedFix: 'The website operator reported that it has dealt with it',
    published: 'The advisory was published:',
    updated: 'The advisory was updated (revision {{revision}}):',
    outcomes: {
      fixed: 'Closed: the vulnerability was fixed',
      page_deleted: 'Closed: the affected page was deleted',
      workaround: 'Closed: worked around in operation',
      stopped_after_alert: 'Closed after a public alert',
      stopped_after_9_months: 'Closed: no response for a long time',
      not_vulnerability: 'Closed: judged not to be a vulnerability',
      unreachable: 'Closed: the website operator could not be reached',
    },
  },
  pgp: {
    title: 'The reception body’s OpenPGP key',
    intro:
      'To send the description encrypted, encrypt it to this key and paste the ASCII-armored message (-----BEGIN PGP MESSAGE-----) into the “Description” field of the report form.',
    fingerprint: 'Fingerprint',
    userId: 'User ID',
    created: 'Created',
    download: 'Download the key (.asc)',
    verify: 'Before using the key, check that its fingerprint matches.',
    armored: 'The key, ASCII-armored',
  },
  validation: {
    chooseType: 'Choose the type of vulnerability.',
    pgpUnreadable:
      'This cannot be read as an OpenPGP message. Paste the whole ASCII-armored encrypted message.',
    pgpWrongKey:
      'This is not encrypted to the reception body’s key. Encrypt it to the key on the OpenPGP key page.',
    fileTooLarge: '“{{name}}” is larger than the limit of {{limit}} per file.',
  },
  api: {
    summary: 'Report a vulnerability',
    description:
      'Report a vulnerability (anonymous or with a bearer token). / 脆弱性関連情報の届出。アカウント不要。',
  },
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
    scheduleAgreed: {
      subject: '[{{trackingNumber}}] The publication moment is agreed',
      body: `About the vulnerability you reported ({{trackingNumber}}): the coordination body and the product developers have agreed on the publication moment.

Publication: {{moment}}

The moment may still change; if it does, we will tell you again.
Until it is published, please do not disclose this vulnerability information to others.

The reception body`,
    },
    scheduleChanged: {
      subject: '[{{trackingNumber}}] The publication moment has changed',
      body: `About the vulnerability you reported ({{trackingNumber}}): the publication moment has changed.

New publication moment: {{moment}}

The moment we told you before no longer holds.
Until it is published, please do not disclose this vulnerability information to others.

The reception body`,
    },
    linkRotated: {
      subject: '[{{trackingNumber}}] Your follow-up link has been replaced',
      body: `The follow-up link of report {{trackingNumber}} has been replaced with a new one. The old link no longer works.

Your new link (no login needed):
{{followUpUrl}}

If you did not do this, open the new link and replace it again.`,
    },
  },
};

export const messages = { ja, en };
