// The notices part of the website case page: the two stages, what was sent to whom (encrypted, relayed), each
// relayed notice's hops with the forwarding recorded, and the attempts to reach the operator.
import { Field, SelectField, TextArea } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { CHANNELS, RESULTS } from '../record-contact-attempt.js';
import type { NoticeView, WebsiteCaseView } from '../show-website-case.js';
import { subjectPrefix } from '../website-rules.js';
import { ActionForm, FormProblems, type Problems, problemsOf, When } from './parts.js';
import { websiteCasePath } from './paths.js';

function SendButton({
  v,
  m,
  kind,
  label,
}: {
  v: ViewContext;
  m: WebsiteCaseView;
  kind: string;
  label: string;
}) {
  return (
    <form method="post" action={`${websiteCasePath(m.reference)}/notices`} class="inline">
      <input type="hidden" name="_csrf" value={v.csrfToken} />
      <input type="hidden" name="kind" value={kind} />
      <button type="submit">{label}</button>
    </form>
  );
}

function Hops({
  v,
  m,
  n,
  problems,
}: {
  v: ViewContext;
  m: WebsiteCaseView;
  n: NoticeView;
  problems?: Problems;
}) {
  const { t } = v;
  const last = n.hops[n.hops.length - 1];
  const p = problemsOf(problems, `relay-${n.id}`);
  // the hop to record next: the first not yet forwarded, before the operator
  const next = n.hops.find((h) => !h.forwardedAt && h !== last);
  // one relay form per relayed notice on the page: the ids carry the notice's, and the error summary links to them
  const ids = { forwardedAt: `forwardedAt-${n.id}`, byName: `byName-${n.id}` };
  return (
    <div class="table-wrap">
      <table>
        <caption>
          {t('website.relay.caption', { kind: t(`website.notices.kinds.${n.kind}`) })} —{' '}
          <When v={v} at={n.sentAt} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('website.relay.position')}</th>
            <th scope="col">{t('website.relay.organization')}</th>
            <th scope="col">{t('website.relay.received')}</th>
            <th scope="col">{t('website.relay.forwarded')}</th>
            <th scope="col">{t('website.relay.by')}</th>
            <th scope="col">{t('website.relay.recordedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {n.hops.map((h) => (
            <tr key={h.id}>
              <td>{h.position}</td>
              <td>
                {h.organizationName[v.locale]}
                {h === last ? ` (${t('website.relay.final')})` : ''}
              </td>
              <td>
                <When v={v} at={h.receivedAt} />
              </td>
              <td>{h === last ? '—' : <When v={v} at={h.forwardedAt} />}</td>
              <td>{h.forwardedByName ?? '—'}</td>
              <td>{h.recordedBy ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {m.workable && next && (
        <ActionForm
          v={v}
          action={`${websiteCasePath(m.reference)}/relay`}
          form={`relay-${n.id}`}
          problems={problems}
          fieldIds={ids}
        >
          <input type="hidden" name="hopId" value={next.id} />
          <input type="hidden" name="noticeId" value={n.id} />
          <p>
            {next.position}. {next.organizationName[v.locale]}
          </p>
          <Field
            id={ids.forwardedAt}
            name="forwardedAt"
            label={t('website.relay.forwardedAt')}
            value={p.values.forwardedAt}
            errors={p.errors}
            required
          />
          <Field
            id={ids.byName}
            name="byName"
            label={t('website.relay.byName')}
            value={p.values.byName}
            errors={p.errors}
            required
          />
          <button type="submit">{t('website.relay.record')}</button>
        </ActionForm>
      )}
    </div>
  );
}

export function NoticeSection({
  v,
  m,
  problems,
}: {
  v: ViewContext;
  m: WebsiteCaseView;
  problems?: Problems;
}) {
  const { t } = v;
  const stage = m.w?.stage ?? 'identifying';
  const hasContact = m.recipient !== null;
  const attempt = problemsOf(problems, 'attempt');
  return (
    <>
      <section aria-labelledby="notices">
        <h2 id="notices">{t('website.notices.heading')}</h2>
        <p>{t('website.notices.intro', { prefix: subjectPrefix(m.subjectPattern, m.reference) })}</p>
        <FormProblems v={v} problems={problems} form="notices" />
        {m.workable && hasContact && (
          <p class="actions">
            {stage !== 'notified' && (
              <SendButton
                v={v}
                m={m}
                kind="contact_request"
                label={t('website.notices.sendContactRequest')}
              />
            )}{' '}
            <SendButton
              v={v}
              m={m}
              kind="details"
              label={t(
                stage === 'notified' ? 'website.notices.resendDetails' : 'website.notices.sendDetails',
              )}
            />
          </p>
        )}
        {m.workable && !hasContact && <p class="notice">{t('website.errors.noContact')}</p>}
        {m.notices.length === 0 ? (
          <p>{t('website.notices.none')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption>{t('website.notices.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('website.notices.at')}</th>
                  <th scope="col">{t('website.notices.kind')}</th>
                  <th scope="col">{t('website.notices.to')}</th>
                  <th scope="col">{t('website.notices.protection')}</th>
                </tr>
              </thead>
              <tbody>
                {m.notices.map((n) => (
                  <tr key={n.id}>
                    <td>
                      <When v={v} at={n.sentAt} />
                    </td>
                    <td>
                      {t(`website.notices.kinds.${n.kind}`)}
                      {n.reminderKey ? ` (${n.reminderKey})` : ''}
                    </td>
                    <td>
                      {n.toName ? `${n.toName[v.locale]} ` : ''}
                      <code>{n.to}</code>
                      {n.relayed ? ` (${t('website.notices.relayed')})` : ''}
                    </td>
                    <td>{t(n.encrypted ? 'website.notices.yes' : 'website.notices.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {m.notices
          .filter((n) => n.hops.length > 0)
          .map((n) => (
            <section key={n.id} aria-label={t('website.relay.heading')}>
              <h3>{t('website.relay.heading')}</h3>
              <Hops v={v} m={m} n={n} problems={problems} />
            </section>
          ))}
      </section>
      <section aria-labelledby="attempts">
        <h2 id="attempts">{t('website.attempts.heading')}</h2>
        <p>{t('website.attempts.intro', { count: m.minUnreachableAttempts })}</p>
        <p>{t('website.attempts.unanswered', { count: m.unanswered })}</p>
        {m.attempts.length === 0 ? (
          <p>{t('website.attempts.none')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption>{t('website.attempts.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('website.attempts.at')}</th>
                  <th scope="col">{t('website.attempts.channel')}</th>
                  <th scope="col">{t('website.attempts.result')}</th>
                  <th scope="col">{t('website.attempts.note')}</th>
                </tr>
              </thead>
              <tbody>
                {m.attempts.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <When v={v} at={a.at} />
                    </td>
                    <td>
                      {t(`website.attempts.channels.${a.channel}`)} (
                      {t(a.automatic ? 'website.attempts.automatic' : 'website.attempts.manual')})
                    </td>
                    <td>{t(`website.attempts.results.${a.result}`)}</td>
                    <td>
                      {a.note ?? ''}
                      {a.recordedByName ? ` — ${a.recordedByName}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {m.workable && (
          <ActionForm
            v={v}
            action={`${websiteCasePath(m.reference)}/attempts`}
            form="attempt"
            problems={problems}
          >
            <SelectField
              name="channel"
              label={t('website.attempts.channel')}
              value={attempt.values.channel ?? 'phone'}
              errors={attempt.errors}
              options={CHANNELS.map((c) => ({ value: c, label: t(`website.attempts.channels.${c}`) }))}
            />
            <SelectField
              name="result"
              label={t('website.attempts.result')}
              value={attempt.values.result ?? 'no_answer'}
              errors={attempt.errors}
              options={RESULTS.map((r) => ({ value: r, label: t(`website.attempts.results.${r}`) }))}
            />
            <TextArea
              name="note"
              label={t('website.attempts.note')}
              rows={3}
              value={attempt.values.note}
              errors={attempt.errors}
            />
            <button type="submit">{t('website.attempts.record')}</button>
          </ActionForm>
        )}
      </section>
    </>
  );
}
