// A decision as posted from the report page: which decision, the state and track the page showed (to detect a
// stale form), the message to the finder as edited, and what the decision needs besides.
import { z } from 'zod';
import { text } from '../../platform/http/validation.js';
import { DISCONTINUE_REASONS, REPORT_STATES } from '../intake/report-states.js';

export const FORM_DECISIONS = [
  'accept',
  'not_accept',
  'request_info',
  'discontinue',
  'reclassify',
  'mark_duplicate',
] as const;
export type FormDecision = (typeof FORM_DECISIONS)[number];

/** A required text field: missing and blank are both "please fill this in". */
export const required = (max: number) =>
  z.preprocess((v) => v ?? '', text(max).pipe(z.string().min(1, { message: 'validation.required' })));

const common = {
  expectedState: z.enum(REPORT_STATES),
  expectedTrack: z.enum(['software', 'website']),
  message: required(20_000),
};

export const decisionForm = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), ...common }),
  z.object({ decision: z.literal('not_accept'), ...common, reason: required(5_000) }),
  z.object({ decision: z.literal('request_info'), ...common, question: required(5_000) }),
  z.object({
    decision: z.literal('discontinue'),
    ...common,
    discontinueReason: z.enum(DISCONTINUE_REASONS, { message: 'validation.required' }),
  }),
  z.object({ decision: z.literal('reclassify'), ...common }),
  z.object({ decision: z.literal('mark_duplicate'), ...common, duplicateOf: required(100) }),
]);
export type DecisionForm = z.output<typeof decisionForm>;

/** The decision named in a posted body, for showing errors next to the right form. */
export function postedDecision(body: unknown): FormDecision | null {
  const d = (body as Record<string, unknown> | null)?.decision;
  return FORM_DECISIONS.find((x) => x === d) ?? null;
}
