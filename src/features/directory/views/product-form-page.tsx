// Correcting a product: the same fields as when it was added (ProductFields, also on the entry page's add form).
import { CsrfField, ErrorSummary, Field, SelectField } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { PRODUCT_CATEGORIES } from '../product-category.js';
import { type FormValues, str } from './entry-form-page.js';

/**
 * A product's fields: names, purl, CPE and category. The entry page's add form gives the name fields ids of their
 * own (`idPrefix`-nameJa), as the page has other forms; the rest keep their names as ids.
 */
export function ProductFields({
  v,
  values,
  errors,
  idPrefix,
}: {
  v: ViewContext;
  values: FormValues;
  errors?: Record<string, string[]> | undefined;
  idPrefix?: string;
}) {
  const { t } = v;
  const nameId = (name: string) => (idPrefix ? { id: `${idPrefix}-${name}` } : {});
  return (
    <>
      <Field
        name="nameJa"
        {...nameId('nameJa')}
        label={t('directory.entry.products.nameJa')}
        value={str(values, 'nameJa')}
        required
        errors={errors}
      />
      <Field
        name="nameEn"
        {...nameId('nameEn')}
        label={t('directory.entry.products.nameEn')}
        value={str(values, 'nameEn')}
        required
        errors={errors}
      />
      <Field
        name="purl"
        label={t('directory.entry.products.purl')}
        hint={t('directory.entry.products.purlHint')}
        value={str(values, 'purl')}
        errors={errors}
      />
      <Field
        name="cpe"
        label={t('directory.entry.products.cpe')}
        hint={t('directory.entry.products.cpeHint')}
        value={str(values, 'cpe')}
        errors={errors}
      />
      <SelectField
        name="category"
        label={t('directory.entry.products.category')}
        hint={t('directory.entry.products.categoryHint')}
        value={str(values, 'category') || 'general'}
        options={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: t(`directory.categories.${c}`) }))}
        errors={errors}
      />
    </>
  );
}

export function ProductFormPage({
  v,
  organizationId,
  productId,
  values,
  errors,
}: {
  v: ViewContext;
  organizationId: string;
  productId: string;
  values: FormValues;
  errors?: Record<string, string[]> | undefined;
}) {
  const { t } = v;
  const title = t('directory.entry.products.editTitle', {
    name: v.locale === 'ja' ? str(values, 'nameJa') : str(values, 'nameEn'),
  });
  return (
    <Layout v={v} title={title}>
      <p>
        <a href={`/directory/${organizationId}#products`}>{t('directory.form.cancel')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action={`/directory/${organizationId}/products/${productId}/edit`} novalidate>
        <CsrfField v={v} />
        <ProductFields v={v} values={values} errors={errors} />
        <button type="submit">{t('directory.form.save')}</button>
      </form>
    </Layout>
  );
}
