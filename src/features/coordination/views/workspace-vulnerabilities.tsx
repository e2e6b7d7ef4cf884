// The case's vulnerabilities: each with its identifiers and scores and a form to update it, and a form to add one.
import { Field, TextArea } from '../../../platform/views/form-fields.js';
import { workspacePath } from '../mail.js';
import type { VulnerabilityView } from '../queries.js';
import { CWE_CHOICES_ID, CweChoices, cweLabel } from './cwe-choices.js';
import { At, errorsFor, PostForm, valuesFor } from './parts.js';
import type { WorkspaceProps } from './workspace-page.js';

function VulnerabilityFields({
  v,
  form,
  values,
  errors,
}: {
  v: WorkspaceProps['v'];
  form: string;
  values: Record<string, string>;
  errors: Record<string, string[]> | undefined;
}) {
  const { t } = v;
  const f = (name: string) => ({ name, id: `${form}-${name}`, errors, value: values[name] });
  return (
    <>
      <Field {...f('titleJa')} label={t('coordination.workspace.titleJa')} required />
      <Field {...f('titleEn')} label={t('coordination.workspace.titleEn')} required />
      <TextArea {...f('description')} label={t('coordination.workspace.description')} rows={4} />
      <Field
        {...f('cwe')}
        label={t('coordination.workspace.cwe')}
        hint={t('coordination.workspace.cweHint')}
        list={CWE_CHOICES_ID}
      />
      <Field
        {...f('cvss31')}
        label={t('coordination.workspace.cvss31')}
        hint={t('coordination.workspace.cvssHint')}
      />
      <Field {...f('cvss40')} label={t('coordination.workspace.cvss40')} />
      <Field {...f('cveId')} label={t('coordination.workspace.cveId')} />
    </>
  );
}

const valuesOf = (x: VulnerabilityView): Record<string, string> => ({
  titleJa: x.titleJa,
  titleEn: x.titleEn,
  description: x.description ?? '',
  cwe: x.cweId ?? '',
  cvss31: x.cvss31?.vector ?? '',
  cvss40: x.cvss40?.vector ?? '',
  cveId: x.cveId ?? '',
});

export function VulnerabilitiesSection({ v, w, problems }: WorkspaceProps) {
  const { t } = v;
  const base = workspacePath(w.reference);
  const open = !w.coordination.endKind;
  return (
    <section aria-labelledby="vulnerabilities">
      <h2 id="vulnerabilities">{t('coordination.workspace.vulnerabilities')}</h2>
      {open && <CweChoices />}
      {w.vulnerabilities.length === 0 && <p>{t('coordination.workspace.none')}</p>}
      {w.vulnerabilities.map((x) => {
        const form = `vuln-${x.ordinal}`;
        return (
          <article key={x.id} class={x.changed ? 'changed' : undefined} aria-labelledby={`${form}-h`}>
            <h3 id={`${form}-h`}>
              {w.reference}.{x.ordinal} {v.locale === 'ja' ? x.titleJa : x.titleEn}
              {x.changed && <strong class="badge"> {t('coordination.workspace.changedMark')}</strong>}
            </h3>
            <dl>
              <dt>{t('coordination.workspace.cwe')}</dt>
              <dd>{x.cweId ? cweLabel(x.cweId) : t('coordination.workspace.none')}</dd>
              <dt>{t('coordination.workspace.cvss31')}</dt>
              <dd>
                {x.cvss31
                  ? `${x.cvss31.vector} — ${x.cvss31.score.toFixed(1)} (${x.cvss31.severity})`
                  : t('coordination.workspace.none')}
              </dd>
              <dt>{t('coordination.workspace.cvss40')}</dt>
              <dd>
                {x.cvss40
                  ? `${x.cvss40.vector} — ${x.cvss40.score.toFixed(1)} (${x.cvss40.severity})`
                  : t('coordination.workspace.none')}
              </dd>
              <dt>{t('coordination.workspace.cveId')}</dt>
              <dd>{x.cveId ?? t('coordination.workspace.none')}</dd>
            </dl>
            {x.description && <pre class="mail">{x.description}</pre>}
            {open && (
              <details open={problems?.form === form}>
                <summary>{t('coordination.workspace.editVulnerability')}</summary>
                <PostForm v={v} action={`${base}/vulnerabilities/${x.id}`}>
                  <input type="hidden" name="form" value={form} />
                  <VulnerabilityFields
                    v={v}
                    form={form}
                    values={problems?.form === form ? valuesFor(problems, form) : valuesOf(x)}
                    errors={errorsFor(problems, form)}
                  />
                  <button type="submit">{t('coordination.workspace.editVulnerability')}</button>
                </PostForm>
              </details>
            )}
            {open && (
              <details open={problems?.form === `withdraw-${x.ordinal}`}>
                <summary>{t('coordination.workspace.withdrawVulnerability')}</summary>
                <PostForm v={v} action={`${base}/vulnerabilities/${x.id}/withdraw`}>
                  <input type="hidden" name="form" value={`withdraw-${x.ordinal}`} />
                  <TextArea
                    name="reason"
                    id={`withdraw-${x.ordinal}-reason`}
                    label={t('coordination.workspace.withdrawReason')}
                    rows={2}
                    required
                    errors={errorsFor(problems, `withdraw-${x.ordinal}`)}
                    value={valuesFor(problems, `withdraw-${x.ordinal}`).reason}
                  />
                  <button type="submit">{t('coordination.workspace.withdrawVulnerability')}</button>
                </PostForm>
              </details>
            )}
          </article>
        );
      })}
      {w.withdrawnVulnerabilities.length > 0 && (
        <>
          <h3>{t('coordination.workspace.withdrawnList')}</h3>
          <ul class="withdrawn">
            {w.withdrawnVulnerabilities.map((x) => (
              <li key={x.id}>
                <s>
                  {w.reference}.{x.ordinal} {v.locale === 'ja' ? x.titleJa : x.titleEn}
                </s>{' '}
                {t('coordination.workspace.withdrawn')}: <At v={v} at={x.withdrawnAt} />
              </li>
            ))}
          </ul>
        </>
      )}
      {open && (
        <details open={problems?.form === 'vuln-new' || w.vulnerabilities.length === 0}>
          <summary>{t('coordination.workspace.addVulnerability')}</summary>
          <PostForm v={v} action={`${base}/vulnerabilities`}>
            <VulnerabilityFields
              v={v}
              form="vuln-new"
              values={valuesFor(problems, 'vuln-new')}
              errors={errorsFor(problems, 'vuln-new')}
            />
            <button type="submit">{t('coordination.workspace.addVulnerability')}</button>
          </PostForm>
        </details>
      )}
    </section>
  );
}
