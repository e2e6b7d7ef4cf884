// The reception body's page of one website case: summary, targets, contact and discovery, notices and attempts,
// the operator's answers, the outcome (or the forms to record it and to move the case), and the history.
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { ClassificationView } from '../../cases/classify-case.js';
import { CLASSIFICATION_FORM, ClassificationSection } from '../../cases/views/classification-section.js';
import { casePath } from '../../cases/views/format.js';
import type { HistoryEntry, WebsiteCaseView } from '../show-website-case.js';
import { ClockSection, OutcomeSection } from './close-section.js';
import { ContactSection } from './contact-section.js';
import { NoticeSection } from './notice-section.js';
import { OperatorSection } from './operator-section.js';
import { type Problems, When } from './parts.js';
import { LONG_RUNNING_PATH, websiteCasePath } from './paths.js';

function eventText(v: ViewContext, e: HistoryEntry): string {
  const key = `website.history.events.${e.type.replace(/\./g, '_')}`;
  const label = v.t(key);
  const text = label === key ? e.type : label;
  const d = e.data;
  const extra: string[] = [];
  if (typeof d.kind === 'string') extra.push(v.t(`website.notices.kinds.${d.kind}`));
  if (typeof d.outcome === 'string' && e.type === 'website.discovery_ran') extra.push(d.outcome);
  else if (typeof d.outcome === 'string') extra.push(v.t(`website.outcomes.${d.outcome}`));
  if (typeof d.reminderKey === 'string') extra.push(d.reminderKey);
  if (typeof d.byReference === 'string') extra.push(`→ ${d.byReference}`);
  return extra.length ? `${text}: ${extra.join(', ')}` : text;
}

export function WebsiteCasePage({
  v,
  m,
  now,
  notice,
  problems,
  classification,
}: {
  v: ViewContext;
  m: WebsiteCaseView;
  now: Date;
  notice?: string | undefined;
  problems?: Problems | undefined;
  /** the statistics classification form (統計用の分類), when the viewer may classify the case */
  classification?: ClassificationView | undefined;
}) {
  const { t } = v;
  const d = m.brief.details;
  const title = t('website.case.title', { reference: m.reference });
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {m.supersededBy && <p class="notice">{t('website.case.moved', { reference: m.supersededBy })}</p>}
      {!m.supersededBy && !m.workable && <p class="notice">{t('website.case.readOnly')}</p>}
      <section aria-labelledby="summary">
        <h2 id="summary">{t('website.case.summary')}</h2>
        <dl>
          <dt>{t('website.case.siteUrl')}</dt>
          <dd>
            <code>{d.siteUrl}</code>
          </dd>
          {d.siteName && (
            <>
              <dt>{t('website.case.siteName')}</dt>
              <dd>{d.siteName}</dd>
            </>
          )}
          <dt>{t('website.case.vulnerabilityType')}</dt>
          <dd>{t(`intake.types.${d.vulnerabilityType}`)}</dd>
          <dt>{t('website.case.stage')}</dt>
          <dd>{t(`website.stages.${m.w?.stage ?? 'identifying'}`)}</dd>
        </dl>
        <ul>
          <li>
            <a href={casePath(m.reference)}>{t('website.case.genericPage')}</a>
          </li>
          <li>
            <a href={LONG_RUNNING_PATH}>{t('website.longRunning.title')}</a>
          </li>
        </ul>
      </section>
      <ClockSection v={v} m={m} now={now} />
      <ContactSection v={v} m={m} problems={problems} />
      <NoticeSection v={v} m={m} problems={problems} />
      <OperatorSection v={v} m={m} problems={problems} />
      <OutcomeSection v={v} m={m} problems={problems} />
      {classification && (
        <ClassificationSection
          v={v}
          action={`${websiteCasePath(m.reference)}/classification`}
          view={classification}
          errors={problems?.form === CLASSIFICATION_FORM ? problems.errors : undefined}
          values={problems?.form === CLASSIFICATION_FORM ? problems.values : undefined}
          summary
        />
      )}
      <section aria-labelledby="history">
        <h2 id="history">{t('website.history.heading')}</h2>
        <div class="table-wrap">
          <table>
            <caption>{t('website.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('website.history.at')}</th>
                <th scope="col">{t('website.history.event')}</th>
                <th scope="col">{t('website.history.who')}</th>
              </tr>
            </thead>
            <tbody>
              {m.history.map((e, i) => (
                <tr key={i}>
                  <td>
                    <When v={v} at={e.at} />
                  </td>
                  <td>{eventText(v, e)}</td>
                  <td>{e.actor ?? t('website.history.system')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
}
