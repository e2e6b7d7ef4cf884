// Messages (a private thread per developer, announcements to all, the finder relay with the reception body),
// the contact log with a form for a manual attempt, the status report to an overseas CSIRT, and ending
// coordination with a recorded reason.
import { SelectField, TextArea } from '../../../platform/views/form-fields.js';
import { END_KINDS } from '../end-coordination.js';
import { workspacePath } from '../mail.js';
import { At, errorsFor, PostForm, valuesFor } from './parts.js';
import type { WorkspaceProps } from './workspace-page.js';

function Thread(props: {
  v: WorkspaceProps['v'];
  messages: WorkspaceProps['w']['messages'];
  isNew: (at: Date) => boolean;
}) {
  const { v } = props;
  if (props.messages.length === 0) return <p>{v.t('coordination.workspace.none')}</p>;
  return (
    <ol class="thread">
      {props.messages.map((m) => (
        <li key={m.id} class={props.isNew(m.createdAt) ? 'changed' : undefined}>
          <At v={v} at={m.createdAt} /> · {v.t(`coordination.sides.${m.authorSide}`)}
          <pre class="mail">{m.body}</pre>
        </li>
      ))}
    </ol>
  );
}

export function MessagesSection({ v, w, problems }: WorkspaceProps) {
  const { t } = v;
  const base = workspacePath(w.reference);
  const partyName = (id: string | null) => {
    const p = w.parties.find((x) => x.id === id);
    return p ? (v.locale === 'ja' ? p.nameJa : p.nameEn) : '';
  };
  const isNew = (at: Date) => w.lastViewedAt !== null && at.getTime() > w.lastViewedAt.getTime();
  const threads = w.messages.filter((m) => m.thread === 'party');
  const announcements = w.messages.filter((m) => m.thread === 'announcement');
  const relay = w.messages.filter((m) => m.thread === 'finder_relay');
  const values = valuesFor(problems, 'message');
  return (
    <section aria-labelledby="messages">
      <h2 id="messages">{t('coordination.workspace.messages')}</h2>
      <h3>{t('coordination.threads.announcement')}</h3>
      <Thread v={v} messages={announcements} isNew={isNew} />
      {w.parties.map((p) => {
        const own = threads.filter((m) => m.partyId === p.id);
        const fresh = own.filter((m) => isNew(m.createdAt)).length;
        return (
          <details key={p.id} open={fresh > 0}>
            <summary>
              {t('coordination.threads.party')}: {partyName(p.id)} ({own.length})
              {fresh > 0 && <strong class="badge"> {t('coordination.workspace.changedMark')}</strong>}
            </summary>
            <Thread v={v} messages={own} isNew={isNew} />
          </details>
        );
      })}
      <PostForm v={v} action={`${base}/messages`}>
        <SelectField
          name="to"
          id="message-to"
          label={t('coordination.workspace.to')}
          value={values.to}
          errors={errorsFor(problems, 'message')}
          options={[
            { value: 'all', label: t('coordination.workspace.toAll') },
            ...w.parties.map((p) => ({ value: p.id, label: v.locale === 'ja' ? p.nameJa : p.nameEn })),
          ]}
        />
        <TextArea
          name="body"
          id="message-body"
          label={t('coordination.workspace.body')}
          value={values.body}
          errors={errorsFor(problems, 'message')}
          rows={4}
        />
        <button type="submit">{t('coordination.workspace.send')}</button>
      </PostForm>
      <h3 id="relay">{t('coordination.workspace.relay')}</h3>
      <ol class="thread">
        {relay.map((m) => (
          <li key={m.id} class={isNew(m.createdAt) ? 'changed' : undefined}>
            <At v={v} at={m.createdAt} /> · {t(`coordination.sides.${m.authorSide}`)}
            <pre class="mail">{m.body}</pre>
          </li>
        ))}
      </ol>
      <PostForm v={v} action={`${base}/relay`}>
        <TextArea
          name="body"
          id="relay-body"
          label={t('coordination.workspace.answerRelay')}
          value={valuesFor(problems, 'relay').body}
          errors={errorsFor(problems, 'relay')}
          rows={3}
        />
        <button type="submit">{t('coordination.workspace.answerRelay')}</button>
      </PostForm>
    </section>
  );
}

export function ContactLogSection({ v, w, problems }: WorkspaceProps) {
  const { t } = v;
  const base = workspacePath(w.reference);
  const partyName = (id: string) => {
    const p = w.parties.find((x) => x.id === id);
    return p ? (v.locale === 'ja' ? p.nameJa : p.nameEn) : '';
  };
  const errors = errorsFor(problems, 'attempt');
  const values = valuesFor(problems, 'attempt');
  return (
    <section aria-labelledby="contact-log">
      <h2 id="contact-log">{t('coordination.workspace.contactLog')}</h2>
      <div class="table-wrap">
        <table class="compact">
          <thead>
            <tr>
              <th scope="col">{t('coordination.workspace.at')}</th>
              <th scope="col">{t('coordination.workspace.developer')}</th>
              <th scope="col">{t('coordination.workspace.channel')}</th>
              <th scope="col">{t('coordination.workspace.outcome')}</th>
              <th scope="col">{t('coordination.workspace.note')}</th>
            </tr>
          </thead>
          <tbody>
            {w.attempts.map((a, i) => (
              <tr key={i}>
                <td>
                  <At v={v} at={a.at} />
                </td>
                <td>{partyName(a.partyId)}</td>
                <td>
                  {t(`coordination.channels.${a.channel}`)} (
                  {a.automatic ? t('coordination.workspace.automatic') : t('coordination.workspace.manual')})
                </td>
                <td>{t(`coordination.outcomes.${a.outcome}`)}</td>
                <td class="prewrap">{a.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {w.parties.length > 0 && (
        <PostForm v={v} action={`${base}/contact-attempts`}>
          <h3>{t('coordination.workspace.recordAttempt')}</h3>
          <SelectField
            name="partyId"
            id="attempt-partyId"
            label={t('coordination.workspace.developer')}
            value={values.partyId}
            errors={errors}
            options={w.parties.map((p) => ({ value: p.id, label: v.locale === 'ja' ? p.nameJa : p.nameEn }))}
          />
          <SelectField
            name="channel"
            id="attempt-channel"
            label={t('coordination.workspace.channel')}
            value={values.channel ?? 'phone'}
            errors={errors}
            options={(['mail', 'phone', 'letter', 'web', 'other'] as const).map((c) => ({
              value: c,
              label: t(`coordination.channels.${c}`),
            }))}
          />
          <SelectField
            name="outcome"
            id="attempt-outcome"
            label={t('coordination.workspace.outcome')}
            value={values.outcome ?? 'no_answer'}
            errors={errors}
            options={(['sent', 'reached', 'no_answer', 'bounced', 'other'] as const).map((c) => ({
              value: c,
              label: t(`coordination.outcomes.${c}`),
            }))}
          />
          <TextArea
            name="note"
            id="attempt-note"
            label={t('coordination.workspace.note')}
            value={values.note}
            errors={errors}
            rows={2}
          />
          <button type="submit">{t('coordination.workspace.recordAttempt')}</button>
        </PostForm>
      )}
    </section>
  );
}

export function EndSection({ v, w, problems }: WorkspaceProps) {
  const { t } = v;
  const base = workspacePath(w.reference);
  const errors = errorsFor(problems, 'end');
  const values = valuesFor(problems, 'end');
  return (
    <>
      {w.coordination.csirtOrganizationId && (
        <section aria-labelledby="csirt-report">
          <h2 id="csirt-report">{t('coordination.workspace.csirtReport')}</h2>
          <PostForm v={v} action={`${base}/csirt-report`}>
            <button type="submit">{t('coordination.workspace.sendCsirtReport')}</button>
          </PostForm>
        </section>
      )}
      {!w.coordination.endKind && (
        <section aria-labelledby="end">
          <h2 id="end">{t('coordination.workspace.end')}</h2>
          <PostForm v={v} action={`${base}/end`}>
            <SelectField
              name="kind"
              id="end-kind"
              label={t('coordination.workspace.endKind')}
              value={values.kind}
              errors={errors}
              placeholder=""
              options={END_KINDS.map((k) => ({ value: k, label: t(`coordination.endKinds.${k}`) }))}
            />
            <TextArea
              name="reason"
              id="end-reason"
              label={t('coordination.workspace.endReason')}
              value={values.reason}
              errors={errors}
              rows={3}
            />
            <button type="submit">{t('coordination.workspace.endSubmit')}</button>
          </PostForm>
        </section>
      )}
    </>
  );
}
