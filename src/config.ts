// The only reader of process.env. Every setting is validated here, with an error that says how to fix it.
import { resolve } from 'node:path';
import { z } from 'zod';
import { cveShortName } from './domain/cve-names.js';
import { DEFAULT_ID_PATTERNS, IdFormatError, validatePattern } from './domain/id-format.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** "ics=90,medical=90" → { ics: 90, medical: 90 }: product categories with their own publication target in days. */
const categoryDays = z
  .string()
  .trim()
  .regex(
    /^$|^[a-z0-9_-]+=[1-9]\d{0,3}(,[a-z0-9_-]+=[1-9]\d{0,3})*$/,
    'must be category=days pairs separated by commas (e.g. ics=90,medical=90), categories in lower case',
  )
  .transform((v) =>
    Object.fromEntries(
      v === '' ? [] : v.split(',').map((pair) => [pair.split('=')[0]!, Number(pair.split('=')[1])] as const),
    ),
  );

/** An ID pattern of src/domain/id-format.ts ({seq:N} once, {yyyy} at most once). */
const idPattern = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .superRefine((v, ctx) => {
      try {
        validatePattern(v);
      } catch (err) {
        if (!(err instanceof IdFormatError)) throw err;
        ctx.addIssue({
          code: 'custom',
          message: `${err.message} (e.g. JVN#{seq:8} or JVNDB-{yyyy}-{seq:6})`,
        });
      }
    });

/** "10,20" → [10, 20]: business days after notification, increasing. */
const businessDayPoints = z
  .string()
  .trim()
  .regex(/^$|^[1-9]\d{0,2}(,[1-9]\d{0,2})*$/, 'must be business-day counts separated by commas (e.g. 10,20)')
  .transform((v) => (v === '' ? [] : v.split(',').map(Number)))
  .refine((a) => a.every((n, i) => i === 0 || n > a[i - 1]!), 'must be increasing (e.g. 10,20)');

/** "127.0.0.1:8081,[::1]:8082" → ['127.0.0.1:8081', '[::1]:8082']: hosts exempt from the outbound address rule. */
const hostPorts = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^$|^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):\d{1,5}(,(\[[0-9a-f:.]+\]|[a-z0-9.-]+):\d{1,5})*$/,
    'must be host:port pairs separated by commas (e.g. 127.0.0.1:8081), for tests and development only',
  )
  .transform((v) => (v === '' ? [] : v.split(',')));

const PORT_HINT = 'must be a whole number from 0 to 65535 (e.g. PORT=8080)';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // digits only: z.coerce would read an empty PORT= as 0 (a random port) and accept "0x50" or "1e3"
  PORT: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, PORT_HINT)
    .transform(Number)
    .pipe(z.number().max(65535, PORT_HINT))
    .default(8080),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'must be a postgres:// connection URL (e.g. postgres://keikai:PASSWORD@db.example:5432/keikai)',
    )
    .optional(),
  KEIKAI_DATA_DIR: z.string().default('./var'),
  KEIKAI_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)')
    .optional(),
  KEIKAI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KEIKAI_WORKER: z.enum(['in-process', 'off']).default('in-process'),
  KEIKAI_DEMO: bool.optional(),
  KEIKAI_SECURE_COOKIES: bool.optional(),
  KEIKAI_TRUST_PROXY: bool.default(false),
  KEIKAI_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  KEIKAI_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  KEIKAI_LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  KEIKAI_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
  KEIKAI_SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  KEIKAI_DEFAULT_TIME_ZONE: z.string().default('Asia/Tokyo'),
  KEIKAI_ORG_NAME_JA: z.string().default('keikai 脆弱性受付窓口'),
  KEIKAI_ORG_NAME_EN: z.string().default('keikai vulnerability desk'),
  KEIKAI_TRACKING_PATTERN: z.string().default('IPA#{seq:8}'),
  // advisory IDs (publication): domestic report, coordinated/multi-vendor/overseas, database entry
  KEIKAI_ID_PATTERN_JVN: idPattern(DEFAULT_ID_PATTERNS.jvn),
  KEIKAI_ID_PATTERN_JVNVU: idPattern(DEFAULT_ID_PATTERNS.jvnvu),
  KEIKAI_ID_PATTERN_JVNDB: idPattern(DEFAULT_ID_PATTERNS.jvndb),
  // CSAF trusted provider: the publisher named in every document, and the OpenPGP key that signs them
  // (an armored private key file; without one, a key is generated once into the data folder)
  KEIKAI_CSAF_PUBLISHER_NAME: z.string().trim().min(1).max(200).optional(),
  KEIKAI_CSAF_PUBLISHER_NAMESPACE: z.url().optional(),
  KEIKAI_CSAF_SIGNING_KEY_FILE: z.string().optional(),
  // the CNA in CVE records (exports/cve5.ts): its organization UUID in the CVE Program (without one, a
  // placeholder) and its short name (CVE JSON 5: 2–32 characters; default derived from KEIKAI_ORG_NAME_EN)
  KEIKAI_CVE_ASSIGNER_ORG_ID: z
    .string()
    .trim()
    .regex(
      /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-4[0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$/,
      "must be the CNA's organization UUID from the CVE Program, a version 4 UUID (e.g. 6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b)",
    )
    .optional(),
  KEIKAI_CVE_ASSIGNER_SHORT_NAME: z
    .string()
    .trim()
    .min(2, "must be the CNA's short name in the CVE Program, 2 to 32 characters (e.g. jpcert)")
    .max(32, "must be the CNA's short name in the CVE Program, 2 to 32 characters (e.g. jpcert)")
    .optional(),
  KEIKAI_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  KEIKAI_REPORT_ATTACHMENTS_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  KEIKAI_REPORT_ATTACHMENTS_MAX_FILES: z.coerce.number().int().positive().default(10),
  // acceptance policy per track: must the finder be reachable (連絡が可能) before a report can be accepted?
  KEIKAI_ACCEPT_REQUIRES_CONTACT_SOFTWARE: bool.default(true),
  KEIKAI_ACCEPT_REQUIRES_CONTACT_WEBSITE: bool.default(true),
  KEIKAI_INTAKE_RATE_PER_HOUR: z.coerce.number().int().positive().default(20),
  // the handling number operators quote in every reply, at the start of each notice's subject (seed 003 App. 1)
  KEIKAI_WEBSITE_SUBJECT_PREFIX: z
    .string()
    .max(100)
    .refine((v) => v.includes('{reference}'), 'must contain {reference} (e.g. [{reference}])')
    .default('[{reference}]'),
  // software-product coordination schedule (DOMAIN.md "Software-product track"; seed 004 §4.2)
  KEIKAI_COORDINATION_TARGET_DAYS: z.coerce.number().int().min(1).max(3650).default(45),
  KEIKAI_COORDINATION_TARGET_DAYS_BY_CATEGORY: categoryDays.prefault('ics=90'),
  KEIKAI_COORDINATION_ACK_REMINDER_BUSINESS_DAYS: z.coerce.number().int().min(1).max(250).default(5),
  KEIKAI_COORDINATION_UNREACHABLE_AFTER_REMINDERS: z.coerce.number().int().min(1).max(100).default(3),
  KEIKAI_COORDINATION_APPROACHING_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  // website-track clock (seed 003 App. 1: result in ~20 business days, fix in ~3 months, stop after 9 months)
  KEIKAI_WEBSITE_REMINDER_BUSINESS_DAYS: businessDayPoints.prefault('10,20'),
  KEIKAI_WEBSITE_INVESTIGATION_BUSINESS_DAYS: z.coerce.number().int().min(1).max(250).default(20),
  KEIKAI_WEBSITE_FIX_MONTHS: z.coerce.number().int().min(1).max(120).default(3),
  KEIKAI_WEBSITE_STOP_MONTHS: z.coerce.number().int().min(1).max(120).default(9),
  KEIKAI_WEBSITE_UNREACHABLE_AFTER_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(3),
  // outbound HTTP (security.txt discovery) through platform/outbound/safe-fetch.ts
  KEIKAI_OUTBOUND_ALLOW_HOSTS: hostPorts.prefault(''),
  KEIKAI_OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  KEIKAI_OUTBOUND_MAX_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  KEIKAI_MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(30),
  MAIL_FROM: z.string().default('keikai <no-reply@keikai.localhost>'),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secret: string | undefined;
  logLevel: string;
  worker: 'in-process' | 'off';
  demo: boolean;
  secureCookies: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  login: { maxFailures: number; lockMinutes: number };
  session: { idleMinutes: number; maxHours: number };
  defaultTimeZone: string;
  orgName: { ja: string; en: string };
  mail: { smtpUrl: string | undefined; from: string; retryDelaySeconds: number };
  intake: {
    trackingPattern: string;
    attachmentMaxBytes: number;
    reportAttachmentsMaxBytes: number;
    reportAttachmentsMaxFiles: number;
    acceptRequiresContact: { software: boolean; website: boolean };
    ratePerHour: number;
  };
  websiteNotice: { subjectPrefix: string };
  /** read through coordinationPolicy() in features/coordination/schedule-policy.ts */
  coordinationSchedule: {
    targetDays: number;
    targetDaysByCategory: Readonly<Record<string, number>>;
    ackReminderBusinessDays: number;
    unreachableAfterReminders: number;
    approachingDays: number;
  };
  /** read through websitePolicy() in features/website/website-clock.ts */
  websiteClock: {
    reminderBusinessDays: readonly number[];
    investigationBusinessDays: number;
    fixMonths: number;
    stopMonths: number;
    unreachableAfterAttempts: number;
  };
  /** advisory ID patterns and the CSAF provider's identity (features/publication, features/csaf-provider) */
  publication: {
    idPatterns: Readonly<{ jvn: string; jvnvu: string; jvndb: string }>;
    csaf: { publisherName: string; publisherNamespace: string; signingKeyFile: string | undefined };
    /** the CNA named in CVE records; without an orgId the export writes exports/cve5.ts's placeholder */
    cveAssigner: { orgId: string | undefined; shortName: string };
  };
  /** safeFetch options (platform/outbound): allowHosts is for tests and development only */
  outbound: { allowHosts: readonly string[]; timeoutMs: number; maxBytes: number };
}>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (!isValidTimeZone(e.KEIKAI_DEFAULT_TIME_ZONE)) {
    throw new ConfigError(
      `Invalid configuration: KEIKAI_DEFAULT_TIME_ZONE "${e.KEIKAI_DEFAULT_TIME_ZONE}" is not an IANA zone (e.g. Asia/Tokyo)`,
    );
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  if (e.NODE_ENV === 'production' && e.KEIKAI_OUTBOUND_ALLOW_HOSTS.length > 0) {
    throw new ConfigError(
      'Invalid configuration: KEIKAI_OUTBOUND_ALLOW_HOSTS lets keikai fetch from private addresses; it is for tests and development only and must be empty in production',
    );
  }
  if (e.NODE_ENV === 'production' && !e.KEIKAI_SECRET) {
    throw new ConfigError(
      'Invalid configuration: KEIKAI_SECRET is required in production (e.g. `openssl rand -hex 32`)',
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.KEIKAI_DATA_DIR),
    secret: e.KEIKAI_SECRET,
    logLevel: e.KEIKAI_LOG_LEVEL,
    worker: e.KEIKAI_WORKER,
    // the demo is seeded on the embedded database unless switched off; never by default on a real one
    demo: e.KEIKAI_DEMO ?? !e.DATABASE_URL,
    secureCookies: e.KEIKAI_SECURE_COOKIES ?? publicUrl.startsWith('https://'),
    trustProxy: e.KEIKAI_TRUST_PROXY,
    bodyLimitBytes: e.KEIKAI_BODY_LIMIT_BYTES,
    login: { maxFailures: e.KEIKAI_LOGIN_MAX_FAILURES, lockMinutes: e.KEIKAI_LOGIN_LOCK_MINUTES },
    session: { idleMinutes: e.KEIKAI_SESSION_IDLE_MINUTES, maxHours: e.KEIKAI_SESSION_MAX_HOURS },
    defaultTimeZone: e.KEIKAI_DEFAULT_TIME_ZONE,
    orgName: { ja: e.KEIKAI_ORG_NAME_JA, en: e.KEIKAI_ORG_NAME_EN },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, retryDelaySeconds: e.KEIKAI_MAIL_RETRY_DELAY_SECONDS },
    intake: {
      trackingPattern: e.KEIKAI_TRACKING_PATTERN,
      attachmentMaxBytes: e.KEIKAI_ATTACHMENT_MAX_BYTES,
      reportAttachmentsMaxBytes: e.KEIKAI_REPORT_ATTACHMENTS_MAX_BYTES,
      reportAttachmentsMaxFiles: e.KEIKAI_REPORT_ATTACHMENTS_MAX_FILES,
      acceptRequiresContact: {
        software: e.KEIKAI_ACCEPT_REQUIRES_CONTACT_SOFTWARE,
        website: e.KEIKAI_ACCEPT_REQUIRES_CONTACT_WEBSITE,
      },
      ratePerHour: e.KEIKAI_INTAKE_RATE_PER_HOUR,
    },
    websiteNotice: { subjectPrefix: e.KEIKAI_WEBSITE_SUBJECT_PREFIX },
    publication: {
      idPatterns: {
        jvn: e.KEIKAI_ID_PATTERN_JVN,
        jvnvu: e.KEIKAI_ID_PATTERN_JVNVU,
        jvndb: e.KEIKAI_ID_PATTERN_JVNDB,
      },
      csaf: {
        publisherName: e.KEIKAI_CSAF_PUBLISHER_NAME ?? e.KEIKAI_ORG_NAME_EN,
        publisherNamespace: e.KEIKAI_CSAF_PUBLISHER_NAMESPACE ?? publicUrl,
        signingKeyFile: e.KEIKAI_CSAF_SIGNING_KEY_FILE,
      },
      cveAssigner: {
        orgId: e.KEIKAI_CVE_ASSIGNER_ORG_ID?.toLowerCase(),
        shortName: e.KEIKAI_CVE_ASSIGNER_SHORT_NAME ?? cveShortName(e.KEIKAI_ORG_NAME_EN),
      },
    },
    coordinationSchedule: {
      targetDays: e.KEIKAI_COORDINATION_TARGET_DAYS,
      targetDaysByCategory: e.KEIKAI_COORDINATION_TARGET_DAYS_BY_CATEGORY,
      ackReminderBusinessDays: e.KEIKAI_COORDINATION_ACK_REMINDER_BUSINESS_DAYS,
      unreachableAfterReminders: e.KEIKAI_COORDINATION_UNREACHABLE_AFTER_REMINDERS,
      approachingDays: e.KEIKAI_COORDINATION_APPROACHING_DAYS,
    },
    websiteClock: {
      reminderBusinessDays: e.KEIKAI_WEBSITE_REMINDER_BUSINESS_DAYS,
      investigationBusinessDays: e.KEIKAI_WEBSITE_INVESTIGATION_BUSINESS_DAYS,
      fixMonths: e.KEIKAI_WEBSITE_FIX_MONTHS,
      stopMonths: e.KEIKAI_WEBSITE_STOP_MONTHS,
      unreachableAfterAttempts: e.KEIKAI_WEBSITE_UNREACHABLE_AFTER_ATTEMPTS,
    },
    outbound: {
      allowHosts: e.KEIKAI_OUTBOUND_ALLOW_HOSTS,
      timeoutMs: e.KEIKAI_OUTBOUND_TIMEOUT_MS,
      maxBytes: e.KEIKAI_OUTBOUND_MAX_BYTES,
    },
  };
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
