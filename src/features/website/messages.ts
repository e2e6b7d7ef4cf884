// Strings of the website feature (ウェブサイト — the reception body notifies operators and follows the fix), in
// Japanese and English (t('website.…')). Notices to operators follow seed 003 App. 1; their subjects carry only
// the handling number and a neutral phrase, since a subject is never encrypted.
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: 'ウェブサイトの届出対応',
  case: {
    title: 'ウェブサイトの案件 {{reference}}',
    genericPage: '案件の概要と届出の内容',
    summary: '概要',
    siteUrl: 'ウェブサイトの URL',
    siteName: 'ウェブサイトの名称',
    vulnerabilityType: '脆弱性の種類',
    stage: '段階',
    outcome: '結果',
    fixAction: '対応内容',
    reason: '理由',
    closedAt: '終了日時',
    finderNotified: '発見者への連絡',
    moved: 'この案件は製品の区分に移管されました（{{reference}}）。ここでは記録を見ることだけができます。',
    readOnly: 'この案件は終了しています。ここでは記録を見ることだけができます。',
  },
  stages: {
    identifying: '連絡先の確認中',
    contact_requested: '窓口の問い合わせ中（第1報送付済み）',
    notified: '詳細を通知済み（対応待ち）',
    closed: '終了',
  },
  outcomes: {
    fixed: '修正完了',
    stopped_after_alert: '注意喚起で処理取りやめ',
    not_vulnerability: '脆弱性ではない',
    unreachable: '取扱不可能（運営者と連絡が取れない）',
    stopped_after_9_months: '9か月経過による取扱い終了',
  },
  fixActions: {
    fixed: 'ウェブアプリケーションを修正',
    page_deleted: '当該ページを削除',
    operational_workaround: '運用で回避',
  },
  clock: {
    heading: '期限の目安',
    notifiedAt: '詳細の通知日時',
    notYet: 'まだ詳細を通知していません。期限は詳細の通知から数えます。',
    elapsed: '通知からの経過日数',
    days: '{{count}} 日',
    investigationDue: '調査結果の目安（20営業日）',
    fixDue: '修正の目安（3か月）',
    longRunningFrom: '長期化（90日）',
    stopEligibleAt: '取扱い終了が可能になる日時（9か月）',
    passed: '（経過）',
    remindersHeading: '督促の予定',
    reminderSent: '送信済み',
    reminderPending: '予定',
  },
  contact: {
    heading: '運営者と連絡先',
    current: '現在の連絡先',
    none: 'まだ連絡先がありません。名簿の運営者を選ぶか、security.txt で見つけたアドレスを選ぶか、手で入力してください。',
    sources: {
      directory: '名簿の運営者',
      security_txt: 'security.txt で見つけたアドレス',
      manual: '手で入力した連絡先',
    },
    operator: '運営者',
    address: 'メールアドレス',
    name: '宛名（組織・部署・担当者）',
    locale: '連絡に使う言語',
    locales: { ja: '日本語', en: '英語' },
    encrypted: 'OpenPGP 鍵あり（通知は暗号化されます）',
    notEncrypted: 'OpenPGP 鍵なし（暗号化されません）',
    relayVia: '中継: {{path}}',
    noAddress: '名簿のこの運営者には連絡用のアドレスがありません。名簿を更新するか、手で入力してください。',
    suggestions: '報告されたホストの運営者（名簿）',
    noSuggestions: '名簿に、このホストの運営者は登録されていません。',
    useOperator: 'この運営者を連絡先にする',
    search: '名簿の運営者を探す',
    searchLabel: '名前またはドメイン',
    searchButton: '探す',
    searchResults: '検索結果',
    noResults: '該当する運営者はありません。',
    manualHeading: '連絡先を手で入力する',
    manualHint:
      '問い合わせフォームや電話で得たアドレスなど。名簿に登録する場合は名簿の画面で行ってください。',
    save: 'この連絡先にする',
    useAddress: 'このアドレスを連絡先にする',
  },
  discovery: {
    heading: 'security.txt による連絡先の確認',
    intro:
      'サイトの /.well-known/security.txt（RFC 9116）を取得して、連絡先を探します。内部ネットワークのアドレスには接続しません。',
    run: 'security.txt を確認する',
    caption: 'security.txt の確認の記録（新しい順）',
    none: 'まだ確認していません。',
    at: '日時',
    url: '取得した URL',
    outcome: '結果',
    emails: '見つかったアドレス',
    expires: '有効期限',
    tried: '試した URL: {{urls}}',
    outcomes: {
      found: 'security.txt を見つけました。連絡先のアドレスを選べます。',
      expired:
        'security.txt はありましたが、有効期限（Expires）が過ぎています。記載の連絡先は古い可能性があります。',
      'no-contact': 'security.txt に連絡先（Contact）のメールアドレスがありません。',
      malformed: 'security.txt の書式が正しくありません（RFC 9116 に従っていません）。',
      'not-found': 'security.txt がありません（/.well-known/security.txt で見つかりませんでした）。',
      'blocked-address':
        'サイトのアドレスが内部ネットワークや予約済みのアドレスを指しているため、接続しませんでした。',
      'too-large': 'security.txt が大きすぎるため、取得を打ち切りました。',
      timeout: 'サーバーの応答が遅すぎるため、取得を打ち切りました。',
      unreachable: 'サーバーに接続できませんでした。',
      'bad-url': '届出の URL からホスト名を読み取れませんでした。',
    },
  },
  notices: {
    heading: '通知',
    intro:
      '第1報で対応の窓口を問い合わせ、窓口が分かったら第2報で詳細を送ります（件名に取扱番号 {{prefix}} を付けます）。名簿に窓口が登録されている運営者には、第2報から送れます。',
    sendContactRequest: '第1報を送る（窓口の問い合わせ）',
    sendDetails: '第2報を送る（詳細の通知）',
    resendDetails: '第2報をもう一度送る（新しいリンクを発行し、前のリンクは無効になります）',
    caption: '送った通知（古い順）',
    none: 'まだ通知を送っていません。',
    kind: '種類',
    to: '宛先',
    at: '日時',
    protection: '暗号化',
    kinds: {
      contact_request: '第1報（窓口の問い合わせ）',
      details: '第2報（詳細）',
      reminder: '督促',
    },
    yes: 'あり',
    no: 'なし',
    relayed: '中継',
  },
  relay: {
    heading: '中継の経路',
    caption: '{{kind}}の中継',
    position: '順',
    organization: '組織',
    received: '受け取り',
    forwarded: '転送',
    by: '転送した人',
    recordedBy: '記録した職員',
    record: '転送を記録する',
    forwardedAt: '転送した日時（日本時間、YYYY-MM-DD HH:MM）',
    byName: '転送した人の名前（先方から聞いたとおり）',
    final: '運営者',
  },
  attempts: {
    heading: '運営者への連絡の試み',
    intro:
      '通知と督促は自動で記録されます。電話や郵便など、ほかの手段での試みはここで記録してください。取扱不可能とするには、応答のない試みが {{count}} 回以上必要です。',
    caption: '連絡の試み（古い順）',
    none: 'まだ記録がありません。',
    at: '日時',
    channel: '手段',
    result: '結果',
    note: 'メモ',
    automatic: '自動',
    manual: '手動',
    channels: {
      mail: 'メール',
      phone: '電話',
      postal: '郵便',
      web_form: '問い合わせフォーム',
      other: 'その他',
    },
    results: {
      sent: '送信した',
      no_answer: '応答なし',
      bounced: '届かなかった',
      answered: '応答があった',
      refused: '受け取りを断られた',
    },
    record: '試みを記録する',
    unanswered: '応答のない試み: {{count}} 回',
  },
  operator: {
    heading: '運営者からの回答',
    link: '運営者向けリンク',
    linkLive: '発行済み',
    linkNone: 'まだ発行していません（第2報で発行されます）',
    linkUntil: '— 終了後は閲覧と個人情報漏えいの公表ページのみ、次の日時まで有効: ',
    linkEnded: '無効（差し替え、終了後の期限切れ、または製品の区分への移管）',
    acknowledged: '受領の連絡',
    investigation: '調査結果',
    findings: { vulnerable: '問題を確認した', not_reproduced: '再現しなかった', investigating: '調査中' },
    notVulnerability: '「脆弱性ではない」との回答',
    responsesCaption: '運営者からの回答（古い順）',
    none: 'まだ回答はありません。',
    kinds: {
      acknowledged: '受領',
      investigation_result: '調査結果',
      not_vulnerability: '脆弱性ではない',
      message: 'メッセージ',
    },
    via: { account: 'アカウント', link: 'リンク', staff: '職員が記録' },
    completion: '修正完了報告書',
    completionNone: 'まだ届いていません。',
    submitted: '受け取り日時',
    whatDone: '対応内容',
    confirmation: '受付機関による修正の確認',
    confirmationWanted: '希望する（同意あり）',
    confirmationNotWanted: '希望しない',
    nextContact: '今後の連絡先',
    nextContacts: { this_address: 'このアドレス', reception_desk: 'サイトの受付窓口を通じてその都度決める' },
    personalDataLeak: '個人情報の漏えい',
    survey: 'アンケート',
    causeBasis: '原因（何に起因するか）',
    causeDetail: '原因の詳細',
    damageActual: '実際に発生した被害',
    damagePotential: '起こりえた被害',
    leakedKinds: '漏えいした情報の種類',
    opinion: '通知についてのご意見',
    reporter: '報告者',
    leak: '漏えいの公表（下書き）',
    recordHeading: 'メールや電話で届いた回答を記録する',
    recordHint: '運営者がリンクを使わずに返信してきたときに記録します。',
    kind: '回答の種類',
    finding: '調査結果（調査結果のとき）',
    body: '内容',
    record: '回答を記録する',
    leakFields: {
      overview: '概要',
      period: '期間',
      people_count: '人数',
      data_kinds: '情報の種類',
      cause: '原因',
      contact: '問い合わせ先',
      published: '公表',
    },
  },
  survey: {
    cause_basis: {
      design: 'ウェブアプリケーションの設計',
      site_setting: 'サイト固有の設定・運用',
      other: 'その他',
    },
    cause_detail: {
      unintended_access: '意図しないアクセスが可能',
      input_check_sql: '入力チェックの不備（意図しない SQL 命令等）',
      input_check_overflow: '入力チェックの不備（オーバーフロー）',
      xss: 'クロスサイト・スクリプティングを許す不備',
      error_handling: 'エラー処理の不備',
      encryption: '暗号化の不備・解読可能',
      other: 'その他',
    },
    damage: {
      access_control_bypass: 'アクセス制御の回避',
      personal_data_leak: '個人情報の漏えい',
      server_info_leak: 'サーバー内部の情報の漏えい',
      other_confidential_leak: 'その他の機密情報の漏えい',
      cookie_leak: 'Cookie の漏えい',
      impersonation: 'なりすまし',
      tampering: 'データの改ざん・消去',
      denial_of_service: 'サービス不能',
      command_execution: '意図しないコマンドの実行',
      none: '被害なし',
      other: 'その他',
    },
  },
  close: {
    heading: '結果を記録して終了する',
    intro:
      '結果は案件の記録に残り、統計に使われます。発見者には、結果を知らせるメールが送られます（発見者がアドレスを記載した場合）。',
    outcome: '結果',
    fixAction: '対応内容（修正完了のとき）',
    fixActionFromReport: '修正完了報告書の対応内容: {{action}}',
    reason: '理由・経緯（記録用。発見者には送られません）',
    notifyFinder: '発見者に結果を知らせる',
    submit: '結果を記録して終了する',
    choose: '選んでください',
  },
  reclassify: {
    heading: '製品の区分に移す',
    intro:
      '製品の脆弱性が原因の場合、案件を製品の区分に移し、調整機関に引き渡します。この案件は終了し、新しい案件と相互にリンクされ、経過は残ります。',
    message: '発見者へのメッセージ',
    submit: '製品の区分に移す',
  },
  history: {
    heading: '経過',
    caption: 'この案件の経過（古い順）',
    at: '日時',
    event: '出来事',
    who: '担当者',
    system: 'システム',
    events: {
      case_classified: '統計用の分類を保存しました',
      website_contact_assigned: '連絡先を設定しました',
      website_discovery_ran: 'security.txt を確認しました',
      website_notice_sent: '通知を送りました',
      website_reminder_sent: '督促を送りました',
      website_relay_forwarded: '中継の転送を記録しました',
      website_attempt_recorded: '連絡の試みを記録しました',
      website_closed: '結果を記録して終了しました',
      website_operator_responded: '運営者が回答しました',
      website_operator_acknowledged: '運営者が受領を連絡しました',
      website_operator_investigation_reported: '運営者が調査結果を報告しました',
      website_operator_not_vulnerability_reported: '運営者が「脆弱性ではない」と回答しました',
      website_operator_completion_reported: '運営者が修正完了報告書を送りました',
      website_operator_leak_publication_saved: '運営者が漏えいの公表の下書きを保存しました',
      case_opened: '案件を開始しました（受理による引き渡し）',
      case_superseded: '区分の変更により移管しました',
      case_closed: '案件を終了しました',
    },
  },
  done: {
    contact: '連絡先を設定しました。',
    discovery: 'security.txt を確認しました。結果は下の表にあります。',
    contact_request: '第1報を送りました。',
    details: '第2報（詳細）を送りました。運営者向けリンクを発行しました。',
    relay: '中継の転送を記録しました。',
    attempt: '連絡の試みを記録しました。',
    closed: '結果を記録し、案件を終了しました。',
    response: '運営者からの回答を記録しました。',
  },
  errors: {
    closed: 'この案件は終了しているか、製品の区分に移管されています。',
    noContact: '連絡先がありません。先に連絡先を設定してください。',
    alreadyNotified: '詳細はすでに通知しています。第1報は送れません。',
    notNotified: 'まだ詳細（第2報）を通知していないため、この結果は記録できません。',
    tooEarly: '詳細の通知から9か月が経っていないため、まだ取扱いを終了できません（{{at}} 以降に可能）。',
    tooFewAttempts:
      '取扱不可能とするには、応答のない連絡の試みが {{count}} 回以上必要です（現在 {{have}} 回）。',
    fixActionRequired: '修正完了のときは、対応内容を選んでください。',
    notOperator: '選んだ組織はウェブサイト運営者ではありません。',
    addressNotFound: 'このアドレスは、この案件の security.txt の確認では見つかっていません。',
    keyUnusable: '運営者の OpenPGP 鍵が使えないため、通知を送れませんでした。名簿の鍵を確かめてください。',
    badDate: '日時は YYYY-MM-DD HH:MM の形で入力してください。',
    badDay: '日付は YYYY-MM-DD の形で、実在する日を入力してください。',
    hopOrder: '前の中継の転送がまだ記録されていません。',
  },
  longRunning: {
    title: '長期化しているウェブサイトの案件',
    intro:
      '詳細を通知してから90日以上、修正完了などの結果が出ていない案件です（経過日数の区分と脆弱性の種類別）。',
    asOf: '基準日',
    asOfHint: 'YYYY-MM-DD。空欄なら今日です。',
    show: '表示する',
    asOfShown: '{{date}} 時点',
    countsCaption: '経過日数の区分 × 脆弱性の種類（件数）',
    bucket: '経過日数',
    bucketDays: '{{range}} 日',
    ageBucket: '区分',
    csv: 'CSV でダウンロード',
    total: '計',
    listCaption: '長期化している案件（経過の長い順）',
    reference: '案件番号',
    notifiedAt: '詳細の通知日時',
    days: '経過日数',
    type: '脆弱性の種類',
    operator: '運営者',
    none: '長期化している案件はありません。',
    unknownType: '（不明）',
  },
  mail: {
    defaultAddressee: 'ウェブサイトご担当者',
    relayNote:
      '\n本メールは、{{operatorName}} 様にお伝えいただくため、{{path}} の経路でお送りしています。お手数ですが、{{operatorName}} 様へお伝えください。\n',
    pendingInvestigation: '調査結果のご連絡をお待ちしています。',
    pendingFix: '修正完了のご報告をお待ちしています。',
    noThreat: '（発見者からの記載はありません）',
    accountNote: '\n貴組織の keikai アカウントをお持ちの場合は、{{url}} からも同じ操作ができます。',
    encryptedDescription: '（発見者の記載は暗号化されて届いたため、別途お送りします）',
    contactRequest: {
      subject: '{{prefix}} ウェブページのセキュリティ上の問題',
      body: `{{addressee}} 様

{{sender}}です。

{{sender}}は、一般の方や研究者から届け出られたウェブページのセキュリティ上の問題を、当該ウェブページの管理者の方にお知らせしています。

次のウェブページについて、セキュリティ上の問題の届出がありました。
{{siteUrl}}
{{relayNote}}
詳細をお送りするため、この問題に対応される窓口（部署名・ご担当者名・メールアドレス）を、このメールへの返信でお知らせください。返信の件名には取扱番号 {{reference}} を残してください。

詳細をお送りした後、問題の有無をご確認のうえ、修正をお願いいたします。ウェブサイトの運用を委託されている場合も、このメールの宛先の方から委託先へお伝えください。

{{sender}}`,
    },
    details: {
      subject: '{{prefix}} セキュリティ上の問題に関する詳細情報送付の件',
      body: `{{addressee}} 様

このメールは、取扱番号 {{reference}} に関する連絡です。
{{relayNote}}
{{sender}}に届け出られた、貴サイトのセキュリティ上の問題の詳細をお送りします。お受け取りになりましたら、件名に取扱番号 {{reference}} を残したまま、受領の旨をご返信ください（一次返信）。

1. 発見者からの情報
(1) 問題を確認した URL
{{siteUrl}}

(2) 問題の種類
{{vulnerabilityType}}

(3) 確認の方法
{{howConfirmed}}

(4) 問題の内容（何が起こるか）
{{whatHappens}}

(5) 想定される脅威
{{threat}}

上記は発見者からの情報であり、{{sender}}では検証していません。

2. 今後の取扱い
(1) ご連絡の際は、件名に取扱番号 {{reference}} を必ず記載してください。
(2) 問題の有無を調査し、その結果を {{investigationDue}} 頃まで（概ね20営業日以内）にお知らせください。
(3) 問題があった場合は、{{fixDue}} 頃まで（概ね3か月以内）に修正をお願いします。
(4) 修正が終わりましたら、修正完了報告書（対応内容と、原因・被害に関するアンケート）をお送りください。
(5) 受領・調査結果・修正完了の報告は、次のリンクからできます。このリンクは貴組織専用です。他の人に知らせないでください。
{{operatorUrl}}{{accountNote}}
(6) ウェブサイトの運用を委託されている場合は、委託先へお伝えください。

詳細をお送りしてから9か月を過ぎても修正完了のご報告がない場合、{{sender}}は取扱いを終了することがあります。

{{sender}}`,
    },
    reminder: {
      subject: '{{prefix}} 対応状況のご確認のお願い',
      body: `{{addressee}} 様

このメールは、取扱番号 {{reference}} に関する連絡です。
{{relayNote}}
{{notifiedOn}} にお送りしたセキュリティ上の問題の詳細について、対応状況をお知らせください。{{pending}}

調査結果の目安: {{investigationDue}} 頃
修正の目安: {{fixDue}} 頃

ご連絡には、詳細をお送りしたメールに記載したリンクをお使いいただくか、件名に取扱番号 {{reference}} を残したまま、このメールにご返信ください。

{{sender}}`,
    },
    finderOutcome: {
      subject: '[{{trackingNumber}}] 届出の取扱いを終了しました',
      body: `受付番号 {{trackingNumber}} の届出（ウェブサイト）について、取扱いを終了しましたのでお知らせします。

結果: {{outcome}}
{{explanation}}

ご協力ありがとうございました。

{{sender}}`,
    },
  },
  finderExplanations: {
    fixed: 'ウェブサイト運営者から、修正が完了した旨の報告がありました。',
    stopped_after_alert: '広く対策を促す注意喚起を行ったうえで、取扱いを終了しました。',
    not_vulnerability: 'ウェブサイト運営者と受付機関で確認した結果、脆弱性ではないと判断しました。',
    unreachable: 'ウェブサイト運営者と連絡が取れなかったため、取扱いを終了しました。',
    stopped_after_9_months:
      '詳細の通知から9か月を過ぎても修正完了の報告がなかったため、取扱いを終了しました。',
  },
  validation: {
    chooseOutcome: '結果を選んでください。',
    findingRequired: '調査結果を選んでください。',
    bodyRequired: '内容を入力してください。',
    reasonRequired: '理由・経緯を入力してください。',
  },
};

const en: Catalog<typeof ja> = {
  title: 'Website cases',
  case: {
    title: 'Website case {{reference}}',
    genericPage: 'Case summary and the report',
    summary: 'Summary',
    siteUrl: 'Site URL',
    siteName: 'Site name',
    vulnerabilityType: 'Vulnerability type',
    stage: 'Stage',
    outcome: 'Outcome',
    fixAction: 'What was done',
    reason: 'Reason',
    closedAt: 'Closed',
    finderNotified: 'Finder told',
    moved: 'This case was moved to the product track ({{reference}}). Its record can only be read here.',
    readOnly: 'This case is closed. Its record can only be read here.',
  },
  stages: {
    identifying: 'Finding the contact',
    contact_requested: 'Contact point asked for (first notice sent)',
    notified: 'Details sent (waiting for the operator)',
    closed: 'Closed',
  },
  outcomes: {
    fixed: 'Fixed',
    stopped_after_alert: 'Stopped after a public alert',
    not_vulnerability: 'Not a vulnerability',
    unreachable: 'Cannot be handled (operator unreachable)',
    stopped_after_9_months: 'Stopped after 9 months',
  },
  fixActions: {
    fixed: 'Web application fixed',
    page_deleted: 'Page deleted',
    operational_workaround: 'Avoided operationally',
  },
  clock: {
    heading: 'Targets',
    notifiedAt: 'Details sent',
    notYet: 'The details have not been sent yet. Targets count from the details notice.',
    elapsed: 'Days since the details',
    days: '{{count}} days',
    investigationDue: 'Investigation result (20 business days)',
    fixDue: 'Fix (3 months)',
    longRunningFrom: 'Long-running (90 days)',
    stopEligibleAt: 'May be stopped from (9 months)',
    passed: '(passed)',
    remindersHeading: 'Reminders',
    reminderSent: 'sent',
    reminderPending: 'planned',
  },
  contact: {
    heading: 'Operator and contact',
    current: 'Current contact',
    none: 'No contact yet. Choose an operator from the directory, an address found in a security.txt, or enter one by hand.',
    sources: {
      directory: 'Operator from the directory',
      security_txt: 'Address found in a security.txt',
      manual: 'Contact entered by hand',
    },
    operator: 'Operator',
    address: 'E-mail address',
    name: 'Addressee (organization, department, person)',
    locale: 'Language to write in',
    locales: { ja: 'Japanese', en: 'English' },
    encrypted: 'OpenPGP key known (notices are encrypted)',
    notEncrypted: 'No OpenPGP key (notices are not encrypted)',
    relayVia: 'Relayed: {{path}}',
    noAddress:
      'This operator has no address in the directory. Update the directory or enter a contact by hand.',
    suggestions: 'Operators of the reported host (directory)',
    noSuggestions: 'No operator of this host is in the directory.',
    useOperator: 'Use this operator',
    search: 'Find an operator in the directory',
    searchLabel: 'Name or domain',
    searchButton: 'Search',
    searchResults: 'Results',
    noResults: 'No operator matches.',
    manualHeading: 'Enter a contact by hand',
    manualHint:
      'An address learnt from a contact form or by phone, for example. To add it to the directory, use the directory pages.',
    save: 'Use this contact',
    useAddress: 'Use this address',
  },
  discovery: {
    heading: 'Finding the contact in security.txt',
    intro:
      "Fetches the site's /.well-known/security.txt (RFC 9116) and looks for a contact. Internal network addresses are never connected to.",
    run: 'Check security.txt',
    caption: 'security.txt checks (newest first)',
    none: 'Not checked yet.',
    at: 'When',
    url: 'URL fetched',
    outcome: 'Result',
    emails: 'Addresses found',
    expires: 'Expires',
    tried: 'URLs tried: {{urls}}',
    outcomes: {
      found: 'Found a security.txt; you can choose one of its contact addresses.',
      expired: 'Found a security.txt, but its Expires date has passed: its contacts may be out of date.',
      'no-contact': 'The security.txt has no Contact e-mail address.',
      malformed: 'The security.txt is malformed (it does not follow RFC 9116).',
      'not-found': 'There is no security.txt (nothing at /.well-known/security.txt).',
      'blocked-address':
        "The site's address points into an internal or reserved network, so it was not connected to.",
      'too-large': 'The security.txt was too large; fetching it was stopped.',
      timeout: 'The server was too slow to answer; fetching was stopped.',
      unreachable: 'The server could not be reached.',
      'bad-url': "No host name could be read from the report's URL.",
    },
  },
  notices: {
    heading: 'Notices',
    intro:
      'The first notice asks for a contact point; once it is known, the second sends the details (subjects start with the handling number {{prefix}}). An operator with a contact window in the directory can get the details straight away.',
    sendContactRequest: 'Send the first notice (ask for a contact point)',
    sendDetails: 'Send the second notice (the details)',
    resendDetails: 'Send the details again (a new link is issued; the previous one stops working)',
    caption: 'Notices sent (oldest first)',
    none: 'No notice sent yet.',
    kind: 'Kind',
    to: 'To',
    at: 'When',
    protection: 'Encrypted',
    kinds: {
      contact_request: 'First notice (contact point)',
      details: 'Second notice (details)',
      reminder: 'Reminder',
    },
    yes: 'yes',
    no: 'no',
    relayed: 'relayed',
  },
  relay: {
    heading: 'Relay path',
    caption: 'Relay of the {{kind}}',
    position: 'Hop',
    organization: 'Organization',
    received: 'Received',
    forwarded: 'Forwarded',
    by: 'Forwarded by',
    recordedBy: 'Recorded by',
    record: 'Record the forwarding',
    forwardedAt: 'Forwarded at (Japan time, YYYY-MM-DD HH:MM)',
    byName: 'Name of the person who forwarded it (as they told us)',
    final: 'Operator',
  },
  attempts: {
    heading: 'Attempts to reach the operator',
    intro:
      'Notices and reminders are recorded automatically. Record other attempts (phone, post…) here. Declaring the operator unreachable needs at least {{count}} unanswered attempts.',
    caption: 'Contact attempts (oldest first)',
    none: 'Nothing recorded yet.',
    at: 'When',
    channel: 'Channel',
    result: 'Result',
    note: 'Note',
    automatic: 'automatic',
    manual: 'by hand',
    channels: { mail: 'E-mail', phone: 'Phone', postal: 'Post', web_form: 'Contact form', other: 'Other' },
    results: {
      sent: 'Sent',
      no_answer: 'No answer',
      bounced: 'Did not arrive',
      answered: 'Answered',
      refused: 'Refused',
    },
    record: 'Record the attempt',
    unanswered: 'Unanswered attempts: {{count}}',
  },
  operator: {
    heading: "The operator's answers",
    link: "Operator's link",
    linkLive: 'issued',
    linkNone: 'not issued yet (the details notice issues it)',
    linkUntil: '— after closing, for reading and the personal-data leak page only, valid until ',
    linkEnded: 'no longer valid (replaced, expired after closing, or moved to the product track)',
    acknowledged: 'Receipt acknowledged',
    investigation: 'Investigation result',
    findings: {
      vulnerable: 'Problem confirmed',
      not_reproduced: 'Not reproduced',
      investigating: 'Still investigating',
    },
    notVulnerability: '"Not a vulnerability" reported',
    responsesCaption: "The operator's answers (oldest first)",
    none: 'No answer yet.',
    kinds: {
      acknowledged: 'Receipt',
      investigation_result: 'Investigation result',
      not_vulnerability: 'Not a vulnerability',
      message: 'Message',
    },
    via: { account: 'account', link: 'link', staff: 'recorded by staff' },
    completion: 'Completion report',
    completionNone: 'Not received yet.',
    submitted: 'Received',
    whatDone: 'What was done',
    confirmation: 'Fix confirmation by the reception body',
    confirmationWanted: 'wanted (consent given)',
    confirmationNotWanted: 'not wanted',
    nextContact: 'Contact next time',
    nextContacts: {
      this_address: 'this address',
      reception_desk: "decided each time through the site's reception desk",
    },
    personalDataLeak: 'Personal data leaked',
    survey: 'Survey',
    causeBasis: 'Cause (what it depended on)',
    causeDetail: 'Cause in detail',
    damageActual: 'Damage that occurred',
    damagePotential: 'Damage that could have occurred',
    leakedKinds: 'Kinds of leaked information',
    opinion: 'Opinions on the notice',
    reporter: 'Reported by',
    leak: 'Leak publication (draft)',
    recordHeading: 'Record an answer that came by mail or phone',
    recordHint: 'For when the operator answered without using its link.',
    kind: 'Kind of answer',
    finding: 'Result (for an investigation result)',
    body: 'What they said',
    record: 'Record the answer',
    leakFields: {
      overview: 'Overview',
      period: 'Period',
      people_count: 'Number of people',
      data_kinds: 'Kinds of data',
      cause: 'Cause',
      contact: 'Contact',
      published: 'Published',
    },
  },
  survey: {
    cause_basis: {
      design: 'Web application design',
      site_setting: 'Site-specific setting or operation',
      other: 'Other',
    },
    cause_detail: {
      unintended_access: 'Unintended access possible',
      input_check_sql: 'Insufficient input checks (unintended SQL commands etc.)',
      input_check_overflow: 'Insufficient input checks (overflow)',
      xss: 'Flaw allowing cross-site scripting',
      error_handling: 'Improper error handling',
      encryption: 'Encryption failed or decryptable',
      other: 'Other',
    },
    damage: {
      access_control_bypass: 'Access control bypassed',
      personal_data_leak: 'Personal data leaked',
      server_info_leak: 'Server implementation details leaked',
      other_confidential_leak: 'Other confidential information leaked',
      cookie_leak: 'Cookies leaked',
      impersonation: 'Impersonation',
      tampering: 'Data tampered with or destroyed',
      denial_of_service: 'Denial of service',
      command_execution: 'Unintended commands executed',
      none: 'No damage',
      other: 'Other',
    },
  },
  close: {
    heading: 'Record the outcome and close',
    intro:
      'The outcome stays in the case record and counts in the statistics. The finder is told by mail (if they gave an address).',
    outcome: 'Outcome',
    fixAction: 'What was done (when fixed)',
    fixActionFromReport: 'The completion report says: {{action}}',
    reason: 'Reason and background (for the record; not sent to the finder)',
    notifyFinder: 'Tell the finder the outcome',
    submit: 'Record the outcome and close',
    choose: 'Choose',
  },
  reclassify: {
    heading: 'Move to the product track',
    intro:
      'When a product vulnerability is the cause, the case moves to the product track and goes to the coordination body. This case is closed, the two are linked, and the history stays.',
    message: 'Message to the finder',
    submit: 'Move to the product track',
  },
  history: {
    heading: 'History',
    caption: "This case's history (oldest first)",
    at: 'When',
    event: 'What happened',
    who: 'Who',
    system: 'System',
    events: {
      case_classified: 'Classification for statistics saved',
      website_contact_assigned: 'Contact set',
      website_discovery_ran: 'security.txt checked',
      website_notice_sent: 'Notice sent',
      website_reminder_sent: 'Reminder sent',
      website_relay_forwarded: 'Relay forwarding recorded',
      website_attempt_recorded: 'Contact attempt recorded',
      website_closed: 'Outcome recorded, case closed',
      website_operator_responded: 'The operator answered',
      website_operator_acknowledged: 'The operator acknowledged receipt',
      website_operator_investigation_reported: 'The operator reported its investigation',
      website_operator_not_vulnerability_reported: 'The operator answered "not a vulnerability"',
      website_operator_completion_reported: 'The operator sent a completion report',
      website_operator_leak_publication_saved: 'The operator saved its leak publication draft',
      case_opened: 'Case opened (handed over on acceptance)',
      case_superseded: 'Moved to the other track',
      case_closed: 'Case closed',
    },
  },
  done: {
    contact: 'Contact set.',
    discovery: 'security.txt checked. The result is in the table below.',
    contact_request: 'First notice sent.',
    details: "Details sent. The operator's link was issued.",
    relay: 'Forwarding recorded.',
    attempt: 'Attempt recorded.',
    closed: 'Outcome recorded; the case is closed.',
    response: "The operator's answer was recorded.",
  },
  errors: {
    closed: 'This case is closed or was moved to the product track.',
    noContact: 'There is no contact. Set one first.',
    alreadyNotified: 'The details were already sent; the first notice cannot go out any more.',
    notNotified: 'The details (second notice) have not been sent, so this outcome cannot be recorded.',
    tooEarly: 'Nine months have not passed since the details were sent; the case can be stopped from {{at}}.',
    tooFewAttempts:
      'Declaring the operator unreachable needs at least {{count}} unanswered attempts (there are {{have}}).',
    fixActionRequired: 'For a fix, choose what was done.',
    notOperator: 'The organization chosen is not a website operator.',
    addressNotFound: "This address was not found by this case's security.txt checks.",
    keyUnusable:
      "The operator's OpenPGP key cannot be used, so nothing was sent. Check the key in the directory.",
    badDate: 'Write the time as YYYY-MM-DD HH:MM.',
    badDay: 'Write a real date as YYYY-MM-DD.',
    hopOrder: 'The previous hop has not been recorded as forwarded yet.',
  },
  longRunning: {
    title: 'Long-running website cases',
    intro:
      'Cases with no outcome (such as a fix) 90 days or more after the details were sent, by age and vulnerability type.',
    asOf: 'As of',
    asOfHint: 'YYYY-MM-DD. Empty means today.',
    show: 'Show',
    asOfShown: 'as of {{date}}',
    countsCaption: 'Age bucket × vulnerability type (cases)',
    bucket: 'Age',
    bucketDays: '{{range}} days',
    ageBucket: 'Age bucket',
    csv: 'Download as CSV',
    total: 'Total',
    listCaption: 'Long-running cases (oldest notice first)',
    reference: 'Case',
    notifiedAt: 'Details sent',
    days: 'Days',
    type: 'Vulnerability type',
    operator: 'Operator',
    none: 'No long-running cases.',
    unknownType: '(unknown)',
  },
  mail: {
    defaultAddressee: 'Website administrator',
    relayNote:
      '\nThis mail is meant for {{operatorName}} and travels through {{path}}. Please pass it on to {{operatorName}}.\n',
    pendingInvestigation: 'We are waiting for the result of your investigation.',
    pendingFix: 'We are waiting for your report that the problem is fixed.',
    noThreat: '(not stated by the finder)',
    accountNote: '\nIf your organization has a keikai account, you can do the same at {{url}}.',
    encryptedDescription: "(the finder's description arrived encrypted and will be sent separately)",
    contactRequest: {
      subject: '{{prefix}} A security problem on your web page',
      body: `Dear {{addressee}},

This is {{sender}}.

{{sender}} tells the administrators of web pages about security problems that members of the public and researchers have reported.

A security problem has been reported on this web page:
{{siteUrl}}
{{relayNote}}
So that we can send you the details, please reply to this mail with the contact point that will handle the problem (department, person in charge, e-mail address). Keep the handling number {{reference}} in the subject of your reply.

Once you have the details, please check whether the problem exists and fix it. If the site is run for you by a contractor, please pass this on to them.

{{sender}}`,
    },
    details: {
      subject: '{{prefix}} Details of a security problem on your website',
      body: `Dear {{addressee}},

This mail concerns handling number {{reference}}.
{{relayNote}}
Here are the details of the security problem on your site that was reported to {{sender}}. When you receive them, please reply to confirm receipt, keeping the handling number {{reference}} in the subject (first reply).

1. What the finder reported
(1) URL where the problem was seen
{{siteUrl}}

(2) Type of problem
{{vulnerabilityType}}

(3) How it was confirmed
{{howConfirmed}}

(4) What happens
{{whatHappens}}

(5) Possible threat
{{threat}}

This is the finder's information; {{sender}} has not verified it.

2. What happens next
(1) Always put the handling number {{reference}} in the subject when you write to us.
(2) Please investigate and tell us the result by about {{investigationDue}} (about 20 business days).
(3) If the problem exists, please fix it by about {{fixDue}} (about 3 months).
(4) When it is fixed, please send the completion report (what was done, and a short survey of cause and damage).
(5) You can confirm receipt, report the investigation and report the fix at this link. It is meant for your organization only; do not share it.
{{operatorUrl}}{{accountNote}}
(6) If the site is run for you by a contractor, please pass this on to them.

If no completion report arrives within 9 months of this notice, {{sender}} may stop handling the case.

{{sender}}`,
    },
    reminder: {
      subject: '{{prefix}} Request for an update',
      body: `Dear {{addressee}},

This mail concerns handling number {{reference}}.
{{relayNote}}
Please tell us where things stand with the security problem whose details we sent on {{notifiedOn}}. {{pending}}

Investigation result expected by about: {{investigationDue}}
Fix expected by about: {{fixDue}}

Please use the link in the details notice, or reply to this mail keeping the handling number {{reference}} in the subject.

{{sender}}`,
    },
    finderOutcome: {
      subject: '[{{trackingNumber}}] Handling of your report has ended',
      body: `Handling of your website report {{trackingNumber}} has ended.

Outcome: {{outcome}}
{{explanation}}

Thank you for your help.

{{sender}}`,
    },
  },
  finderExplanations: {
    fixed: 'The website operator reported that the problem has been fixed.',
    stopped_after_alert: 'After a public alert urging countermeasures widely, handling was stopped.',
    not_vulnerability:
      'The website operator and the reception body concluded that it is not a vulnerability.',
    unreachable: 'The website operator could not be reached, so handling was stopped.',
    stopped_after_9_months:
      'No completion report arrived within 9 months of the details notice, so handling was stopped.',
  },
  validation: {
    chooseOutcome: 'Choose an outcome.',
    findingRequired: 'Choose the investigation result.',
    bodyRequired: 'Enter what the operator said.',
    reasonRequired: 'Enter the reason and background.',
  },
};

export const messages = { ja, en };
