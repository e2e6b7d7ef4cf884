// The editor's form (/coordination/cases/:reference/advisory): the Japanese/English fields side by side, a group
// per list (developers, vulnerabilities, products, statuses, credits, references). No JavaScript: rows are added by
// saving (a few empty rows are always there) and removed with a checkbox. Field names are advisory-input.ts's.
import { Checkbox, CsrfField, Field, SelectField } from '../../../platform/views/form-fields.js';
import { BILINGUAL_FIELDS, REFERENCE_KINDS, VENDOR_STATUSES } from '../advisory-input.js';
import { advisoryPath } from '../mail.js';
import { Bi, ChangeNoteFields, Fields, type FormCtx, Group, RowGroup, rows } from './parts.js';

type Developer = { slug: string; name: string };

function DeveloperRows(f: FormCtx) {
  const { v, values, errors } = f;
  const { t } = v;
  return (
    <RowGroup
      legend={t('advisories.form.developers')}
      values={values}
      list="dev"
      extra={1}
      row={(i) => (
        <div key={i} class="row-group">
          <Field
            name={`dev.${i}.slug`}
            label={t('advisories.form.developerSlug')}
            value={values[`dev.${i}.slug`]}
            errors={errors}
          />
          <Bi
            {...f}
            ja={`dev.${i}.nameJa`}
            en={`dev.${i}.nameEn`}
            label={t('advisories.form.developerName')}
          />
          <Checkbox name={`dev.${i}.remove`} label={t('advisories.form.remove')} />
        </div>
      )}
    />
  );
}

function VulnerabilityRows(f: FormCtx) {
  const { v, values, errors } = f;
  const { t } = v;
  return (
    <RowGroup
      legend={t('advisories.form.vulnerabilities')}
      values={values}
      list="vuln"
      extra={1}
      row={(i, n) => {
        const p = `vuln.${i}.`;
        const ordinal = values[`${p}ordinal`];
        return (
          <fieldset key={i}>
            <legend>
              {ordinal
                ? t('advisories.form.vulnerability', { n: n + 1 })
                : t('advisories.form.newVulnerability')}
            </legend>
            <input type="hidden" name={`${p}ordinal`} value={ordinal ?? ''} />
            <Bi {...f} ja={`${p}titleJa`} en={`${p}titleEn`} label={t('advisories.form.vulnTitle')} />
            <Bi
              {...f}
              ja={`${p}descriptionJa`}
              en={`${p}descriptionEn`}
              label={t('advisories.form.vulnDescription')}
              multiline
            />
            <Fields
              {...f}
              prefix={p}
              fields={[
                { name: 'cwe', label: 'advisories.form.cwe' },
                { name: 'cve', label: 'advisories.form.cve' },
                { name: 'cvss31', label: 'advisories.form.cvss31', hint: 'advisories.form.cvssHint' },
                { name: 'cvss40', label: 'advisories.form.cvss40', hint: 'advisories.form.cvssHint' },
              ]}
            />
            <Checkbox
              name={`${p}exploited`}
              label={t('advisories.form.exploited')}
              hint={t('advisories.form.exploitedHint')}
              checked={values[`${p}exploited`] === 'on'}
              errors={errors}
            />
            {ordinal && <Checkbox name={`${p}remove`} label={t('advisories.form.remove')} />}
          </fieldset>
        );
      }}
    />
  );
}

function ProductRows(f: FormCtx & { developers: Developer[] }) {
  const { v, values, errors, developers } = f;
  const { t } = v;
  return (
    <RowGroup
      legend={t('advisories.form.products')}
      values={values}
      list="product"
      extra={1}
      row={(i, n) => {
        const p = `product.${i}.`;
        const key = values[`${p}key`];
        return (
          <fieldset key={i}>
            <legend>
              {key ? t('advisories.form.product', { n: n + 1 }) : t('advisories.form.newProduct')}
            </legend>
            <input type="hidden" name={`${p}key`} value={key ?? ''} />
            <SelectField
              name={`${p}developer`}
              label={t('advisories.form.productDeveloper')}
              value={values[`${p}developer`]}
              errors={errors}
              placeholder={t('advisories.form.chooseDeveloper')}
              options={developers.map((d) => ({ value: d.slug, label: `${d.name} (${d.slug})` }))}
            />
            <Bi {...f} ja={`${p}nameJa`} en={`${p}nameEn`} label={t('advisories.form.productName')} />
            <Bi {...f} ja={`${p}versionsJa`} en={`${p}versionsEn`} label={t('advisories.form.versions')} />
            <Fields
              {...f}
              prefix={p}
              fields={[
                { name: 'versionRange', label: 'advisories.form.versionRange' },
                { name: 'fixedVersion', label: 'advisories.form.fixedVersion' },
                { name: 'purl', label: 'advisories.form.purl' },
                { name: 'cpe', label: 'advisories.form.cpe' },
              ]}
            />
            {key && <Checkbox name={`${p}remove`} label={t('advisories.form.remove')} />}
          </fieldset>
        );
      }}
    />
  );
}

function StatusRows(f: FormCtx & { developers: Developer[]; vulnOrdinals: string[] }) {
  const { v, values, errors } = f;
  const { t } = v;
  return (
    <Group legend={t('advisories.form.statuses')}>
      <p class="hint">{t('advisories.form.statusesHint')}</p>
      {f.developers.flatMap((d) =>
        f.vulnOrdinals.map((o, n) => {
          const p = `status.${d.slug}.${o}.`;
          return (
            <fieldset key={p}>
              <legend>{t('advisories.form.statusFor', { developer: d.name, n: n + 1 })}</legend>
              <SelectField
                name={`${p}value`}
                label={t('advisories.form.statusValue')}
                value={values[`${p}value`] ?? 'unknown'}
                errors={errors}
                options={VENDOR_STATUSES.map((s) => ({ value: s, label: t(`advisories.statusValues.${s}`) }))}
              />
              <Bi
                {...f}
                ja={`${p}statementJa`}
                en={`${p}statementEn`}
                label={t('advisories.form.statement')}
                multiline
              />
              <Fields
                {...f}
                prefix={p}
                bilingual={false}
                fields={[{ name: 'url', label: 'advisories.form.statusUrl', type: 'url' }]}
              />
            </fieldset>
          );
        }),
      )}
    </Group>
  );
}

function ReferenceRows(f: FormCtx) {
  const { v, values, errors } = f;
  const { t } = v;
  return (
    <RowGroup
      legend={t('advisories.form.references')}
      values={values}
      list="ref"
      extra={2}
      row={(i, n) => (
        <fieldset key={i}>
          <legend>{t('advisories.form.reference', { n: n + 1 })}</legend>
          <SelectField
            name={`ref.${i}.kind`}
            label={t('advisories.form.referenceKind')}
            value={values[`ref.${i}.kind`] ?? 'other'}
            errors={errors}
            options={REFERENCE_KINDS.map((k) => ({ value: k, label: t(`advisories.referenceKinds.${k}`) }))}
          />
          <Fields
            {...f}
            prefix={`ref.${i}.`}
            bilingual={false}
            fields={[
              { name: 'title', label: 'advisories.form.referenceTitle' },
              { name: 'url', label: 'advisories.form.referenceUrl', type: 'url' },
            ]}
          />
        </fieldset>
      )}
    />
  );
}

export function EditorForm({
  v,
  reference,
  values,
  errors,
  changeNote,
}: FormCtx & { reference: string; changeNote: boolean }) {
  const { t } = v;
  const f = { v, values, errors };
  const developers = rows(values, 'dev', 0)
    .map((i) => ({
      slug: values[`dev.${i}.slug`] ?? '',
      name: values[`dev.${i}.nameJa`] || values[`dev.${i}.nameEn`] || '',
    }))
    .filter((d) => d.slug);
  const vulnOrdinals = rows(values, 'vuln', 0)
    .map((i) => values[`vuln.${i}.ordinal`] ?? '')
    .filter((o) => /^\d+$/.test(o));
  return (
    <form method="post" action={advisoryPath(reference)} id="editor">
      <CsrfField v={v} />
      <h2 id="edit">{t('advisories.form.heading')}</h2>
      <p class="hint">{t('advisories.form.emptyRowsHint')}</p>
      {changeNote && (
        <Group legend={t('advisories.form.changeNote')}>
          <ChangeNoteFields {...f} />
        </Group>
      )}
      {BILINGUAL_FIELDS.filter((k) => k === 'title' || k === 'overview').map((k) => (
        <Bi
          key={k}
          {...f}
          ja={`${k}.ja`}
          en={`${k}.en`}
          label={t(`advisories.form.fields.${k}`)}
          multiline={k !== 'title'}
          required={k === 'title'}
        />
      ))}
      <DeveloperRows {...f} />
      <VulnerabilityRows {...f} />
      <ProductRows {...f} developers={developers} />
      <StatusRows {...f} developers={developers} vulnOrdinals={vulnOrdinals} />
      {BILINGUAL_FIELDS.filter((k) => k !== 'title' && k !== 'overview').map((k) => (
        <Bi key={k} {...f} ja={`${k}.ja`} en={`${k}.en`} label={t(`advisories.form.fields.${k}`)} multiline />
      ))}
      <RowGroup
        legend={t('advisories.form.credits')}
        hint={t('advisories.form.creditHint')}
        values={values}
        list="credit"
        extra={1}
        row={(i, n) => (
          <Bi
            key={i}
            {...f}
            ja={`credit.${i}.ja`}
            en={`credit.${i}.en`}
            label={t('advisories.form.credit', { n: n + 1 })}
          />
        )}
      />
      <ReferenceRows {...f} />
      <Field
        name="receivedOn"
        label={t('advisories.form.receivedOn')}
        value={values.receivedOn}
        errors={errors}
      />
      <button type="submit">{t('advisories.form.save')}</button>
    </form>
  );
}
