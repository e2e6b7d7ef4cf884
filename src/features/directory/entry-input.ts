// The directory's forms as the browser sends them (strings; a blank field is "none"), checked with zod.
// The OpenPGP key is checked afterwards (asynchronously) by the use case, see pgp-key.ts.
import { z } from 'zod';
import { text } from '../../platform/http/validation.js';
import { isCpe23 } from './cpe.js';
import { normaliseHostname } from './hostname.js';
import { DIRECTORY_TYPES, OPERATOR_KINDS, PRODUCT_CATEGORIES } from './product-category.js';
import { checkPurl } from './purl.js';

const blankToNull = (v: unknown) =>
  v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v;
const asList = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);

const name = text(200).pipe(z.string().min(1, { message: 'validation.required' }));
const optional = (max: number) => z.preprocess(blankToNull, text(max).nullable());

/** One address a line (commas and spaces also separate them); the first is the primary one; no repeats. */
export const emailList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : asList(v)),
  z
    .array(
      z
        .email({ message: 'validation.email' })
        .max(254)
        .transform((e) => e.toLowerCase()),
    )
    .min(1, { message: 'directory.validation.emailsRequired' })
    .max(20, { message: 'directory.validation.emailsTooMany' })
    .transform((list) => [...new Set(list)]),
);

export const localeList = z.preprocess(
  asList,
  z.array(z.enum(['ja', 'en'])).min(1, { message: 'directory.validation.languagesRequired' }),
);

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export const calendarDate = z
  .string()
  .trim()
  .refine(
    (s) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (!m) return false;
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.toISOString().slice(0, 10) === s;
    },
    { message: 'directory.validation.date' },
  );

/** The contact window (窓口): what a party may also propose for its own entry. */
export const contactFields = {
  nameJa: name,
  nameEn: name,
  emails: emailList,
  phone: z.preprocess(
    blankToNull,
    text(50)
      .refine((v) => /^[0-9+()\-\s]{5,50}$/.test(v), { message: 'validation.phone' })
      .nullable(),
  ),
  languages: localeList,
  locale: z.enum(['ja', 'en']),
  webUrl: z.preprocess(
    blankToNull,
    z
      .url({ protocol: /^https?$/, message: 'validation.url' })
      .max(500)
      .nullable(),
  ),
  pgpPublicKey: z.preprocess(blankToNull, z.string().max(100_000).nullable()),
};

export const proposalInput = z.object(contactFields);
export type ProposalInput = z.output<typeof proposalInput>;

/** What only the keeper sets: the agreement, notes, and for website operators the kind and the relay. */
export const entryInput = z
  .object({
    ...contactFields,
    ndaSignedOn: z.preprocess(blankToNull, calendarDate.nullable()),
    ndaVersion: optional(100),
    notes: optional(10_000),
    operatorKind: z.preprocess(blankToNull, z.enum(OPERATOR_KINDS).nullable()),
    relayViaOrganizationId: z.preprocess(
      blankToNull,
      z.uuid({ message: 'directory.validation.relay' }).nullable(),
    ),
  })
  .refine((o) => (o.ndaSignedOn === null) === (o.ndaVersion === null), {
    path: ['ndaVersion'],
    message: 'directory.validation.ndaBoth',
  });
export type EntryInput = z.output<typeof entryInput>;

export const newEntryInput = z.intersection(
  z.object({ type: z.enum(DIRECTORY_TYPES, { message: 'directory.validation.type' }) }),
  entryInput,
);
export type NewEntryInput = z.output<typeof newEntryInput>;

export const productInput = z.object({
  nameJa: name,
  nameEn: name,
  purl: z.preprocess(
    blankToNull,
    z
      .string()
      .max(1000)
      .transform((s, c) => {
        const r = checkPurl(s);
        if (!r.ok) {
          c.addIssue({ code: 'custom', message: 'directory.validation.purl' });
          return z.NEVER;
        }
        return r.purl;
      })
      .nullable(),
  ),
  cpe: z.preprocess(
    blankToNull,
    z.string().trim().refine(isCpe23, { message: 'directory.validation.cpe' }).nullable(),
  ),
  category: z.enum(PRODUCT_CATEGORIES, { message: 'directory.validation.category' }),
});
export type ProductInput = z.output<typeof productInput>;

export const domainInput = z.object({
  domain: z
    .string()
    .max(300)
    .transform((s, c) => {
      const d = normaliseHostname(s);
      if (!d) {
        c.addIssue({ code: 'custom', message: 'directory.validation.domain' });
        return z.NEVER;
      }
      return d;
    }),
});

export const rejectInput = z.object({
  reason: text(2000).pipe(z.string().min(1, { message: 'directory.validation.reasonRequired' })),
});

export const groupInput = z.object({
  name: text(200).pipe(z.string().min(1, { message: 'validation.required' })),
  description: optional(2000),
});

export const memberInput = z.object({
  organizationId: z.uuid({ message: 'directory.validation.member' }),
});

export const inviteInput = z.object({
  email: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .email({ message: 'validation.email' })
      .max(254)
      .transform((e) => e.toLowerCase()),
  ),
  locale: z.enum(['ja', 'en']),
});

/** Form values to show again after an error: strings (and lists of strings) only, never the CSRF token. */
export function keepInput(body: unknown): Record<string, string | string[]> {
  const b = (body ?? {}) as Record<string, unknown>;
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(b)) {
    if (k === '_csrf') continue;
    // a private key pasted by mistake is never shown again (nor kept anywhere)
    if (typeof v === 'string' && /PRIVATE KEY/.test(v)) continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}
