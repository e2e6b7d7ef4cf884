// The coordination body's overview (/coordination): every product case under coordination, those whose target
// has passed or is approaching first, with the developers' answers and what waits for a decision.
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { CoordinationRow } from '../list-coordinations.js';
import { workspacePath } from '../mail.js';
import { CSIRT_CASE_PATH } from './csirt-case-page.js';
import { At, Moment } from './parts.js';

export function OverviewPage({ v, rows }: { v: ViewContext; rows: CoordinationRow[] }) {
  const { t } = v;
  return (
    <Layout v={v} title={t('coordination.overview.title')}>
      <h1>{t('coordination.overview.title')}</h1>
      <p>
        <a href={CSIRT_CASE_PATH}>{t('coordination.csirt.link')}</a> ·{' '}
        <a href="/coordination/advisories">{t('advisories.list.title')}</a>
      </p>
      {rows.length === 0 ? (
        <p>{t('coordination.overview.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="compact">
            <caption>{t('coordination.overview.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coordination.overview.reference')}</th>
                <th scope="col">{t('coordination.workspace.startDate')}</th>
                <th scope="col">{t('coordination.workspace.targetDate')}</th>
                <th scope="col">{t('coordination.workspace.agreed')}</th>
                <th scope="col">{t('coordination.overview.developers')}</th>
                <th scope="col">{t('coordination.overview.waiting')}</th>
                <th scope="col">{t('coordination.overview.lastActivity')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.reference}
                  class={
                    r.target === 'passed' || r.target === 'approaching' ? `target-${r.target}` : undefined
                  }
                >
                  <th scope="row">
                    <a href={workspacePath(r.reference)}>{r.reference}</a>
                    {r.origin === 'csirt' && ` (${t('coordination.proposers.csirt')})`}
                  </th>
                  <td>{r.startDate ?? t('coordination.workspace.notSet')}</td>
                  <td>
                    {r.targetDate ?? t('coordination.workspace.notSet')}
                    {r.target && r.target !== 'ok' && (
                      <strong> {t(`coordination.overview.target.${r.target}`)}</strong>
                    )}
                  </td>
                  <td>
                    {r.agreedPublicationAt ? (
                      <Moment v={v} at={r.agreedPublicationAt} />
                    ) : (
                      t('coordination.workspace.notAgreed')
                    )}
                    {r.fixedByCsirt && ` (${t('coordination.proposers.csirt')})`}
                  </td>
                  <td>
                    {t('coordination.overview.counts', {
                      parties: r.parties,
                      notified: r.notified,
                      acknowledged: r.acknowledged,
                    })}
                    {r.unreachable > 0 && (
                      <strong> {t('coordination.overview.unreachable', { count: r.unreachable })}</strong>
                    )}
                  </td>
                  <td>
                    {[
                      r.openProposal ? t('coordination.overview.openProposal') : null,
                      r.pendingSuggestions > 0
                        ? t('coordination.overview.suggestions', { count: r.pendingSuggestions })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ') || '—'}
                  </td>
                  <td>
                    <At v={v} at={r.lastActivityAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
