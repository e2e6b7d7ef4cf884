// A form of the case page that came back with errors: which form, its field errors (keyed by field name) and what
// was typed, so the page shows it again. Each form's controls have ids with a prefix, so the page's one error
// summary links to the right control.
import type { FieldErrors } from '../../../platform/errors.js';

export type FormProblem = { errors: FieldErrors; values: Record<string, string> };

export type CaseProblems = {
  status?: FormProblem & { ordinal: number };
  schedule?: FormProblem;
  message?: FormProblem;
  suggestion?: FormProblem;
};

export const idPrefix = {
  status: (ordinal: number) => `v${ordinal}-`,
  schedule: 'schedule-',
  message: 'message-',
  suggestion: 'suggestion-',
};

/** The errors of every form, keyed by the id of the control they belong to. */
export function summaryOf(p: CaseProblems | undefined): FieldErrors {
  if (!p) return {};
  const out: FieldErrors = {};
  const add = (prefix: string, errors: FieldErrors) => {
    for (const [k, list] of Object.entries(errors)) out[k === '_' ? '_' : `${prefix}${k}`] = list;
  };
  if (p.status) add(idPrefix.status(p.status.ordinal), p.status.errors);
  if (p.schedule) add(idPrefix.schedule, p.schedule.errors);
  if (p.message) add(idPrefix.message, p.message.errors);
  if (p.suggestion) add(idPrefix.suggestion, p.suggestion.errors);
  return out;
}
