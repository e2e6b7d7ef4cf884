// One entry for the report page's decision forms: each decision goes to its own use case.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { acceptReport } from './accept-report.js';
import type { DecisionForm } from './decision-form.js';
import { declineReport } from './decline-report.js';
import { discontinueReport } from './discontinue-report.js';
import { markDuplicate } from './mark-duplicate.js';
import { reclassifyReport } from './reclassify-report.js';
import { requestInfo } from './request-info.js';
import type { DecisionResult } from './run-decision.js';

export function decide(
  ctx: AppContext,
  actor: Actor,
  trackingNumber: string,
  form: DecisionForm,
  ip: string | null,
): Promise<DecisionResult> {
  const cmd = {
    trackingNumber,
    expectedState: form.expectedState,
    expectedTrack: form.expectedTrack,
    message: form.message,
    ip,
  };
  switch (form.decision) {
    case 'accept':
      return acceptReport(ctx, actor, cmd);
    case 'not_accept':
      return declineReport(ctx, actor, { ...cmd, reason: form.reason });
    case 'request_info':
      return requestInfo(ctx, actor, { ...cmd, question: form.question });
    case 'discontinue':
      return discontinueReport(ctx, actor, { ...cmd, reason: form.discontinueReason });
    case 'reclassify':
      return reclassifyReport(ctx, actor, cmd);
    case 'mark_duplicate':
      return markDuplicate(ctx, actor, { ...cmd, duplicateOf: form.duplicateOf });
  }
}
