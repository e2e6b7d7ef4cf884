// What a report states (資料1 発見者基準 (2), 資料2 §2.5)): the same schema for the web form and the JSON API.
import { z } from 'zod';
import { text } from '../../platform/http/validation.js';
import { WEBSITE_VULNERABILITY_TYPES } from './website-vulnerability-types.js';

/** The longest free text a report field takes (description, steps, environment, impact, threat). */
export const LONG_TEXT_MAX = 20_000;
const LONG = LONG_TEXT_MAX;
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v ? v : undefined));
const requiredText = (max: number) => text(max).pipe(z.string().min(1, { message: 'validation.required' }));

/** 発見者の氏名・連絡先: anonymity and contactability are separate — a name is optional, a way back is asked for. */
export const finderSchema = z.object({
  name: optionalText(200),
  email: z
    .union([z.literal(''), z.email({ message: 'validation.email' }).max(254)])
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined)),
  phone: optionalText(40).refine((v) => v === undefined || /^[0-9+()\-\s]{5,40}$/.test(v), {
    message: 'validation.phone',
  }),
  organization: optionalText(200),
});

/** 個人情報の取り扱い: what the finder allows to be done with who they are. */
export const consentSchema = z.object({
  identityToCoordinator: z.boolean().default(false),
  identityToVendor: z.boolean().default(false),
  directContact: z.boolean().default(false),
  publicCredit: z.boolean().default(false),
  creditName: optionalText(200),
});

const common = {
  finder: finderSchema,
  consent: consentSchema,
  description: requiredText(LONG),
  steps: requiredText(LONG),
  // 違法な方法により発見又は取得していないこと (発見者基準 (3))
  attestLawful: z.literal(true, { message: 'validation.attestLawful' }),
  locale: z.enum(['ja', 'en']).default('ja'),
};

export const softwareReportSchema = z.object({
  track: z.literal('software'),
  productName: requiredText(300),
  developerName: optionalText(300),
  versions: optionalText(500),
  environment: optionalText(LONG),
  impact: optionalText(LONG),
  // 自社製品の届出 only: the developer's countermeasure (submitReport drops it for every other source)
  countermeasure: optionalText(LONG),
  ...common,
});

export const websiteReportSchema = z.object({
  track: z.literal('website'),
  siteUrl: z.url({ protocol: /^https?$/, message: 'validation.url' }).max(2000),
  siteName: optionalText(300),
  vulnerabilityType: z.enum(WEBSITE_VULNERABILITY_TYPES, { message: 'intake.validation.chooseType' }),
  threat: optionalText(LONG),
  ...common,
});

export const reportSchema = z.discriminatedUnion('track', [softwareReportSchema, websiteReportSchema]);
export type ReportInput = z.output<typeof reportSchema>;
export type SoftwareReportInput = z.output<typeof softwareReportSchema>;
export type WebsiteReportInput = z.output<typeof websiteReportSchema>;

/** What every sealed body may carry besides the fields typed in. */
type BodyExtras = {
  creditName?: string;
  /** the description is an ASCII-armored OpenPGP message to the reception body's key, kept as sent */
  encryptedDescription?: boolean;
};

/** The confidential part of a report, sealed as one JSON document. */
export type ReportBody =
  | (Omit<SoftwareReportInput, 'finder' | 'consent' | 'attestLawful' | 'locale'> & BodyExtras)
  | (Omit<WebsiteReportInput, 'finder' | 'consent' | 'attestLawful' | 'locale'> & BodyExtras);

export type FinderIdentity = z.output<typeof finderSchema>;
