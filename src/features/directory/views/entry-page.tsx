// One directory entry (staff): the contact window, the agreement, products or domains with the keeper's forms, the
// organization's users, the invitation of a contact, and the change requests waiting for approval.
import { formatInstant } from '../../../domain/time.js';
import {
  CsrfField,
  ErrorSummary,
  Field,
  Fieldset,
  SelectField,
} from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { DirectoryEntryView } from '../show-directory-entry.js';
import { type FormValues, str } from './entry-form-page.js';
import { ProductFields } from './product-form-page.js';
import { Emails, Languages, Notice, nameIn, when } from './shared.js';

export type EntryPageModel = DirectoryEntryView & {
  canInvite: boolean;
  notice?: string | undefined;
  /** which form the errors belong to, and what was typed in it */
  form?: { name: 'product' | 'domain' | 'invite'; values: FormValues; errors: Record<string, string[]> };
};

export function EntryDetails({
  v,
  model,
  showNotes,
}: {
  v: ViewContext;
  model: DirectoryEntryView;
  showNotes: boolean;
}) {
  const { t, locale } = v;
  const o = model.organization;
  const e = model.entry;
  return (
    <dl>
      <dt>{t('directory.entry.type')}</dt>
      <dd>{t(`directory.types.${o.type}`)}</dd>
      <dt>{t('directory.entry.nameJa')}</dt>
      <dd lang="ja">{o.nameJa}</dd>
      <dt>{t('directory.entry.nameEn')}</dt>
      <dd lang="en">{o.nameEn}</dd>
      {e && (
        <>
          <dt>{t('directory.entry.emails')}</dt>
          <dd>
            <Emails v={v} emails={e.emails} />
          </dd>
          <dt>{t('directory.entry.phone')}</dt>
          <dd>{e.phone ?? t('directory.entry.none')}</dd>
          <dt>{t('directory.entry.languages')}</dt>
          <dd>
            <Languages v={v} list={e.languages} />
          </dd>
          <dt>{t('directory.entry.locale')}</dt>
          <dd>{t(`directory.languages.${e.locale}`)}</dd>
          <dt>{t('directory.entry.webUrl')}</dt>
          <dd>
            {e.webUrl ? (
              <a href={e.webUrl} rel="noopener noreferrer nofollow">
                {e.webUrl}
              </a>
            ) : (
              t('directory.entry.none')
            )}
          </dd>
          <dt>{t('directory.entry.pgp')}</dt>
          <dd>
            {e.pgpFingerprint ? (
              <>
                <code>{t('directory.entry.pgpFingerprint', { fingerprint: e.pgpFingerprint })}</code>{' '}
                {e.pgpExpiresAt
                  ? t('directory.entry.pgpExpires', { at: when(v, e.pgpExpiresAt) })
                  : t('directory.entry.pgpNoExpiry')}
                {e.pgpExpired && <strong class="badge"> {t('directory.entry.pgpExpired')}</strong>}
              </>
            ) : (
              t('directory.entry.none')
            )}
          </dd>
          <dt>{t('directory.entry.nda')}</dt>
          <dd>
            {e.ndaSignedOn && e.ndaVersion
              ? t('directory.entry.ndaValue', { date: e.ndaSignedOn, version: e.ndaVersion })
              : t('directory.entry.ndaNone')}
          </dd>
          {o.type === 'website_operator' && (
            <>
              <dt>{t('directory.entry.operatorKind')}</dt>
              <dd>
                {e.operatorKind ? t(`directory.operatorKinds.${e.operatorKind}`) : t('directory.entry.none')}
              </dd>
              <dt>{t('directory.entry.relay')}</dt>
              <dd>
                {e.relayVia ? (
                  <a href={`/directory/${e.relayVia.id}`}>{nameIn(e.relayVia, locale)}</a>
                ) : (
                  t('directory.entry.none')
                )}
              </dd>
            </>
          )}
          {showNotes && e.notes && (
            <>
              <dt>{t('directory.entry.notes')}</dt>
              <dd class="prewrap">{e.notes}</dd>
            </>
          )}
          <dt>{t('directory.entry.updatedAt')}</dt>
          <dd>{formatInstant(e.updatedAt, { locale, timeZone: v.timeZone })}</dd>
        </>
      )}
    </dl>
  );
}

function Products({ v, model }: { v: ViewContext; model: EntryPageModel }) {
  const { t, locale } = v;
  const o = model.organization;
  const f = model.form?.name === 'product' ? model.form : undefined;
  return (
    <section aria-labelledby="products">
      <h2 id="products">{t('directory.entry.products.heading')}</h2>
      {model.products.length === 0 ? (
        <p>{t('directory.entry.products.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('directory.entry.products.caption', { name: nameIn(o, locale) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.entry.products.name')}</th>
                <th scope="col">{t('directory.entry.products.purl')}</th>
                <th scope="col">{t('directory.entry.products.cpe')}</th>
                <th scope="col">{t('directory.entry.products.category')}</th>
                {model.canManage && <th scope="col">{t('directory.entry.products.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {model.products.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{nameIn(p, locale)}</th>
                  <td>{p.purl && <code>{p.purl}</code>}</td>
                  <td>{p.cpe && <code>{p.cpe}</code>}</td>
                  <td>{t(`directory.categories.${p.category}`)}</td>
                  {model.canManage && (
                    <td>
                      <a href={`/directory/${o.id}/products/${p.id}/edit`}>
                        {t('directory.entry.products.edit', { name: nameIn(p, locale) })}
                      </a>
                      <form method="post" action={`/directory/${o.id}/products/${p.id}/retire`}>
                        <CsrfField v={v} />
                        <button type="submit">
                          {t('directory.entry.products.retire', { name: nameIn(p, locale) })}
                        </button>
                      </form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {model.canManage && (
        <form method="post" action={`/directory/${o.id}/products`} novalidate>
          <CsrfField v={v} />
          <Fieldset legend={t('directory.entry.products.addLegend')}>
            <ErrorSummary
              v={v}
              errors={f?.errors}
              ids={{ nameJa: 'product-nameJa', nameEn: 'product-nameEn' }}
            />
            <ProductFields v={v} values={f?.values ?? {}} errors={f?.errors} idPrefix="product" />
            <button type="submit">{t('directory.entry.products.add')}</button>
          </Fieldset>
        </form>
      )}
    </section>
  );
}

function Domains({ v, model }: { v: ViewContext; model: EntryPageModel }) {
  const { t } = v;
  const o = model.organization;
  const f = model.form?.name === 'domain' ? model.form : undefined;
  return (
    <section aria-labelledby="domains">
      <h2 id="domains">{t('directory.entry.domains.heading')}</h2>
      {model.domains.length === 0 ? (
        <p>{t('directory.entry.domains.empty')}</p>
      ) : (
        <ul>
          {model.domains.map((d) => (
            <li key={d.id}>
              <code>{d.domain}</code>
              {model.canManage && (
                <form method="post" action={`/directory/${o.id}/domains/${d.id}/remove`} class="inline">
                  <CsrfField v={v} />
                  <button type="submit">{t('directory.entry.domains.remove', { domain: d.domain })}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {model.canManage && (
        <form method="post" action={`/directory/${o.id}/domains`} novalidate>
          <CsrfField v={v} />
          <ErrorSummary v={v} errors={f?.errors} />
          <Field
            name="domain"
            label={t('directory.entry.domains.domain')}
            hint={t('directory.entry.domains.domainHint')}
            value={str(f?.values ?? {}, 'domain')}
            required
            errors={f?.errors}
          />
          <button type="submit">{t('directory.entry.domains.add')}</button>
        </form>
      )}
    </section>
  );
}

function Users({ v, model }: { v: ViewContext; model: EntryPageModel }) {
  const { t, locale } = v;
  const o = model.organization;
  const f = model.form?.name === 'invite' ? model.form : undefined;
  return (
    <section aria-labelledby="users">
      <h2 id="users">{t('directory.entry.users.heading')}</h2>
      {model.users.length === 0 ? (
        <p>{t('directory.entry.users.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('directory.entry.users.caption', { name: nameIn(o, locale) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.entry.users.name')}</th>
                <th scope="col">{t('directory.entry.users.email')}</th>
                <th scope="col">{t('directory.entry.users.role')}</th>
                <th scope="col">{t('directory.entry.users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {model.users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.displayName}</th>
                  <td>{u.email}</td>
                  <td>{t(`roles.${u.role}`)}</td>
                  <td>
                    {u.disabled ? t('directory.entry.users.disabled') : t('directory.entry.users.active')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {model.canInvite ? (
        <form method="post" action={`/directory/${o.id}/invite`} novalidate>
          <CsrfField v={v} />
          <Fieldset
            legend={t('directory.entry.invite.legend')}
            hint={{ id: 'invite-hint', text: t('directory.entry.invite.hint') }}
          >
            <ErrorSummary v={v} errors={f?.errors} />
            <SelectField
              name="email"
              id="invite-email"
              label={t('directory.entry.invite.email')}
              value={str(f?.values ?? {}, 'email') || model.entry?.emails[0]}
              options={(model.entry?.emails ?? []).map((e) => ({ value: e, label: e }))}
              errors={f?.errors}
            />
            <SelectField
              name="locale"
              id="invite-locale"
              label={t('directory.entry.invite.locale')}
              value={str(f?.values ?? {}, 'locale') || model.entry?.locale || 'ja'}
              options={[
                { value: 'ja', label: t('directory.languages.ja') },
                { value: 'en', label: t('directory.languages.en') },
              ]}
              errors={f?.errors}
            />
            <button type="submit">{t('directory.entry.invite.submit')}</button>
          </Fieldset>
        </form>
      ) : (
        model.canManage &&
        model.entry &&
        model.entry.emails.length > 0 && <p class="hint">{t('directory.entry.invite.notAllowed')}</p>
      )}
    </section>
  );
}

export function EntryPage({ v, model }: { v: ViewContext; model: EntryPageModel }) {
  const { t, locale } = v;
  const o = model.organization;
  const name = nameIn(o, locale);
  return (
    <Layout v={v} title={t('directory.entry.title', { name })}>
      <p>
        <a href="/directory">{t('directory.entry.back')}</a>
      </p>
      <h1>{name}</h1>
      <Notice text={model.notice} />
      {o.disabledAt && <p class="notice">{t('directory.entry.disabled')}</p>}
      <section aria-labelledby="details">
        <h2 id="details">{t('directory.entry.details')}</h2>
        {!model.entry && <p>{t('directory.entry.noEntry')}</p>}
        <EntryDetails v={v} model={model} showNotes />
        {model.canManage && (
          <p>
            <a class="button-link" href={`/directory/${o.id}/edit`}>
              {model.entry ? t('directory.entry.edit') : t('directory.entry.createEntry')}
            </a>
          </p>
        )}
      </section>
      {model.pendingRequests.length > 0 && (
        <section aria-labelledby="requests">
          <h2 id="requests">{t('directory.entry.requests.heading')}</h2>
          <ul>
            {model.pendingRequests.map((r) => (
              <li key={r.id}>
                <a href={`/directory/requests/${r.id}`}>
                  {t('directory.entry.requests.item', {
                    at: when(v, r.createdAt),
                    who: r.requestedBy.displayName,
                    fields: r.changed.map((f) => t(`directory.fields.${f}`)).join(', '),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {o.type === 'website_operator' ? <Domains v={v} model={model} /> : <Products v={v} model={model} />}
      <Users v={v} model={model} />
    </Layout>
  );
}
