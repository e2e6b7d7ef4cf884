// The finder's page for one report, reached by the secret follow-up link or from "My reports": status, history,
// what happened after acceptance, the report as sent, attachments, the messages with the reception body and a form to write to it.

import { formatInstant } from '../../../domain/time.js';
import { CsrfField, ErrorSummary, type Errors, TextArea } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { FinderReportView } from '../finder-report-view.js';
import { FINDER_MESSAGE_MAX } from '../send-finder-message.js';
import { ProgressSection } from './case-progress.js';
import { AttachmentList, ReportText, StatusSection, Timeline } from './report-details.js';

export type FollowUpPageProps = {
  v: ViewContext;
  report: FinderReportView;
  /** where the message form posts; where the rotate form posts (follow-up links only) */
  actions: { message: string; rotate?: string };
  notice?: 'sent' | 'rotated' | undefined;
  /** the page's own address, shown after the link was replaced */
  ownUrl?: string;
  message?: string;
  errors?: Errors;
};

function Messages({ v, report }: { v: ViewContext; report: FinderReportView }) {
  const { t } = v;
  if (report.messages.length === 0) return <p>{t('intake.followUp.noMessages')}</p>;
  return (
    <ol class="messages">
      {report.messages.map((m) => (
        <li key={m.id}>
          <article aria-label={t(m.fromFinder ? 'intake.followUp.fromYou' : 'intake.followUp.fromReception')}>
            <p>
              <strong>{t(m.fromFinder ? 'intake.followUp.fromYou' : 'intake.followUp.fromReception')}</strong>{' '}
              <time dateTime={m.at.toISOString()}>{formatInstant(m.at, v)}</time>
            </p>
            <pre class="mail">{m.text}</pre>
          </article>
        </li>
      ))}
    </ol>
  );
}

export function FollowUpPage({ v, report, actions, notice, ownUrl, message, errors }: FollowUpPageProps) {
  const { t } = v;
  const title = t('intake.followUp.title', { trackingNumber: report.trackingNumber });
  const awaiting = report.state === 'awaiting_finder';
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      {notice === 'rotated' && ownUrl && (
        <div class="notice" role="status">
          <p>{t('intake.followUp.rotated')}</p>
          <p class="secret">{ownUrl}</p>
        </div>
      )}
      {notice === 'sent' && (
        <p class="notice" role="status">
          {t('intake.followUp.sent')}
        </p>
      )}
      <p class="hint">{t('intake.followUp.identityNote')}</p>
      <StatusSection v={v} report={report} />
      <Timeline v={v} report={report} />
      <ProgressSection v={v} steps={report.progress} />
      <section aria-labelledby="messages">
        <h2 id="messages">{t('intake.followUp.messages')}</h2>
        <Messages v={v} report={report} />
        <h3 id="send">{t('intake.followUp.sendTitle')}</h3>
        <ErrorSummary v={v} errors={errors} />
        <form method="post" action={actions.message} aria-labelledby="send">
          <CsrfField v={v} />
          <TextArea
            name="message"
            label={t('intake.followUp.messageLabel')}
            value={message}
            hint={[
              awaiting ? t('intake.followUp.replyHint') : '',
              t('intake.followUp.messageHint', { max: FINDER_MESSAGE_MAX.toLocaleString(v.locale) }),
            ]
              .filter(Boolean)
              .join(' ')}
            required
            errors={errors}
          />
          <button type="submit">{t('intake.followUp.send')}</button>
        </form>
      </section>
      <ReportText v={v} report={report} />
      <AttachmentList v={v} report={report} />
      {actions.rotate && (
        <section aria-labelledby="rotate">
          <h2 id="rotate">{t('intake.followUp.rotateTitle')}</h2>
          <p>{t('intake.followUp.rotateText')}</p>
          <form method="post" action={actions.rotate}>
            <CsrfField v={v} />
            <button type="submit" class="secondary">
              {t('intake.followUp.rotate')}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}
