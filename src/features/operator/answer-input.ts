// What an operator's answers may contain (forms and use cases share these): the investigation result, "not a
// vulnerability" with its reason, the completion report (修正完了報告書, seed 003 App. 1(3)) with its survey, and the
// leak publication draft. Messages are catalog keys, worded in the reader's language by parseInput.
import { z } from 'zod';
import {
  CAUSE_BASIS,
  CAUSE_DETAIL,
  DAMAGE_ACTUAL,
  DAMAGE_POTENTIAL,
  type FixAction,
} from '../../platform/db/schema/website.js';
import { text } from '../../platform/http/validation.js';
import { FIX_ACTIONS } from '../website/website-rules.js';

export const ANSWER_TEXT_MAX = 20_000;
export const SHORT_TEXT_MAX = 2_000;
export const INVESTIGATION_FINDINGS = ['vulnerable', 'not_reproduced', 'investigating'] as const;

const orEmpty = (v: unknown) => (v === undefined || v === null ? '' : v);
/** A required free text: missing or blank is the given message. */
const required = (max: number, message: string) => z.preprocess(orEmpty, text(max).min(1, message));
/** An optional free text: blank is null. */
const optional = (max: number) => z.preprocess(orEmpty, text(max)).transform((s) => (s === '' ? null : s));
/** Checkboxes sharing a name arrive as nothing, one string or several. */
const choices = <V extends string>(values: readonly V[]) =>
  z
    .preprocess(
      (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(values as [V, ...V[]])),
    )
    .transform((a): V[] => [...new Set(a)]);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const investigationForm = z.object({
  finding: z.enum(INVESTIGATION_FINDINGS, { error: 'operator.errors.findingRequired' }),
  body: required(ANSWER_TEXT_MAX, 'operator.errors.bodyRequired'),
});
export type InvestigationInput = z.output<typeof investigationForm>;

export const notVulnerabilityForm = z.object({
  reason: required(ANSWER_TEXT_MAX, 'operator.errors.reasonRequired'),
});
export type NotVulnerabilityInput = z.output<typeof notVulnerabilityForm>;

export const completionForm = z
  .object({
    action: z.enum(FIX_ACTIONS, { error: 'operator.errors.actionRequired' }),
    whatDone: required(ANSWER_TEXT_MAX, 'operator.errors.whatDoneRequired'),
    causeBasis: choices(CAUSE_BASIS),
    causeDetail: choices(CAUSE_DETAIL),
    causeOther: optional(SHORT_TEXT_MAX),
    damageActual: choices(DAMAGE_ACTUAL),
    damageActualOther: optional(SHORT_TEXT_MAX),
    damagePotential: choices(DAMAGE_POTENTIAL),
    damagePotentialOther: optional(SHORT_TEXT_MAX),
    leakedKinds: optional(SHORT_TEXT_MAX),
    opinion: optional(4_000),
    wantsConfirmation: checkbox,
    consent: checkbox,
    nextContact: z.enum(['this_address', 'reception_desk'], { error: 'operator.errors.nextContactRequired' }),
    nextEmail: optional(254).refine((s) => s === null || (s.length >= 3 && EMAIL.test(s)), {
      message: 'operator.errors.email',
    }),
    nextName: optional(200),
    reporterOrganization: required(300, 'operator.errors.reporterRequired'),
    reporterDepartment: optional(300),
    reporterName: required(200, 'operator.errors.reporterRequired'),
  })
  // run with the field errors too, so one submission shows every problem (the values may then be partial)
  .superRefine(
    (parsed, ctx) => {
      const f = parsed as Partial<typeof parsed>;
      const list = (v: unknown): string[] => (Array.isArray(v) ? v : []);
      const issue = (path: string, message: string) =>
        ctx.addIssue({ code: 'custom', path: [path], message });
      const basis = list(f.causeBasis);
      const detail = list(f.causeDetail);
      const actual = list(f.damageActual);
      if (basis.length === 0) issue('causeBasis', 'operator.errors.chooseOne');
      if (detail.length === 0) issue('causeDetail', 'operator.errors.chooseOne');
      if (actual.length === 0) issue('damageActual', 'operator.errors.chooseOne');
      if ((basis.includes('other') || detail.includes('other')) && !f.causeOther)
        issue('causeOther', 'operator.errors.otherRequired');
      if (actual.includes('other') && !f.damageActualOther)
        issue('damageActualOther', 'operator.errors.otherRequired');
      if (list(f.damagePotential).includes('other') && !f.damagePotentialOther)
        issue('damagePotentialOther', 'operator.errors.otherRequired');
      if (actual.includes('none') && actual.length > 1)
        issue('damageActual', 'operator.errors.noneExclusive');
      if (actual.includes('personal_data_leak') && !f.leakedKinds)
        issue('leakedKinds', 'operator.errors.leakedKindsRequired');
      if (f.wantsConfirmation && !f.consent) issue('consent', 'operator.errors.consentRequired');
      if (f.nextContact === 'this_address' && !f.nextEmail)
        issue('nextEmail', 'operator.errors.nextEmailRequired');
    },
    { when: () => true },
  )
  .transform((f) => ({
    action: f.action as FixAction,
    whatDone: f.whatDone,
    causeBasis: f.causeBasis,
    causeDetail: f.causeDetail,
    // an "other" text is kept only with its "other" choice, so the statistics never count a stray sentence
    causeOther: f.causeBasis.includes('other') || f.causeDetail.includes('other') ? f.causeOther : null,
    damageActual: f.damageActual,
    damageActualOther: f.damageActual.includes('other') ? f.damageActualOther : null,
    damagePotential: f.damagePotential,
    damagePotentialOther: f.damagePotential.includes('other') ? f.damagePotentialOther : null,
    leakedKinds: f.leakedKinds,
    opinion: f.opinion,
    /** Q2(ア) b: personal information leaked — the leak publication helper opens on this */
    personalDataLeak: f.damageActual.includes('personal_data_leak'),
    wantsFixConfirmation: f.wantsConfirmation,
    fixConfirmationConsent: f.wantsConfirmation && f.consent,
    nextContact: f.nextContact,
    nextContactEmail: f.nextContact === 'this_address' ? f.nextEmail : null,
    nextContactName: f.nextContact === 'this_address' ? f.nextName : null,
    reporterOrganization: f.reporterOrganization,
    reporterDepartment: f.reporterDepartment,
    reporterName: f.reporterName,
  }));
export type CompletionInput = z.output<typeof completionForm>;

const httpUrl = optional(SHORT_TEXT_MAX).refine((s) => s === null || /^https?:\/\/[^\s/]+\S*$/i.test(s), {
  message: 'operator.errors.url',
});

export const leakForm = z.object({
  overview: optional(ANSWER_TEXT_MAX),
  period: optional(1_000),
  peopleCount: optional(200),
  dataKinds: optional(4_000),
  cause: optional(ANSWER_TEXT_MAX),
  contact: optional(SHORT_TEXT_MAX),
  publishedUrl: httpUrl,
});
export type LeakInput = z.output<typeof leakForm>;

/** The raw fields of a form, kept to fill it in again after an error (strings, or lists for checkboxes). */
export type FormValues = Record<string, string | string[]>;

export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}
