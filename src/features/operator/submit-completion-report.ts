// 修正完了報告書 (seed 003 App. 1(3)): what was done (fixed, page deleted, avoided operationally), whether the
// reception body should confirm the fix (only with consent), whom to contact next time, who reports, and the
// survey of cause and damage. The case stays open until the reception body records the outcome; a corrected
// report may follow, and the latest one counts.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { answerCase } from './answer-case.js';
import type { CompletionInput } from './answer-input.js';
import { OPERATOR_EVENTS } from './events.js';
import { mailReception } from './mail.js';
import { answeredBy } from './operator-access.js';

export async function submitCompletionReport(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; report: CompletionInput; ip?: string | null },
): Promise<{ id: string; personalDataLeak: boolean }> {
  const r = input.report;
  return answerCase(ctx, actor, input.reference, async (trx, c) => {
    const now = ctx.clock.now();
    const who = answeredBy(actor);
    const row = await trx
      .insertInto('website_completion_reports')
      .values({
        case_id: c.caseId,
        submitted_at: now,
        via: who.via,
        user_id: who.userId,
        action: r.action,
        what_done: r.whatDone,
        cause_basis: r.causeBasis,
        cause_detail: r.causeDetail,
        cause_other: r.causeOther,
        damage_actual: r.damageActual,
        damage_actual_other: r.damageActualOther,
        damage_potential: r.damagePotential,
        damage_potential_other: r.damagePotentialOther,
        leaked_kinds: r.leakedKinds,
        opinion: r.opinion,
        personal_data_leak: r.personalDataLeak,
        wants_fix_confirmation: r.wantsFixConfirmation,
        fix_confirmation_consent: r.fixConfirmationConsent,
        next_contact: r.nextContact,
        next_contact_email: r.nextContactEmail,
        next_contact_name: r.nextContactName,
        reporter_organization: r.reporterOrganization,
        reporter_department: r.reporterDepartment,
        reporter_name: r.reporterName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('website_cases')
      .set({ acknowledged_at: c.w.acknowledged_at ?? now, updated_at: now })
      .where('case_id', '=', c.caseId)
      .execute();
    // the survey codes are not secret (they feed the published statistics); free texts stay in the row
    const data = {
      via: who.via,
      reportId: row.id,
      action: r.action,
      causeBasis: r.causeBasis,
      causeDetail: r.causeDetail,
      damageActual: r.damageActual,
      damagePotential: r.damagePotential,
      personalDataLeak: r.personalDataLeak,
      wantsFixConfirmation: r.wantsFixConfirmation,
      nextContact: r.nextContact,
    };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.caseId,
      type: OPERATOR_EVENTS.completionReported,
      actorUserId: who.userId,
      at: now,
      data,
    });
    await mailReception(trx, ctx, c, 'completion', who.via, (t) => ({
      action: t(`operator.completion.actions.${r.action}`),
      confirmation: t(r.wantsFixConfirmation ? 'operator.mail.yes' : 'operator.mail.no'),
      leak: t(r.personalDataLeak ? 'operator.mail.yes' : 'operator.mail.no'),
    }));
    await audit(trx, {
      actor,
      action: OPERATOR_EVENTS.completionReported,
      subject: { type: 'case', id: c.caseId },
      ip: input.ip ?? null,
      detail: { reportId: row.id, action: r.action, personalDataLeak: r.personalDataLeak },
    });
    return { id: row.id, personalDataLeak: r.personalDataLeak };
  });
}
