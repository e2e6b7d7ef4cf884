// /portal/cases/:reference — one case as the developer's organization may see it: summary and acknowledgement,
// vulnerabilities with its own status forms and the statements others shared, the schedule, the report as the
// developer audience may read it, its thread with the coordinator, and suggestions of other developers.
import { CsrfField, ErrorSummary } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { FinderSection, ReportDetailsSection } from '../../cases/views/report-brief-view.js';
import type { PortalCase } from '../show-my-case.js';
import { at } from './moments.js';
import { portalCasePath } from './paths.js';
import { type CaseProblems, summaryOf } from './problems.js';
import { ScheduleSection } from './schedule-section.js';
import { SuggestionsSection, ThreadSection } from './thread-section.js';
import { VulnerabilitiesSection } from './vulnerabilities-section.js';

function Acknowledgement({ v, c }: { v: ViewContext; c: PortalCase }) {
  const { t } = v;
  if (c.acknowledgedAt) return <p>{t('portal.case.acknowledgedOn', { at: at(v, c.acknowledgedAt) })}</p>;
  if (c.ended) return null;
  return (
    <form method="post" action={`${portalCasePath(c.reference)}/acknowledge`}>
      <CsrfField v={v} />
      <h3>{t('portal.case.acknowledgeHeading')}</h3>
      <p class="hint" id="acknowledge-hint">
        {t('portal.case.acknowledgeHint')}
      </p>
      <button type="submit" aria-describedby="acknowledge-hint">
        {t('portal.case.acknowledge')}
      </button>
    </form>
  );
}

export function PortalCasePage({
  v,
  c,
  notice,
  problems,
}: {
  v: ViewContext;
  c: PortalCase;
  notice?: string | undefined;
  problems?: CaseProblems | undefined;
}) {
  const { t } = v;
  const title = t('portal.case.title', { reference: c.reference });
  return (
    <Layout v={v} title={title}>
      <p>
        <a href="/portal">{t('portal.title')}</a>
      </p>
      <h1>{title}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary v={v} errors={summaryOf(problems)} />
      {c.ended && <p class="notice">{t('portal.case.ended')}</p>}
      <section aria-labelledby="summary">
        <h2 id="summary">{t('portal.case.summary')}</h2>
        <dl>
          <dt>{t('portal.case.organization')}</dt>
          <dd>{v.locale === 'ja' ? c.organization.ja : c.organization.en}</dd>
          <dt>{t('portal.case.notified')}</dt>
          <dd>{at(v, c.notifiedAt)}</dd>
          <dt>{t('portal.case.acknowledged')}</dt>
          <dd>{c.acknowledgedAt ? at(v, c.acknowledgedAt) : t('portal.case.notAcknowledged')}</dd>
        </dl>
        <Acknowledgement v={v} c={c} />
      </section>
      <p>
        <a href={`${portalCasePath(c.reference)}/advisory`}>{t('advisories.prerelease.link')}</a>
      </p>
      <VulnerabilitiesSection v={v} c={c} problem={problems?.status} />
      <ScheduleSection v={v} c={c} problem={problems?.schedule} />
      {c.brief && (
        <>
          <ReportDetailsSection v={v} brief={c.brief} />
          <p class="hint">{t('portal.case.attachmentsNote')}</p>
          <FinderSection v={v} finder={c.brief.finder} />
          <p class="hint">{t('portal.case.finderNote')}</p>
        </>
      )}
      <ThreadSection v={v} c={c} problem={problems?.message} />
      <SuggestionsSection v={v} c={c} problem={problems?.suggestion} />
    </Layout>
  );
}
