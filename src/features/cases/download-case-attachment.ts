// A report attachment downloaded from a case page: verification and attack methods are need-to-know for whoever
// works the case (the coordinator for a product case), and every download is on the audit trail.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { openAttachment, openFilename } from '../intake/report-sealing.js';
import { findReadableCase } from './show-case.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type DownloadedFile = { filename: string; data: Buffer };

export async function downloadCaseAttachment(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; attachmentId: string; ip: string | null },
): Promise<DownloadedFile> {
  const { row } = await findReadableCase(ctx, actor, input.reference);
  if (!row.report_id || !UUID.test(input.attachmentId)) throw notFound();
  const a = await ctx.db
    .selectFrom('report_attachments')
    .select(['id', 'filename_enc', 'content_enc', 'sha256'])
    .where('id', '=', input.attachmentId)
    .where('report_id', '=', row.report_id)
    .executeTakeFirst();
  if (!a) throw notFound();
  await audit(ctx.db, {
    actor,
    action: 'case.attachment_downloaded',
    subject: { type: 'case', id: row.id },
    ip: input.ip,
    detail: { reference: row.reference, attachmentId: a.id, sha256: a.sha256 },
  });
  return {
    filename: openFilename(ctx.secrets, a.id, a.filename_enc),
    data: openAttachment(ctx.secrets, a.id, a.content_enc),
  };
}
