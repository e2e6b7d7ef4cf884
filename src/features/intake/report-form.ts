// The report forms' fields and how they map onto the report schema: flat HTML names (finderEmail, consentDirectContact)
// to the nested input (finder.email, consent.directContact) and back for error messages. Works on url-encoded and
// multipart bodies alike (a multipart field arrives as `{ value }`, a file as `{ filename, _buf, file }`).
import type { Locale } from '../../platform/db/schema.js';
import type { FieldErrors } from '../../platform/errors.js';

export const REPORT_FORM_KINDS = ['software', 'website', 'own-product'] as const;
export type ReportFormKind = (typeof REPORT_FORM_KINDS)[number];

export const TEXT_FIELDS = [
  'finderName',
  'finderEmail',
  'finderPhone',
  'finderOrganization',
  'productName',
  'developerName',
  'versions',
  'siteUrl',
  'siteName',
  'vulnerabilityType',
  'description',
  'steps',
  'environment',
  'impact',
  'threat',
  'countermeasure',
  'creditName',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const CHECKBOXES = [
  'consentIdentityToCoordinator',
  'consentIdentityToVendor',
  'consentDirectContact',
  'consentPublicCredit',
  'attestLawful',
] as const;
export type Checkbox = (typeof CHECKBOXES)[number];

/** The trap field: visually hidden, never filled by a person (see views/report-form-page.tsx). */
export const HONEYPOT_FIELD = 'homepage';

export type FormValues = Partial<Record<TextField, string>> & Partial<Record<Checkbox, boolean>>;
/** A chosen file; `truncated` when it was larger than the per-file limit and only its start was read. */
export type FormFile = { filename: string; data: Buffer; truncated: boolean };

export type ReadForm = { values: FormValues; files: FormFile[]; honeypotFilled: boolean };

type Part = {
  type?: string;
  value?: unknown;
  filename?: unknown;
  _buf?: unknown;
  file?: { truncated?: boolean };
};

function first(raw: unknown): unknown {
  return Array.isArray(raw) ? raw[0] : raw;
}

function stringOf(raw: unknown): string | undefined {
  const v = first(raw);
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && (v as Part).type === 'field' && typeof (v as Part).value === 'string') {
    return (v as Part).value as string;
  }
  return undefined;
}

function filesOf(raw: unknown): FormFile[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const files: FormFile[] = [];
  for (const p of list as Part[]) {
    if (!p || typeof p !== 'object' || p.type !== 'file') continue;
    const filename = typeof p.filename === 'string' ? p.filename : '';
    const data = Buffer.isBuffer(p._buf) ? p._buf : Buffer.alloc(0);
    // an empty file input still sends a part: no name and no bytes, so nothing was chosen
    if (filename === '' && data.length === 0) continue;
    files.push({ filename, data, truncated: p.file?.truncated === true });
  }
  return files;
}

export function readReportForm(body: unknown): ReadForm {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const values: FormValues = {};
  for (const name of TEXT_FIELDS) {
    const v = stringOf(b[name]);
    if (v !== undefined) values[name] = v;
  }
  for (const name of CHECKBOXES) values[name] = Boolean(stringOf(b[name]));
  return {
    values,
    files: filesOf(b.attachments),
    honeypotFilled: (stringOf(b[HONEYPOT_FIELD]) ?? '').trim() !== '',
  };
}

/** The report schema's input for a form of `kind`; fields of the other track are not sent. */
export function reportInputFromForm(kind: ReportFormKind, v: FormValues, locale: Locale): unknown {
  const s = (name: TextField) => v[name] ?? '';
  const common = {
    finder: {
      name: s('finderName'),
      email: s('finderEmail'),
      phone: s('finderPhone'),
      organization: s('finderOrganization'),
    },
    consent: {
      identityToCoordinator: v.consentIdentityToCoordinator === true,
      identityToVendor: v.consentIdentityToVendor === true,
      directContact: v.consentDirectContact === true,
      publicCredit: v.consentPublicCredit === true,
      creditName: s('creditName'),
    },
    description: s('description'),
    steps: s('steps'),
    attestLawful: v.attestLawful === true,
    locale,
  };
  if (kind === 'website') {
    return {
      track: 'website',
      siteUrl: s('siteUrl').trim(),
      siteName: s('siteName'),
      // an unchosen select sends '': let the schema say "choose one" rather than list every option
      vulnerabilityType: s('vulnerabilityType') || undefined,
      threat: s('threat'),
      ...common,
    };
  }
  return {
    track: 'software',
    productName: s('productName'),
    developerName: s('developerName'),
    versions: s('versions'),
    environment: s('environment'),
    impact: s('impact'),
    ...(kind === 'own-product' ? { countermeasure: s('countermeasure') } : {}),
    ...common,
  };
}

const PATH_TO_FIELD: Record<string, string> = {
  'finder.name': 'finderName',
  'finder.email': 'finderEmail',
  'finder.phone': 'finderPhone',
  'finder.organization': 'finderOrganization',
  'consent.identityToCoordinator': 'consentIdentityToCoordinator',
  'consent.identityToVendor': 'consentIdentityToVendor',
  'consent.directContact': 'consentDirectContact',
  'consent.publicCredit': 'consentPublicCredit',
  'consent.creditName': 'creditName',
};

/** Errors keyed by schema path, re-keyed by the form field (the id the error summary links to). */
export function errorsForForm(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, list] of Object.entries(errors)) {
    const field = PATH_TO_FIELD[path] ?? path.split('.')[0] ?? path;
    out[field] = [...(out[field] ?? []), ...list];
  }
  return out;
}
