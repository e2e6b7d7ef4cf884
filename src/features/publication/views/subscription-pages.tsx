// The subscription pages (配信登録): the form, "check your mail", the confirmation and unsubscribe pages reached
// from a secret link (each asks with a button: opening a link changes nothing), and "this link cannot be used".
import {
  CsrfField,
  ErrorSummary,
  type Errors,
  Field,
  SelectField,
} from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';

function Notice({ children }: { children: string }) {
  return (
    <div class="notice" role="status">
      <p>{children}</p>
    </div>
  );
}

export function SubscribePage({
  v,
  values = {},
  errors,
  sent = false,
}: {
  v: ViewContext;
  values?: { email?: string; locale?: string };
  errors?: Errors;
  sent?: boolean;
}) {
  const { t } = v;
  if (sent) {
    return (
      <Layout v={v} title={t('publication.subscribe.sentTitle')}>
        <h1>{t('publication.subscribe.sentTitle')}</h1>
        <Notice>{t('publication.subscribe.sent')}</Notice>
        <p>
          <a href="/advisories">{t('vulndb.title')}</a>
        </p>
      </Layout>
    );
  }
  return (
    <Layout v={v} title={t('publication.subscribe.title')}>
      <h1>{t('publication.subscribe.title')}</h1>
      <p>{t('publication.subscribe.intro')}</p>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action="/subscribe" novalidate>
        <CsrfField v={v} />
        <Field
          name="email"
          type="email"
          label={t('publication.subscribe.email')}
          hint={t('publication.subscribe.privacy')}
          value={values.email ?? ''}
          autocomplete="email"
          required
          errors={errors}
        />
        <SelectField
          name="locale"
          label={t('publication.subscribe.language')}
          value={values.locale ?? v.locale}
          options={[
            { value: 'ja', label: t('publication.subscribe.languages.ja'), lang: 'ja' },
            { value: 'en', label: t('publication.subscribe.languages.en'), lang: 'en' },
          ]}
          errors={errors}
        />
        <button type="submit">{t('publication.subscribe.submit')}</button>
      </form>
    </Layout>
  );
}

export type LinkPageKind = 'confirm' | 'unsubscribe';

/** The page of a secret link: what it will do, and the button that does it. */
export function SubscriptionLinkPage({
  v,
  kind,
  action,
  email,
}: {
  v: ViewContext;
  kind: LinkPageKind;
  action: string;
  email: string;
}) {
  const { t } = v;
  const k = kind === 'confirm' ? 'confirm' : 'unsubscribe';
  return (
    <Layout v={v} title={t(`publication.subscribe.${k}Title`)}>
      <h1>{t(`publication.subscribe.${k}Title`)}</h1>
      <p>{t(`publication.subscribe.${k}Intro`, { email })}</p>
      <form method="post" action={action}>
        <CsrfField v={v} />
        <button type="submit" class={kind === 'unsubscribe' ? 'danger' : undefined}>
          {t(`publication.subscribe.${k}Button`)}
        </button>
      </form>
    </Layout>
  );
}

/** After the button: subscribed, or mails stopped. */
export function SubscriptionDonePage({ v, kind }: { v: ViewContext; kind: LinkPageKind }) {
  const { t } = v;
  const title = t(
    kind === 'confirm' ? 'publication.subscribe.confirmedTitle' : 'publication.subscribe.unsubscribedTitle',
  );
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      <Notice>
        {t(kind === 'confirm' ? 'publication.subscribe.confirmed' : 'publication.subscribe.unsubscribed')}
      </Notice>
      <p>
        <a href="/advisories">{t('vulndb.title')}</a>
      </p>
    </Layout>
  );
}

export function SubscriptionGonePage({ v }: { v: ViewContext }) {
  const { t } = v;
  return (
    <Layout v={v} title={t('publication.subscribe.goneTitle')}>
      <h1>{t('publication.subscribe.goneTitle')}</h1>
      <p>{t('publication.subscribe.gone')}</p>
      <p>
        <a href="/subscribe">{t('publication.subscribe.again')}</a>
      </p>
    </Layout>
  );
}
