// The developer's private thread with the coordinator (and the coordinator's announcements), and the form to
// name other developers that may be affected.
import { CsrfField, Field, TextArea } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { PortalCase } from '../show-my-case.js';
import { at } from './moments.js';
import { portalCasePath } from './paths.js';
import { type CaseProblems, idPrefix } from './problems.js';

export function ThreadSection({
  v,
  c,
  problem,
}: {
  v: ViewContext;
  c: PortalCase;
  problem: CaseProblems['message'];
}) {
  const { t } = v;
  return (
    <section aria-labelledby="messages">
      <h2 id="messages">{t('portal.messages.heading')}</h2>
      <p>{t('portal.messages.intro')}</p>
      {c.messages.length === 0 ? (
        <p>{t('portal.messages.none')}</p>
      ) : (
        <ol class="thread" aria-label={t('portal.messages.caption')}>
          {c.messages.map((m) => (
            <li key={m.id}>
              <p>
                <strong>
                  {m.from === 'us' ? t('portal.messages.fromUs') : t('portal.messages.fromCoordinator')}
                  {m.thread === 'announcement' && ` — ${t('portal.messages.announcement')}`}
                </strong>{' '}
                <span class="hint">{at(v, m.createdAt)}</span>
              </p>
              <pre class="mail">{m.body}</pre>
            </li>
          ))}
        </ol>
      )}
      {!c.ended && (
        <form method="post" action={`${portalCasePath(c.reference)}/messages`}>
          <CsrfField v={v} />
          <TextArea
            id={`${idPrefix.message}body`}
            name="body"
            label={t('portal.messages.new')}
            hint={t('portal.messages.hint')}
            value={problem?.values.body ?? ''}
            errors={problem?.errors}
            required
          />
          <button type="submit">{t('portal.messages.send')}</button>
        </form>
      )}
    </section>
  );
}

export function SuggestionsSection({
  v,
  c,
  problem,
}: {
  v: ViewContext;
  c: PortalCase;
  problem: CaseProblems['suggestion'];
}) {
  const { t } = v;
  const p = idPrefix.suggestion;
  return (
    <section aria-labelledby="suggestions">
      <h2 id="suggestions">{t('portal.suggestions.heading')}</h2>
      <p>{t('portal.suggestions.intro')}</p>
      {c.suggestions.length > 0 && (
        <>
          <h3>{t('portal.suggestions.mine')}</h3>
          <ul>
            {c.suggestions.map((s, i) => (
              <li key={i}>
                <strong>{v.locale === 'ja' ? s.name.ja : s.name.en}</strong> —{' '}
                {t(`portal.suggestions.states.${s.state}`)} <span class="hint">{at(v, s.createdAt)}</span>
                <pre class="mail">{s.reason}</pre>
              </li>
            ))}
          </ul>
        </>
      )}
      {!c.ended && (
        <form method="post" action={`${portalCasePath(c.reference)}/suggestions`}>
          <CsrfField v={v} />
          <Field
            id={`${p}name`}
            name="name"
            label={t('portal.suggestions.name')}
            hint={t('portal.suggestions.nameHint')}
            value={problem?.values.name ?? ''}
            errors={problem?.errors}
            required
          />
          <TextArea
            id={`${p}reason`}
            name="reason"
            label={t('portal.suggestions.reason')}
            hint={t('portal.suggestions.reasonHint')}
            value={problem?.values.reason ?? ''}
            errors={problem?.errors}
            rows={3}
            required
          />
          <button type="submit">{t('portal.suggestions.send')}</button>
        </form>
      )}
    </section>
  );
}
