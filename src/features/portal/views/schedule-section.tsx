// The publication schedule as the developer sees it: start date, target, the agreed moment, the proposal waiting
// for answers (in Japan time and the viewer's zone), the developer's own answers, and the form to acknowledge it
// or propose another moment (datetime-local + a time zone, with a reason).
import type { FieldErrors } from '../../../platform/errors.js';
import { CsrfField, SelectField, TextArea } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { timeZoneChoices } from '../../accounts/time-zones.js';
import type { PortalCase } from '../show-my-case.js';
import { at, Moment } from './moments.js';
import { portalCasePath } from './paths.js';
import { type CaseProblems, idPrefix } from './problems.js';

/** A labelled datetime-local input (form-fields.tsx has none), hint and error tied to it like the others. */
function DateTimeField(props: {
  id: string;
  name: string;
  label: string;
  hint: string;
  value: string;
  errors: FieldErrors | undefined;
}) {
  const err = props.errors?.[props.name];
  const described = [`${props.id}-hint`, err?.length ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  const attrs: Record<string, unknown> = {
    type: 'datetime-local',
    id: props.id,
    name: props.name,
    value: props.value,
    'aria-describedby': described,
    'aria-invalid': err?.length ? 'true' : undefined,
  };
  return (
    <div class={`field${err?.length ? ' has-error' : ''}`}>
      <label for={props.id}>{props.label}</label>
      <p class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      {err?.length ? (
        <p class="error" id={`${props.id}-error`}>
          {err.join(' ')}
        </p>
      ) : null}
      <input {...attrs} />
    </div>
  );
}

function AnswerForm({ v, c, problem }: { v: ViewContext; c: PortalCase; problem: CaseProblems['schedule'] }) {
  const { t } = v;
  const p = idPrefix.schedule;
  const values = problem?.values ?? {};
  const errors = problem?.errors;
  return (
    <form method="post" action={`${portalCasePath(c.reference)}/schedule`}>
      <CsrfField v={v} />
      <h3>{t('portal.schedule.answer')}</h3>
      <SelectField
        id={`${p}response`}
        name="response"
        label={t('portal.schedule.response')}
        options={[
          { value: 'acknowledged', label: t('portal.schedule.acknowledgeOption') },
          { value: 'counter_proposal', label: t('portal.schedule.counterOption') },
        ]}
        value={values.response ?? 'acknowledged'}
        errors={errors}
        required
      />
      <DateTimeField
        id={`${p}publishAt`}
        name="publishAt"
        label={t('portal.schedule.publishAt')}
        hint={t('portal.schedule.publishAtHint')}
        value={values.publishAt ?? ''}
        errors={errors}
      />
      <SelectField
        id={`${p}timeZone`}
        name="timeZone"
        label={t('portal.schedule.timeZone')}
        hint={t('portal.schedule.timeZoneHint')}
        options={timeZoneChoices(v.timeZone).map((z) => ({ value: z, label: z }))}
        value={values.timeZone ?? v.timeZone}
        errors={errors}
      />
      <TextArea
        id={`${p}reason`}
        name="reason"
        label={t('portal.schedule.reasonLabel')}
        hint={t('portal.schedule.reasonHint')}
        value={values.reason ?? ''}
        errors={errors}
        rows={3}
      />
      <button type="submit">{t('portal.schedule.send')}</button>
    </form>
  );
}

export function ScheduleSection({
  v,
  c,
  problem,
}: {
  v: ViewContext;
  c: PortalCase;
  problem: CaseProblems['schedule'];
}) {
  const { t } = v;
  const s = c.schedule;
  const open = s.open;
  return (
    <section aria-labelledby="schedule">
      <h2 id="schedule">{t('portal.schedule.heading')}</h2>
      {s.fixedByCsirt && <p class="notice">{t('portal.schedule.fixedByCsirt')}</p>}
      <dl>
        <dt>{t('portal.schedule.startDate')}</dt>
        <dd>{s.startDate ?? t('portal.list.notSet')}</dd>
        <dt>{t('portal.schedule.targetDate')}</dt>
        <dd>{s.targetDate ?? t('portal.list.notSet')}</dd>
        <dt>{t('portal.schedule.agreed')}</dt>
        <dd>
          {s.agreedPublicationAt ? (
            <Moment v={v} at={s.agreedPublicationAt} />
          ) : (
            t('portal.schedule.notAgreed')
          )}
        </dd>
      </dl>
      <h3>{t('portal.schedule.open')}</h3>
      {!open ? (
        <p>{t('portal.schedule.noOpen')}</p>
      ) : (
        <>
          <dl>
            <dt>
              {open.byMe ? t('portal.schedule.byMe') : t(`portal.schedule.proposedBy.${open.proposedBy}`)}
            </dt>
            <dd>
              <strong>
                <Moment v={v} at={open.publishAt} />
              </strong>
            </dd>
            <dt>{t('portal.schedule.proposedAt')}</dt>
            <dd>{at(v, open.createdAt)}</dd>
            {open.reason && (
              <>
                <dt>{t('portal.schedule.reason')}</dt>
                <dd>
                  <pre class="mail">{open.reason}</pre>
                </dd>
              </>
            )}
          </dl>
          {open.myResponses.length > 0 && (
            <>
              <h4>{t('portal.schedule.myResponses')}</h4>
              <ul>
                {open.myResponses.map((r, i) => (
                  <li key={i}>
                    {r.response === 'acknowledged'
                      ? t('portal.schedule.responseAcknowledged', { at: at(v, r.respondedAt) })
                      : t('portal.schedule.responseCounter', {
                          at: at(v, r.respondedAt),
                          moment: r.counterPublishAt ? at(v, r.counterPublishAt) : '',
                        })}
                    {r.reason && <pre class="mail">{r.reason}</pre>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {!c.ended && !open.byMe && <AnswerForm v={v} c={c} problem={problem} />}
        </>
      )}
    </section>
  );
}
