// Reports for tests, made through the real intake use case: a software and a website report from the same
// finder (any field can be overridden), submitted as an anonymous visitor.
import { reportSchema } from '../features/intake/report-input.js';
import { type IncomingAttachment, submitReport } from '../features/intake/submit-report.js';
import type { TestApp } from './app.js';

export const FINDER = {
  name: '山田 太郎',
  email: 'taro.yamada@example.jp',
  phone: '+81 3-1234-5678',
  organization: 'Yamada Security Lab',
  creditName: 'Kaminari Research',
};

type Over = Record<string, unknown>;

export function softwareReport(over: Over = {}) {
  return reportSchema.parse({
    track: 'software',
    productName: 'Example CMS',
    developerName: 'Example Inc.',
    versions: '1.0–1.4',
    description: 'コメント欄にクロスサイトスクリプティングの脆弱性 stored XSS in the comment form',
    steps: '1. open /comments 2. post <script>alert(1)</script>',
    finder: {
      name: FINDER.name,
      email: FINDER.email,
      phone: FINDER.phone,
      organization: FINDER.organization,
    },
    consent: {
      identityToCoordinator: false,
      identityToVendor: false,
      directContact: false,
      publicCredit: true,
      creditName: FINDER.creditName,
    },
    attestLawful: true,
    locale: 'ja',
    ...over,
  });
}

export function websiteReport(over: Over = {}) {
  return reportSchema.parse({
    track: 'website',
    siteUrl: 'https://shop.example.org/search',
    siteName: 'Example Shop',
    vulnerabilityType: 'sql_injection',
    description: '検索パラメータにSQLインジェクション SQL injection in the q parameter',
    steps: "GET /search?q=' or 1=1--",
    finder: { name: FINDER.name, email: FINDER.email, phone: FINDER.phone },
    consent: {
      identityToCoordinator: false,
      identityToVendor: false,
      directContact: false,
      publicCredit: false,
    },
    attestLawful: true,
    locale: 'ja',
    ...over,
  });
}

/** A report submitted as an anonymous visitor through the intake use case. */
export function submit(
  t: TestApp,
  input: ReturnType<typeof reportSchema.parse>,
  attachments: IncomingAttachment[] = [],
) {
  return submitReport(t.ctx, { kind: 'anonymous' }, input, { source: 'form', attachments });
}
