// The reception body's report page: status and assignment, the report as submitted (finder identity included),
// consents, attachments, the checklist with candidate duplicates, the decisions, the thread and the history.
import type { FieldErrors } from '../../../platform/errors.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import {
  AttachmentsSection,
  ConsentsSection,
  FinderSection,
  ReportDetailsSection,
} from '../../cases/views/report-brief-view.js';
import type { ReportPageModel } from '../show-report.js';
import { ChecklistSection } from './checklist-section.js';
import { DecisionsSection, type FailedDecision } from './decisions-section.js';
import { reportPath } from './paths.js';
import { StatusSection } from './status-section.js';
import { MessagesSection, TimelineSection } from './thread-section.js';

export type ReportPageProblems = {
  decision?: FailedDecision;
  message?: { errors: FieldErrors; draft: string };
  /** errors of the assignment or checklist forms, shown at the top */
  other?: string[];
};

export function ReportPage({
  v,
  m,
  notice,
  problems,
}: {
  v: ViewContext;
  m: ReportPageModel;
  notice?: string | undefined;
  problems?: ReportPageProblems | undefined;
}) {
  const { t } = v;
  const title = t('screening.report.title', { trackingNumber: m.brief.trackingNumber });
  const base = reportPath(m.brief.trackingNumber);
  const failed = problemLinks(problems);
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {failed.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>{t('form.errorSummary')}</h2>
          <ul>
            {failed.map((p, i) => (
              <li key={i}>
                <a href={p.href}>{p.message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <StatusSection v={v} m={m} />
      <ReportDetailsSection v={v} brief={m.brief} />
      {m.pgp !== 'none' && (
        <p class="notice">
          {t(m.pgp === 'decrypted' ? 'screening.report.decrypted' : 'screening.report.encrypted')}
        </p>
      )}
      <FinderSection v={v} finder={m.brief.finder} />
      <ConsentsSection v={v} brief={m.brief} />
      <AttachmentsSection v={v} brief={m.brief} href={(id) => `${base}/attachments/${id}`} />
      <ChecklistSection v={v} m={m} />
      <DecisionsSection v={v} m={m} failed={problems?.decision} />
      <MessagesSection v={v} m={m} errors={problems?.message?.errors} draft={problems?.message?.draft} />
      <TimelineSection v={v} m={m} />
    </Layout>
  );
}

/** Each problem with a link to the field it is about (WCAG 3.3.1); field ids follow the forms' naming. */
function problemLinks(problems: ReportPageProblems | undefined): { href: string; message: string }[] {
  const out: { href: string; message: string }[] = [];
  const d = problems?.decision;
  for (const [field, list] of Object.entries(d?.errors ?? {})) {
    const id = ['message', 'reason', 'question'].includes(field)
      ? `${d?.decision}-${field}`
      : field === '_'
        ? 'decisions'
        : field;
    for (const message of list) out.push({ href: `#${id}`, message });
  }
  for (const list of Object.values(problems?.message?.errors ?? {})) {
    for (const message of list) out.push({ href: '#message-text', message });
  }
  for (const message of problems?.other ?? []) out.push({ href: '#assignment', message });
  return out;
}
