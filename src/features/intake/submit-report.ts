// 届出: a finder (or a developer about its own product) submits a report. Everything that identifies the finder
// or describes the vulnerability is sealed before it reaches the database; the receipt is a tracking number and
// a secret follow-up link; a receipt mail goes out when an address was given — all in one transaction.
import { createHash, randomUUID } from 'node:crypto';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { AppError, type FieldErrors } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { allocateId } from '../../platform/ids.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { safeFilename, sniffAttachment } from './attachment-type.js';
import { checkEncryptedDescription, isArmoredMessage } from './reception-key.js';
import type { ReportBody, ReportInput } from './report-input.js';
import {
  sealAttachment,
  sealBody,
  sealFilename,
  sealIdentity,
  similarityText,
  similarityVector,
} from './report-sealing.js';

export type IncomingAttachment = { filename: string; data: Buffer };

export type SubmittedReport = {
  reportId: string;
  trackingNumber: string;
  /** shown once to the finder; only its hash is kept */
  followUpToken: string;
};

export function followUpUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/reports/follow-up/${token}`;
}

function bodyOf(input: ReportInput, source: Source): ReportBody {
  const { finder: _f, consent, attestLawful: _a, locale: _l, ...rest } = input;
  // a countermeasure is what a developer reports about its own product; from anyone else it is not asked for
  if (rest.track === 'software' && source !== 'developer_self') delete rest.countermeasure;
  return {
    ...rest,
    ...(consent.creditName ? { creditName: consent.creditName } : {}),
    ...(isArmoredMessage(input.description) ? { encryptedDescription: true } : {}),
  } as ReportBody;
}

/** Checks attachments against the configured limits and their names against their bytes. */
async function checkAttachments(
  ctx: AppContext,
  files: IncomingAttachment[],
): Promise<{ file: IncomingAttachment; detectedType: string }[]> {
  const limits = ctx.config.intake;
  const errors: string[] = [];
  if (files.length > limits.reportAttachmentsMaxFiles) errors.push('validation.attachmentCount');
  const total = files.reduce((n, f) => n + f.data.length, 0);
  if (total > limits.reportAttachmentsMaxBytes) errors.push('validation.attachmentsTotal');
  const checked: { file: IncomingAttachment; detectedType: string }[] = [];
  for (const given of files) {
    // a name is kept without any path a browser sent along (C:\fakepath\…), control characters or excess length
    const file = { filename: safeFilename(given.filename), data: given.data };
    if (file.data.length > limits.attachmentMaxBytes) {
      errors.push('validation.attachmentSize');
      continue;
    }
    const sniff = await sniffAttachment(file.filename, file.data);
    if (!sniff.ok) {
      errors.push('validation.attachmentType');
      continue;
    }
    checked.push({ file, detectedType: sniff.detectedType });
  }
  if (errors.length) {
    const fields: FieldErrors = { attachments: [...new Set(errors)] };
    throw new AppError(
      errors.includes('validation.attachmentsTotal') || errors.includes('validation.attachmentSize')
        ? 'too_large'
        : 'validation',
      'errors.validation',
      fields,
    );
  }
  return checked;
}

type Source = 'form' | 'api' | 'developer_self';

export async function submitReport(
  ctx: AppContext,
  actor: Actor,
  input: ReportInput,
  opts: { source: Source; attachments?: IncomingAttachment[]; ip?: string | null },
): Promise<SubmittedReport> {
  if (opts.source === 'developer_self') {
    authorize(actor, 'report.submit-own-product', {
      organizationId: actor.kind === 'user' ? actor.organizationId : null,
    });
  } else {
    authorize(actor, 'report.submit');
  }
  // an encrypted description is kept as sent, once we know the reception body can open it
  if (isArmoredMessage(input.description)) await checkEncryptedDescription(ctx, input.description);
  const attachments = await checkAttachments(ctx, opts.attachments ?? []);
  const reportId = randomUUID();
  const followUpToken = randomToken();
  const body = bodyOf(input, opts.source);
  const now = ctx.clock.now();
  const box = ctx.secrets;
  const contactable = Boolean(input.finder.email || input.finder.phone);

  // Sealing (AES-GCM over up to 50 MB) happens before the transaction: inside it, the tracking-number counter
  // row and the audit chain are locked until commit, so every millisecond there is one all submitters wait for.
  const sealed = {
    identity: sealIdentity(box, reportId, input.finder),
    body: sealBody(box, reportId, body),
    similarity: similarityVector(box, similarityText(body)),
  };
  const sealedAttachments = attachments.map(({ file, detectedType }) => {
    const id = randomUUID();
    return {
      id,
      report_id: reportId,
      filename_enc: sealFilename(box, id, file.filename),
      detected_type: detectedType,
      size_bytes: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      content_enc: sealAttachment(box, id, file.data),
      created_at: now,
    };
  });

  return ctx.db.transaction().execute(async (trx) => {
    const trackingNumber = await allocateId(trx, ctx.config.intake.trackingPattern, now);
    await trx
      .insertInto('reports')
      .values({
        id: reportId,
        tracking_number: trackingNumber,
        track: input.track,
        source: opts.source,
        locale: input.locale,
        submitted_at: now,
        finder_user_id: actor.kind === 'user' && actor.role === 'finder' ? actor.userId : null,
        reporter_organization_id:
          opts.source === 'developer_self' && actor.kind === 'user' ? actor.organizationId : null,
        finder_identity_enc: sealed.identity,
        finder_contactable: contactable,
        consent_identity_to_coordinator: input.consent.identityToCoordinator,
        consent_identity_to_vendor: input.consent.identityToVendor,
        consent_direct_contact: input.consent.directContact,
        consent_public_credit: input.consent.publicCredit,
        body_enc: sealed.body,
        website_vuln_type: input.track === 'website' ? input.vulnerabilityType : null,
        similarity_tokens: sealed.similarity,
        follow_up_token_hash: sha256Hex(followUpToken),
      })
      .execute();
    for (const row of sealedAttachments) {
      await trx.insertInto('report_attachments').values(row).execute();
    }
    await appendEvent(trx, {
      streamType: 'report',
      streamId: reportId,
      type: 'report.submitted',
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      at: now,
      data: { track: input.track, source: opts.source, attachments: attachments.length, contactable },
    });
    await audit(trx, {
      actor,
      action: 'report.submitted',
      subject: { type: 'report', id: reportId },
      ip: opts.ip ?? null,
      detail: { trackingNumber, track: input.track, source: opts.source },
    });
    if (input.finder.email) {
      await enqueueMail(trx, ctx.jobs, {
        to: input.finder.email,
        locale: input.locale,
        template: 'intake.mail.receipt',
        vars: { trackingNumber, followUpUrl: followUpUrl(ctx.config.publicUrl, followUpToken) },
        related: { type: 'report', id: reportId },
        restrictedTo: 'reception_body',
      });
    }
    return { reportId, trackingNumber, followUpToken };
  });
}
