// Registering a party (type, names and entry) and editing an entry: the contact window, the agreement, notes, and
// for website operators the kind and the relay. What was typed is shown again with the errors.
import {
  CsrfField,
  ErrorSummary,
  Field,
  Fieldset,
  SelectField,
  TextArea,
} from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { DIRECTORY_TYPES, OPERATOR_KINDS } from '../product-category.js';

export type FormValues = Record<string, string | string[] | undefined>;

export const str = (values: FormValues, k: string): string => {
  const x = values[k];
  return typeof x === 'string' ? x : Array.isArray(x) ? x.join('\n') : '';
};
const list = (values: FormValues, k: string): string[] => {
  const x = values[k];
  return typeof x === 'string' ? [x] : Array.isArray(x) ? x : [];
};

/** The contact window's fields: the same on the keeper's forms and on a party's change request. */
export function ContactFields({
  v,
  values,
  errors,
}: {
  v: ViewContext;
  values: FormValues;
  errors: Record<string, string[]> | undefined;
}) {
  const { t } = v;
  const langs = list(values, 'languages');
  return (
    <>
      <Field
        name="nameJa"
        label={t('directory.form.nameJa')}
        value={str(values, 'nameJa')}
        required
        errors={errors}
      />
      <Field
        name="nameEn"
        label={t('directory.form.nameEn')}
        value={str(values, 'nameEn')}
        required
        errors={errors}
      />
      <Fieldset legend={t('directory.form.contactLegend')}>
        <TextArea
          name="emails"
          label={t('directory.form.emails')}
          hint={t('directory.form.emailsHint')}
          value={str(values, 'emails')}
          rows={3}
          required
          errors={errors}
        />
        <Field
          name="phone"
          type="tel"
          label={t('directory.form.phone')}
          value={str(values, 'phone')}
          autocomplete="off"
          errors={errors}
        />
        <fieldset class={`field${errors?.languages ? ' has-error' : ''}`} id="languages">
          <legend>{t('directory.form.languagesLegend')}</legend>
          {errors?.languages && (
            <p class="error" id="languages-error">
              {errors.languages.join(' ')}
            </p>
          )}
          {(['ja', 'en'] as const).map((l) => (
            <div class="checkbox" key={l}>
              <input
                type="checkbox"
                id={`languages-${l}`}
                name="languages"
                value={l}
                checked={langs.includes(l)}
                aria-describedby={errors?.languages ? 'languages-error' : undefined}
              />{' '}
              <label for={`languages-${l}`}>{t(`directory.languages.${l}`)}</label>
            </div>
          ))}
        </fieldset>
        <SelectField
          name="locale"
          label={t('directory.form.locale')}
          value={str(values, 'locale') || 'ja'}
          options={[
            { value: 'ja', label: t('directory.languages.ja') },
            { value: 'en', label: t('directory.languages.en') },
          ]}
          errors={errors}
        />
        <Field
          name="webUrl"
          type="url"
          label={t('directory.form.webUrl')}
          value={str(values, 'webUrl')}
          errors={errors}
        />
        <TextArea
          name="pgpPublicKey"
          label={t('directory.form.pgpPublicKey')}
          hint={t('directory.form.pgpHint')}
          value={str(values, 'pgpPublicKey')}
          rows={6}
          errors={errors}
        />
      </Fieldset>
    </>
  );
}

export function EntryFormPage({
  v,
  mode,
  organization,
  values,
  errors,
  relayOptions,
  types = DIRECTORY_TYPES,
}: {
  v: ViewContext;
  mode: 'new' | 'edit';
  organization?: { id: string; type: string; nameJa: string; nameEn: string };
  values: FormValues;
  errors?: Record<string, string[]> | undefined;
  /** website operators a notice may be relayed through */
  relayOptions: { id: string; name: string }[];
  /** the types this keeper may register */
  types?: readonly string[];
}) {
  const { t, locale } = v;
  const title =
    mode === 'new'
      ? t('directory.form.newTitle')
      : t('directory.form.editTitle', {
          name: locale === 'ja' ? organization?.nameJa : organization?.nameEn,
        });
  const action = mode === 'new' ? '/directory' : `/directory/${organization?.id}/edit`;
  const back = mode === 'new' ? '/directory' : `/directory/${organization?.id}`;
  const type = mode === 'new' ? str(values, 'type') : (organization?.type ?? '');
  return (
    <Layout v={v} title={title}>
      <p>
        <a href={back}>{t('directory.form.cancel')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField v={v} />
        {mode === 'new' && (
          <SelectField
            name="type"
            label={t('directory.form.type')}
            required
            value={type}
            placeholder={t('directory.form.chooseType')}
            options={types.map((ty) => ({ value: ty, label: t(`directory.types.${ty}`) }))}
            errors={errors}
          />
        )}
        <ContactFields v={v} values={values} errors={errors} />
        <Fieldset legend={t('directory.form.ndaLegend')}>
          <Field
            name="ndaSignedOn"
            type="date"
            label={t('directory.form.ndaSignedOn')}
            hint={t('directory.form.ndaSignedOnHint')}
            value={str(values, 'ndaSignedOn')}
            errors={errors}
          />
          <Field
            name="ndaVersion"
            label={t('directory.form.ndaVersion')}
            value={str(values, 'ndaVersion')}
            errors={errors}
          />
        </Fieldset>
        {(mode === 'new' || type === 'website_operator') && (
          <Fieldset legend={t('directory.form.websiteLegend')}>
            <SelectField
              name="operatorKind"
              label={t('directory.form.operatorKind')}
              value={str(values, 'operatorKind')}
              options={[
                { value: '', label: t('directory.form.noOperatorKind') },
                ...OPERATOR_KINDS.map((k) => ({ value: k, label: t(`directory.operatorKinds.${k}`) })),
              ]}
              errors={errors}
            />
            <SelectField
              name="relayViaOrganizationId"
              label={t('directory.form.relay')}
              hint={t('directory.form.relayHint')}
              value={str(values, 'relayViaOrganizationId')}
              options={[
                { value: '', label: t('directory.form.noRelay') },
                ...relayOptions.map((o) => ({ value: o.id, label: o.name })),
              ]}
              errors={errors}
            />
          </Fieldset>
        )}
        <TextArea
          name="notes"
          label={t('directory.form.notes')}
          value={str(values, 'notes')}
          rows={4}
          errors={errors}
        />
        <button type="submit">
          {mode === 'new' ? t('directory.form.create') : t('directory.form.save')}
        </button>
      </form>
    </Layout>
  );
}
