// The report's screening status (state, decision, cases it became) and its assignment form.
import { formatInstant } from '../../../domain/time.js';
import { can } from '../../../platform/auth/policy.js';
import { CsrfField, SelectField } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { casePath } from '../../cases/views/format.js';
import type { ReportPageModel } from '../show-report.js';
import { reportPath } from './paths.js';

export function StatusSection({ v, m }: { v: ViewContext; m: ReportPageModel }) {
  const { t } = v;
  const z = { locale: v.locale, timeZone: v.timeZone };
  return (
    <section aria-labelledby="status">
      <h2 id="status">{t('screening.report.status')}</h2>
      <dl>
        <dt>{t('screening.report.state')}</dt>
        <dd>
          <strong>{t(`screening.states.${m.state}`)}</strong>
        </dd>
        <dt>{t('cases.case.track')}</dt>
        <dd>{t(`cases.tracks.${m.track}`)}</dd>
        <dt>{t('screening.report.locale')}</dt>
        <dd>{t(`lang.${m.locale}`)}</dd>
        {m.decidedAt && (
          <>
            <dt>{t('screening.report.decidedAt')}</dt>
            <dd>{formatInstant(m.decidedAt, z)}</dd>
          </>
        )}
        {m.discontinueReason && (
          <>
            <dt>{t('screening.report.discontinueReason')}</dt>
            <dd>{t(`screening.discontinueReasons.${m.discontinueReason}`)}</dd>
          </>
        )}
        {m.duplicateOf && (
          <>
            <dt>{t('screening.report.duplicateOf')}</dt>
            <dd>
              <a href={reportPath(m.duplicateOf)}>{m.duplicateOf}</a>
            </dd>
          </>
        )}
        {m.cases.length > 0 && (
          <>
            <dt>{t('screening.report.case')}</dt>
            {m.cases.map((c) => (
              <dd key={c.reference}>
                <a href={casePath(c.reference)}>
                  {c.live ? c.reference : t('screening.report.caseSuperseded', { reference: c.reference })}
                </a>{' '}
                ({t(`cases.tracks.${c.track}`)}, {t(`cases.states.${c.state}`)})
              </dd>
            ))}
          </>
        )}
      </dl>
      <AssignmentForm v={v} m={m} />
    </section>
  );
}

function AssignmentForm({ v, m }: { v: ViewContext; m: ReportPageModel }) {
  const { t, actor } = v;
  const action = `${reportPath(m.brief.trackingNumber)}/assign`;
  const assignable = m.staff.filter((s) => can(actor, 'report.assign', { userId: s.id }));
  const mayUnassign = can(actor, 'report.assign', { userId: null });
  const me = actor.kind === 'user' ? actor.userId : null;
  return (
    <div>
      <h3 id="assignment">{t('screening.assignment.heading')}</h3>
      <p>
        {t('screening.assignment.current')}: {m.assignee?.name ?? t('screening.assignment.none')}
      </p>
      {mayUnassign || assignable.length > 1 ? (
        <form method="post" action={action}>
          <CsrfField v={v} />
          <SelectField
            name="assignee"
            label={t('screening.assignment.assignee')}
            value={m.assignee?.id ?? ''}
            options={[
              ...(mayUnassign ? [{ value: '', label: t('screening.assignment.unassign') }] : []),
              ...assignable.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <button type="submit">{t('screening.assignment.submit')}</button>
        </form>
      ) : (
        me &&
        m.assignee?.id !== me &&
        assignable.some((s) => s.id === me) && (
          <form method="post" action={action}>
            <CsrfField v={v} />
            <input type="hidden" name="assignee" value={me} />
            <button type="submit">{t('screening.assignment.takeIt')}</button>
          </form>
        )
      )}
    </div>
  );
}
