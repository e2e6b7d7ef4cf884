// The publication schedule: propose an exact moment (datetime-local + a time zone), each developer's response
// to the open proposal, deciding (agree / reject, or agree on a developer's counter-proposal), full history.
import { Checkbox, SelectField, TextArea } from '../../../platform/views/form-fields.js';
import { timeZoneChoices } from '../../accounts/time-zones.js';
import { workspacePath } from '../mail.js';
import { DateTimeLocal, errorsFor, Moment, PostForm, valuesFor } from './parts.js';
import type { WorkspaceProps } from './workspace-page.js';

export function ScheduleSection({ v, w, problems }: WorkspaceProps) {
  const { t } = v;
  const base = workspacePath(w.reference);
  const open = !w.coordination.endKind;
  const errors = errorsFor(problems, 'schedule');
  const values = valuesFor(problems, 'schedule');
  const partyName = (id: string | null) => {
    const p = w.parties.find((x) => x.id === id);
    return p ? (v.locale === 'ja' ? p.nameJa : p.nameEn) : '';
  };
  return (
    <section aria-labelledby="schedule">
      <h2 id="schedule">{t('coordination.workspace.schedule')}</h2>
      {open && (
        <PostForm v={v} action={`${base}/schedule`}>
          <h3>{t('coordination.workspace.propose')}</h3>
          <DateTimeLocal
            name="publishAt"
            id="schedule-publishAt"
            label={t('coordination.workspace.publishAt')}
            hint={t('coordination.workspace.publishAtHint')}
            value={values.publishAt}
            errors={errors}
            required
          />
          <SelectField
            name="timeZone"
            id="schedule-timeZone"
            label={t('coordination.workspace.timeZone')}
            value={values.timeZone ?? v.timeZone}
            errors={errors}
            options={timeZoneChoices(v.timeZone).map((z) => ({ value: z, label: z }))}
          />
          <TextArea
            name="reason"
            id="schedule-reason"
            label={t('coordination.workspace.reason')}
            rows={2}
            value={values.reason}
            errors={errors}
          />
          {w.coordination.csirtOrganizationId && (
            <Checkbox
              name="fromCsirt"
              id="schedule-fromCsirt"
              label={t('coordination.workspace.fromCsirt')}
              checked={values.fromCsirt === 'on'}
              errors={errors}
            />
          )}
          <button type="submit">{t('coordination.workspace.propose')}</button>
        </PostForm>
      )}
      <h3>{t('coordination.workspace.history')}</h3>
      {w.proposals.length === 0 && <p>{t('coordination.workspace.none')}</p>}
      <ol class="proposals">
        {w.proposals.map((p) => (
          <li key={p.id} class={`proposal-${p.state}`}>
            <Moment v={v} at={p.publishAt} /> — {t(`coordination.proposers.${p.proposedBy}`)}
            {p.proposedByPartyId ? ` (${partyName(p.proposedByPartyId)})` : ''} ·{' '}
            <strong>{t(`coordination.proposalStates.${p.state}`)}</strong>
            {p.reason && <pre class="mail">{p.reason}</pre>}
            {p.responses.length > 0 && (
              <ul>
                {p.responses.map((r, i) => (
                  <li key={i}>
                    {partyName(r.partyId)}: {t(`coordination.responses.${r.response}`)}
                    {r.counterPublishAt && (
                      <>
                        {' → '}
                        <Moment v={v} at={r.counterPublishAt} />
                      </>
                    )}
                    {r.reason && <span class="prewrap"> — {r.reason}</span>}
                  </li>
                ))}
              </ul>
            )}
            {p.state === 'proposed' && (
              <p class="hint">
                {t('coordination.workspace.waitingFor')}:{' '}
                {w.parties
                  .filter((x) => x.notifiedAt && !p.responses.some((r) => r.partyId === x.id))
                  .map((x) => (v.locale === 'ja' ? x.nameJa : x.nameEn))
                  .join('、') || t('coordination.workspace.none')}
              </p>
            )}
            {open && p.state === 'proposed' && (
              <PostForm v={v} action={`${base}/schedule/decide`} class="inline">
                <input type="hidden" name="proposalId" value={p.id} />
                <button type="submit" name="decision" value="accept">
                  {t('coordination.workspace.acceptProposal')}
                </button>{' '}
                <button type="submit" name="decision" value="reject">
                  {t('coordination.workspace.rejectProposal')}
                </button>
              </PostForm>
            )}
            {open &&
              p.state === 'proposed' &&
              p.responses
                // only a live party's answer can be accepted (a removed developer's stays in the history)
                .filter((r) => r.response === 'counter_proposal' && w.parties.some((x) => x.id === r.partyId))
                .map((r) => (
                  <CounterForm key={r.id} v={v} base={base} responseId={r.id} label={partyName(r.partyId)} />
                ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

function CounterForm(props: { v: WorkspaceProps['v']; base: string; responseId: string; label: string }) {
  return (
    <PostForm v={props.v} action={`${props.base}/schedule/decide`} class="inline">
      <input type="hidden" name="responseId" value={props.responseId} />
      <button type="submit" name="decision" value="accept_counter">
        {props.v.t('coordination.workspace.acceptCounter')} ({props.label})
      </button>
    </PostForm>
  );
}
