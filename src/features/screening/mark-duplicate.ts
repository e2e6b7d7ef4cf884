// 重複: the report describes what another report already does; that one carries on. The finder is told without
// learning anything about the other report (it belongs to another finder).
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { REPORT_EVENTS } from './report-events.js';
import { type DecisionCommand, type DecisionResult, runDecision } from './run-decision.js';

const invalid = (key: string) => new AppError('validation', key, { duplicateOf: [key] });

export async function markDuplicate(
  ctx: AppContext,
  actor: Actor,
  input: DecisionCommand & { duplicateOf: string },
): Promise<DecisionResult> {
  return runDecision(ctx, actor, 'mark_duplicate', input, async (trx, r) => {
    const original = await trx
      .selectFrom('reports')
      .select(['id', 'tracking_number', 'state'])
      .where('tracking_number', '=', input.duplicateOf.trim())
      .forShare()
      .executeTakeFirst();
    if (!original) throw invalid('screening.errors.duplicateNotFound');
    if (original.id === r.id) throw invalid('screening.errors.duplicateOfSelf');
    // pointing at the original, never at another duplicate, keeps the links free of chains and cycles
    if (original.state === 'duplicate') throw invalid('screening.errors.duplicateOfDuplicate');
    return {
      event: REPORT_EVENTS.markedDuplicate,
      decided: true,
      set: { duplicate_of_report_id: original.id },
      data: { duplicateOf: original.id, duplicateOfTrackingNumber: original.tracking_number },
    };
  });
}
