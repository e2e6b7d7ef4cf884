// One case: summary and links to the case it replaced or was moved to, the report brief as this viewer may see
// it (finder identity only with consent), the attachments through the case-scoped download, the history.
import { formatInstant } from '../../../domain/time.js';
import { can } from '../../../platform/auth/policy.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { workspacePath } from '../../coordination/mail.js';
import { relayPath } from '../../coordination/views/relay-page.js';
import { websiteCasePath } from '../../website/views/paths.js';
import type { CaseEvent, CaseView, LinkedCase } from '../show-case.js';
import { casePath } from './format.js';
import {
  AttachmentsSection,
  ConsentsSection,
  FinderSection,
  ReportDetailsSection,
} from './report-brief-view.js';

function Linked({ v, linked, keyName }: { v: ViewContext; linked: LinkedCase; keyName: string }) {
  const ref = linked.readable ? (
    <a href={casePath(linked.reference)}>{linked.reference}</a>
  ) : (
    linked.reference
  );
  const [before, after] = v.t(keyName, { reference: '\u0000' }).split('\u0000');
  return (
    <p class="notice">
      {before}
      {ref}
      {after}
      {!linked.readable && ` ${v.t('cases.case.notReadable')}`}
    </p>
  );
}

function eventText(v: ViewContext, e: CaseEvent): string {
  const key = `cases.case.events.${e.type.replace(/\./g, '_')}`;
  const label = v.t(key);
  const other = `coordination.events.${e.type.replace(/[.-]/g, '_')}`;
  const text = label !== key ? label : v.t(other) !== other ? v.t(other) : e.type;
  const reason = typeof e.data.reason === 'string' ? v.t(`cases.case.closeReasons.${e.data.reason}`) : null;
  const moved = typeof e.data.byReference === 'string' ? ` → ${e.data.byReference}` : '';
  return `${text}${moved}${reason ? `: ${reason}` : ''}`;
}

export function CasePage({ v, c }: { v: ViewContext; c: CaseView }) {
  const { t } = v;
  const z = { locale: v.locale, timeZone: v.timeZone };
  const title = t('cases.case.title', { reference: c.reference });
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      {c.supersededBy && <Linked v={v} linked={c.supersededBy} keyName="cases.case.supersededBy" />}
      {c.supersedes && <Linked v={v} linked={c.supersedes} keyName="cases.case.supersedes" />}
      {c.track === 'software' && can(v.actor, 'coordination.work', { track: c.track }) && (
        <p>
          <a href={workspacePath(c.reference)}>{t('coordination.workspace.link')}</a>
        </p>
      )}
      {c.track === 'software' && can(v.actor, 'coordination.relay-finder', { track: c.track }) && (
        <p>
          <a href={relayPath(c.reference)}>{t('coordination.workspace.relayLink')}</a>
        </p>
      )}
      <section aria-labelledby="case-summary">
        <h2 id="case-summary">{t('cases.case.summary')}</h2>
        <dl>
          <dt>{t('cases.case.track')}</dt>
          <dd>{t(`cases.tracks.${c.track}`)}</dd>
          <dt>{t('cases.case.state')}</dt>
          <dd>{t(`cases.states.${c.state}`)}</dd>
          <dt>{t('cases.case.origin')}</dt>
          <dd>{t(`cases.case.origins.${c.origin}`)}</dd>
          <dt>{t('cases.case.handedOver')}</dt>
          <dd>{formatInstant(c.handedOverAt, z)}</dd>
        </dl>
        {c.track === 'website' && (
          <p>
            <a href={websiteCasePath(c.reference)}>{t('website.title')}</a>
          </p>
        )}
      </section>
      {c.brief && (
        <>
          <ReportDetailsSection v={v} brief={c.brief} />
          <FinderSection v={v} finder={c.brief.finder} />
          <ConsentsSection v={v} brief={c.brief} />
          <AttachmentsSection
            v={v}
            brief={c.brief}
            href={(id) => `${casePath(c.reference)}/attachments/${id}`}
          />
        </>
      )}
      <section aria-labelledby="case-history">
        <h2 id="case-history">{t('cases.case.history')}</h2>
        <div class="table-wrap">
          <table>
            <caption>{t('cases.case.historyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.case.at')}</th>
                <th scope="col">{t('cases.case.event')}</th>
                <th scope="col">{t('cases.case.who')}</th>
              </tr>
            </thead>
            <tbody>
              {c.events.map((e, i) => (
                <tr key={i}>
                  <td>{formatInstant(e.at, z)}</td>
                  <td>{eventText(v, e)}</td>
                  <td>{e.actor ?? t('cases.case.system')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
}
