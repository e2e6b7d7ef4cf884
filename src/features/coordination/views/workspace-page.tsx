// The coordinator's workspace on a product case (/coordination/cases/:reference): what changed since the last
// look first, then summary and schedule, vulnerabilities, developers and the status matrix, suggestions,
// schedule proposals, messages, the contact log, the CSIRT report and the ends of coordination, and the history.
import { formatInstant } from '../../../domain/time.js';
import { SelectField } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { ClassificationView } from '../../cases/classify-case.js';
import { CLASSIFICATION_FORM, ClassificationSection } from '../../cases/views/classification-section.js';
import { PRODUCT_CATEGORIES } from '../../directory/product-category.js';
import { workspacePath } from '../mail.js';
import type { Workspace } from '../show-workspace.js';
import { At, eventLabel, Moment, PostForm, type Problems } from './parts.js';
import { ContactLogSection, EndSection, MessagesSection } from './workspace-messages.js';
import { MatrixSection, PartiesSection, SuggestionsSection } from './workspace-parties.js';
import { ScheduleSection } from './workspace-schedule.js';
import { VulnerabilitiesSection } from './workspace-vulnerabilities.js';

export type WorkspaceProps = {
  v: ViewContext;
  w: Workspace;
  notice?: string | undefined;
  problems?: Problems | undefined;
  /** the statistics classification form (統計用の分類), when the viewer may classify the case */
  classification?: ClassificationView | undefined;
};

function Summary({ v, w }: WorkspaceProps) {
  const { t } = v;
  const c = w.coordination;
  const base = workspacePath(w.reference);
  return (
    <section aria-labelledby="summary">
      <h2 id="summary">{t('coordination.workspace.summary')}</h2>
      <dl>
        <dt>{t('coordination.workspace.state')}</dt>
        <dd>
          {t(`cases.states.${w.state}`)} · {t(`cases.case.origins.${w.origin}`)}
        </dd>
        <dt>{t('coordination.workspace.startDate')}</dt>
        <dd>{c.startDate ?? t('coordination.workspace.notSet')}</dd>
        <dt>{t('coordination.workspace.category')}</dt>
        <dd>{t(`coordination.categories.${c.productCategory}`)}</dd>
        <dt>{t('coordination.workspace.targetDate')}</dt>
        <dd>{c.targetDate ?? t('coordination.workspace.notSet')}</dd>
        <dt>{t('coordination.workspace.agreed')}</dt>
        <dd>
          {c.agreedPublicationAt ? (
            <Moment v={v} at={c.agreedPublicationAt} />
          ) : (
            t('coordination.workspace.notAgreed')
          )}
        </dd>
        <dt>{t('coordination.workspace.scheduleSource')}</dt>
        <dd>
          {c.scheduleFixedByCsirt ? (
            <strong>{t('coordination.workspace.fixedByCsirt')}</strong>
          ) : (
            t('coordination.workspace.byCoordination')
          )}
        </dd>
        {c.csirtOrganizationId && (
          <>
            <dt>{t('coordination.workspace.csirt')}</dt>
            <dd>
              {w.csirtName ? (v.locale === 'ja' ? w.csirtName.ja : w.csirtName.en) : ''} ·{' '}
              {t('coordination.workspace.csirtReference')}: {c.csirtReference} ·{' '}
              {t('coordination.workspace.receivedOn')}: {c.csirtReceivedOn}
            </dd>
          </>
        )}
        {c.endKind && (
          <>
            <dt>{t('coordination.workspace.ended')}</dt>
            <dd>
              {t(`coordination.endKinds.${c.endKind}`)} (<At v={v} at={c.endedAt} />
              ): {c.endReason}
            </dd>
          </>
        )}
      </dl>
      {!c.endKind && (
        <PostForm v={v} action={`${base}/category`} class="inline">
          <SelectField
            name="category"
            label={t('coordination.workspace.category')}
            value={c.productCategory}
            options={PRODUCT_CATEGORIES.map((k) => ({ value: k, label: t(`coordination.categories.${k}`) }))}
          />
          <button type="submit">{t('coordination.workspace.changeCategory')}</button>
        </PostForm>
      )}
    </section>
  );
}

function History({ v, w }: WorkspaceProps) {
  const { t } = v;
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t('coordination.workspace.events')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('coordination.workspace.at')}</th>
              <th scope="col">{t('coordination.workspace.event')}</th>
              <th scope="col">{t('coordination.workspace.who')}</th>
            </tr>
          </thead>
          <tbody>
            {w.events.map((e) => (
              <tr key={e.id} class={e.isNew ? 'changed' : undefined}>
                <td>
                  <At v={v} at={e.at} />
                  {e.isNew && <strong class="badge"> {t('coordination.workspace.newEvent')}</strong>}
                </td>
                <td>{eventLabel(v, e.type)}</td>
                <td>{e.actor ?? t('coordination.workspace.system')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The new events since the last look, newest first, each with the developer it concerns. */
function WhatChanged({ v, w }: WorkspaceProps) {
  const partyName = (id: unknown) => {
    const p = typeof id === 'string' ? w.parties.find((x) => x.id === id) : undefined;
    return p ? (v.locale === 'ja' ? p.nameJa : p.nameEn) : null;
  };
  const fresh = w.events.filter((e) => e.isNew);
  return (
    <ul class="what-changed" aria-labelledby="changes">
      {fresh.slice(0, 30).map((e) => {
        const who = partyName(e.data.partyId);
        return (
          <li key={e.id}>
            <At v={v} at={e.at} /> {eventLabel(v, e.type)}
            {who ? ` — ${who}` : ''}
          </li>
        );
      })}
      {fresh.length > 30 && <li>…</li>}
    </ul>
  );
}

export function WorkspacePage(props: WorkspaceProps) {
  const { v, w, notice, problems } = props;
  const { t } = v;
  const title = t('coordination.workspace.title', { reference: w.reference });
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {problems && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>{t('form.errorSummary')}</h2>
          <ul>
            {Object.entries(problems.errors).map(([field, messages]) => (
              <li key={field}>
                <a href={`#${problems.form}-${field}`}>{messages.join(' ')}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="notice" id="changes">
        {w.lastViewedAt
          ? t('coordination.workspace.changedSince', {
              at: formatInstant(w.lastViewedAt, { locale: v.locale, timeZone: v.timeZone }),
              count: w.newEvents,
            })
          : t('coordination.workspace.firstVisit')}
      </p>
      {w.newEvents > 0 && <WhatChanged v={v} w={w} />}
      <p>
        <a href={`/cases/${encodeURIComponent(w.reference)}`}>{w.reference}</a> ·{' '}
        <a href={`${workspacePath(w.reference)}/advisory`}>{t('advisories.title')}</a>
      </p>
      <Summary {...props} />
      <VulnerabilitiesSection {...props} />
      <PartiesSection {...props} />
      <MatrixSection {...props} />
      <SuggestionsSection {...props} />
      <ScheduleSection {...props} />
      <MessagesSection {...props} />
      <ContactLogSection {...props} />
      <EndSection {...props} />
      {props.classification && (
        <ClassificationSection
          v={v}
          action={`${workspacePath(w.reference)}/classification`}
          view={props.classification}
          errors={problems?.form === CLASSIFICATION_FORM ? problems.errors : undefined}
          values={problems?.form === CLASSIFICATION_FORM ? problems.values : undefined}
        />
      )}
      <History {...props} />
    </Layout>
  );
}
