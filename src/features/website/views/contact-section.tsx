// The contact part of the website case page: whom notices go to now, the directory's operators of the reported
// host and a directory search, the security.txt checks with a clear reason for each, and entry by hand.
import { Field, SelectField } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { WebsiteCaseView } from '../show-website-case.js';
import { ActionForm, FormProblems, type Problems, problemsOf, When } from './parts.js';
import { websiteCasePath } from './paths.js';

const nameOf = (v: ViewContext, o: { nameJa: string; nameEn: string }) =>
  v.locale === 'ja' ? o.nameJa : o.nameEn;

function UseOperator({
  v,
  m,
  organizationId,
}: {
  v: ViewContext;
  m: WebsiteCaseView;
  organizationId: string;
}) {
  return (
    <form method="post" action={`${websiteCasePath(m.reference)}/contact`} class="inline">
      <input type="hidden" name="_csrf" value={v.csrfToken} />
      <input type="hidden" name="source" value="directory" />
      <input type="hidden" name="organizationId" value={organizationId} />
      <button type="submit">{v.t('website.contact.useOperator')}</button>
    </form>
  );
}

function CurrentContact({ v, m }: { v: ViewContext; m: WebsiteCaseView }) {
  const { t } = v;
  const w = m.w;
  if (!w?.contact_source) return <p>{t('website.contact.none')}</p>;
  return (
    <dl>
      <dt>{t('website.contact.current')}</dt>
      <dd>{t(`website.contact.sources.${w.contact_source}`)}</dd>
      {m.operator && (
        <>
          <dt>{t('website.contact.operator')}</dt>
          <dd>{nameOf(v, m.operator)}</dd>
        </>
      )}
      <dt>{t('website.contact.address')}</dt>
      <dd>{m.recipient ? m.recipient.to : t('website.contact.noAddress')}</dd>
      {w.contact_name && (
        <>
          <dt>{t('website.contact.name')}</dt>
          <dd>{w.contact_name}</dd>
        </>
      )}
      <dt>{t('website.contact.locale')}</dt>
      <dd>{t(`website.contact.locales.${m.recipient?.locale ?? w.contact_locale}`)}</dd>
      {m.recipient && (
        <>
          <dt>OpenPGP</dt>
          <dd>
            {m.recipient.encryptTo ? t('website.contact.encrypted') : t('website.contact.notEncrypted')}
          </dd>
        </>
      )}
      {m.recipient && m.recipient.hops.length > 0 && (
        <>
          <dt>{t('website.relay.heading')}</dt>
          <dd>{t('website.contact.relayVia', { path: m.recipient.hops.map((h) => h.name).join(' → ') })}</dd>
        </>
      )}
    </dl>
  );
}

function Discoveries({ v, m }: { v: ViewContext; m: WebsiteCaseView }) {
  const { t } = v;
  if (m.discoveries.length === 0) return <p>{t('website.discovery.none')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>{t('website.discovery.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('website.discovery.at')}</th>
            <th scope="col">{t('website.discovery.outcome')}</th>
            <th scope="col">{t('website.discovery.url')}</th>
            <th scope="col">{t('website.discovery.emails')}</th>
            <th scope="col">{t('website.discovery.expires')}</th>
          </tr>
        </thead>
        <tbody>
          {m.discoveries.map((d) => (
            <tr key={d.id}>
              <td>
                <When v={v} at={d.at} />
              </td>
              <td class={`discovery-${d.outcome}`}>
                <p>{t(`website.discovery.outcomes.${d.outcome}`)}</p>
                {d.detail && (
                  <p class="hint">
                    <code>{d.detail}</code>
                  </p>
                )}
                {d.tried.length > 0 && (
                  <p class="hint">
                    {t('website.discovery.tried', { urls: [...new Set(d.tried)].join(', ') })}
                  </p>
                )}
              </td>
              <td>{d.url ? <code>{d.url}</code> : '—'}</td>
              <td>
                {d.emails.length === 0
                  ? '—'
                  : d.emails.map((email) => (
                      <div key={email}>
                        <code>{email}</code>
                        {m.workable && (
                          <form
                            method="post"
                            action={`${websiteCasePath(m.reference)}/contact`}
                            class="inline"
                          >
                            <input type="hidden" name="_csrf" value={v.csrfToken} />
                            <input type="hidden" name="source" value="security_txt" />
                            <input type="hidden" name="email" value={email} />
                            <input type="hidden" name="locale" value={m.w?.contact_locale ?? 'ja'} />
                            <button type="submit">{t('website.contact.useAddress')}</button>
                          </form>
                        )}
                      </div>
                    ))}
              </td>
              <td>
                <When v={v} at={d.expires_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ContactSection({
  v,
  m,
  problems,
}: {
  v: ViewContext;
  m: WebsiteCaseView;
  problems?: Problems;
}) {
  const { t } = v;
  const manual = problemsOf(problems, 'manual');
  const path = websiteCasePath(m.reference);
  return (
    <>
      <section aria-labelledby="contact">
        <h2 id="contact">{t('website.contact.heading')}</h2>
        <FormProblems v={v} problems={problems} form="contact" />
        <CurrentContact v={v} m={m} />
        {m.workable && (
          <>
            <h3>{t('website.contact.suggestions')}</h3>
            {m.suggestions.length === 0 ? (
              <p>{t('website.contact.noSuggestions')}</p>
            ) : (
              <ul>
                {m.suggestions.map((s) => (
                  <li key={s.organizationId}>
                    {nameOf(v, s)} (<code>{s.domain}</code>){' '}
                    <UseOperator v={v} m={m} organizationId={s.organizationId} />
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('website.contact.search')}</h3>
            <form method="get" action={path} class="inline">
              <Field
                name="q"
                label={t('website.contact.searchLabel')}
                type="search"
                value={m.searchQuery ?? ''}
              />
              <button type="submit">{t('website.contact.searchButton')}</button>
            </form>
            {m.searchResults &&
              (m.searchResults.length === 0 ? (
                <p>{t('website.contact.noResults')}</p>
              ) : (
                <ul aria-label={t('website.contact.searchResults')}>
                  {m.searchResults.map((s) => (
                    <li key={s.organizationId}>
                      {nameOf(v, s)} <UseOperator v={v} m={m} organizationId={s.organizationId} />
                    </li>
                  ))}
                </ul>
              ))}
            <h3>{t('website.contact.manualHeading')}</h3>
            <p class="hint">{t('website.contact.manualHint')}</p>
            <ActionForm v={v} action={`${path}/contact`} form="manual" problems={problems}>
              <input type="hidden" name="source" value="manual" />
              <Field
                name="email"
                type="email"
                label={t('website.contact.address')}
                value={manual.values.email}
                errors={manual.errors}
                required
              />
              <Field
                name="name"
                label={t('website.contact.name')}
                value={manual.values.name}
                errors={manual.errors}
              />
              <SelectField
                name="locale"
                label={t('website.contact.locale')}
                value={manual.values.locale ?? 'ja'}
                options={[
                  { value: 'ja', label: t('website.contact.locales.ja') },
                  { value: 'en', label: t('website.contact.locales.en') },
                ]}
              />
              <button type="submit">{t('website.contact.save')}</button>
            </ActionForm>
          </>
        )}
      </section>
      <section aria-labelledby="discovery">
        <h2 id="discovery">{t('website.discovery.heading')}</h2>
        <p>{t('website.discovery.intro')}</p>
        {m.workable && (
          <ActionForm v={v} action={`${path}/discover`} form="discover" problems={problems}>
            <button type="submit">{t('website.discovery.run')}</button>
          </ActionForm>
        )}
        <Discoveries v={v} m={m} />
      </section>
    </>
  );
}
