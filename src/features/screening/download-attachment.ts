// An attachment of a report, downloaded by the reception body: opened only for this, every download audited.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { DownloadedFile } from '../cases/download-case-attachment.js';
import { openAttachment, openFilename } from '../intake/report-sealing.js';
import { REPORT_READS } from './report-events.js';
import { findReport } from './report-queries.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function downloadAttachment(
  ctx: AppContext,
  actor: Actor,
  input: { trackingNumber: string; attachmentId: string; ip?: string | null },
): Promise<DownloadedFile> {
  authorize(actor, 'report.read');
  const r = await findReport(ctx.db, input.trackingNumber);
  if (!UUID.test(input.attachmentId)) throw notFound();
  const a = await ctx.db
    .selectFrom('report_attachments')
    .select(['id', 'filename_enc', 'content_enc', 'sha256'])
    .where('id', '=', input.attachmentId)
    .where('report_id', '=', r.id)
    .executeTakeFirst();
  if (!a) throw notFound();
  await audit(ctx.db, {
    actor,
    action: REPORT_READS.attachmentDownloaded,
    subject: { type: 'report', id: r.id },
    ip: input.ip ?? null,
    detail: { trackingNumber: r.tracking_number, attachmentId: a.id, sha256: a.sha256 },
  });
  return {
    filename: openFilename(ctx.secrets, a.id, a.filename_enc),
    data: openAttachment(ctx.secrets, a.id, a.content_enc),
  };
}
