// Reporting status back to the overseas CSIRT that handed the case over: a bilingual summary of the parties
// and their statuses per vulnerability, and the schedule — never anything about the finder, never statements.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Locale } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { translator } from '../../platform/i18n/i18n.js';
import { checkMailKey } from '../../platform/mail/encrypt.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { getContactWindow } from '../directory/contact-window.js';
import { userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';
import { mailMoment } from './moment.js';
import { partiesOf, statusesOf, vulnerabilitiesOf } from './queries.js';

export async function reportStatusToCsirt(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null },
): Promise<{ mailed: number }> {
  return withProductCase(
    ctx,
    actor,
    input.reference,
    async (trx, c, coordination, now) => {
      if (!coordination.csirt_organization_id)
        throw new AppError('conflict', 'coordination.errors.notCsirtCase');
      const w = await getContactWindow(trx, coordination.csirt_organization_id);
      if (!w || w.emails.length === 0) {
        throw new AppError('validation', 'errors.validation', { csirt: ['coordination.errors.noAddress'] });
      }
      // a key that expired or was revoked since it was registered: say so, rather than fail on encryption
      if (w.pgpPublicKey && !(await checkMailKey(w.pgpPublicKey)).ok) {
        throw new AppError('validation', 'errors.validation', { csirt: ['coordination.errors.keyUnusable'] });
      }
      const parties = await partiesOf(trx, c.id);
      const vulns = await vulnerabilitiesOf(trx, ctx.secrets, c.id);
      const statuses = await statusesOf(trx, ctx.secrets, c.id);
      const summary = (locale: Locale) => {
        const t = translator(locale);
        const lines: string[] = [];
        for (const p of parties) {
          lines.push(`- ${locale === 'ja' ? p.nameJa : p.nameEn}`);
          for (const v of vulns) {
            const s =
              statuses.find((x) => x.partyId === p.id && x.vulnerabilityId === v.id)?.status ?? 'unknown';
            lines.push(
              `  ${c.reference}.${v.ordinal} ${v.cveId ?? ''} ${t(`coordination.statuses.${s}`)}`.trimEnd(),
            );
          }
        }
        return lines.join('\n') || t('coordination.workspace.none');
      };
      const schedule = (locale: Locale) =>
        coordination.agreed_publication_at
          ? mailMoment(coordination.agreed_publication_at, locale)
          : translator(locale)('coordination.workspace.notAgreed');
      for (const to of w.emails) {
        await enqueueMail(trx, ctx.jobs, {
          to,
          locale: w.locale,
          template: 'coordination.mail.csirtStatus',
          vars: {
            reference: c.reference,
            csirtReference: coordination.csirt_reference ?? '',
            summary: summary(w.locale),
            schedule: schedule(w.locale),
          },
          related: { type: 'case', id: c.id },
          encryptTo: w.pgpPublicKey,
        });
      }
      const userId = userIdOf(actor);
      const data = { csirtOrganizationId: coordination.csirt_organization_id, mails: w.emails.length };
      await appendEvent(trx, {
        streamType: 'case',
        streamId: c.id,
        type: COORDINATION_EVENTS.csirtStatusReported,
        actorUserId: userId,
        at: now,
        data,
      });
      await audit(trx, {
        actor,
        action: COORDINATION_EVENTS.csirtStatusReported,
        subject: { type: 'case', id: c.id },
        ip: input.ip ?? null,
        detail: data,
      });
      return { mailed: w.emails.length };
    },
    { allowEnded: true },
  );
}
