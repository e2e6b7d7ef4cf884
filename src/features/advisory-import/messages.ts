// Strings of the advisory-import feature, in Japanese and English: what `keikai import-advisories` says.
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: '脆弱性対策情報の取り込み',
  // why one file or URL was not imported ({{entry}}: the file or URL, {{detail}}: what was found)
  failure: {
    read: '{{entry}}: 読み込めません（{{detail}}）',
    notJson: '{{entry}}: JSON ではありません（{{detail}}）',
    notCsaf: '{{entry}}: CSAF 2.0 文書ではありません（document.csaf_version が "2.0" ではありません）',
    invalid: '{{entry}}: CSAF 2.0 の必須の検査に合格しません: {{detail}}',
    notPublic: '{{entry}}: TLP が {{detail}} の文書は公開データベースに取り込めません（WHITE/CLEAR のみ）',
    unmappable: '{{entry}}: 脆弱性対策情報に変換できません（{{detail}}）',
  },
  // the source given on the command line
  source: {
    notFound: '{{source}} が見つかりません（ファイル、フォルダ、または https の URL を指定してください）',
    insecure: '{{source}}: URL は https でなければなりません',
    unreachable: '{{source}} を取得できません（{{detail}}）',
    unrecognised:
      '{{source}} は CSAF 文書、provider-metadata.json、ROLIE フィード、index.txt のいずれでもありません',
    empty: '{{source}} に取り込む文書がありません',
  },
  resumed: '{{source}} の中断した取り込み（{{started}} 開始）を {{cursor}} の次から再開します',
  summary:
    '取り込み {{imported}} 件（うち更新 {{updated}} 件）、変更なし {{unchanged}} 件、失敗 {{failed}} 件、{{seconds}} 秒',
  failedList: '取り込めなかったもの:',
  earlierFailures: 'この取り込みで中断前に失敗したもの {{count}} 件（一覧は中断前の出力を参照）',
};

const en: Catalog<typeof ja> = {
  title: 'Advisory import',
  failure: {
    read: '{{entry}}: cannot be read ({{detail}})',
    notJson: '{{entry}}: not JSON ({{detail}})',
    notCsaf: '{{entry}}: not a CSAF 2.0 document (document.csaf_version is not "2.0")',
    invalid: '{{entry}}: fails the mandatory CSAF 2.0 tests: {{detail}}',
    notPublic: '{{entry}}: a TLP:{{detail}} document cannot go into the public database (WHITE/CLEAR only)',
    unmappable: '{{entry}}: cannot be turned into an advisory ({{detail}})',
  },
  source: {
    notFound: '{{source}} does not exist (give a file, a folder or an https URL)',
    insecure: '{{source}}: the URL must be https',
    unreachable: '{{source}} cannot be fetched ({{detail}})',
    unrecognised: '{{source}} is not a CSAF document, a provider-metadata.json, a ROLIE feed or an index.txt',
    empty: '{{source}} holds no documents to import',
  },
  resumed: 'resuming the interrupted import of {{source}} (started {{started}}) after {{cursor}}',
  summary:
    'imported {{imported}} (of which {{updated}} updated), unchanged {{unchanged}}, failed {{failed}}, {{seconds}} s',
  failedList: 'not imported:',
  earlierFailures:
    '{{count}} failed earlier in this import, before it was interrupted (listed in that output)',
};

export const messages = { ja, en };
