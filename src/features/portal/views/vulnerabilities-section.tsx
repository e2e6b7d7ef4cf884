// The case's vulnerabilities as the developer sees them, each with the developer's own status form and the
// statements other developers shared (named only "another developer").
import { Checkbox, CsrfField, SelectField, TextArea } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { DEVELOPER_STATUSES } from '../input.js';
import type { PortalCase, PortalVulnerability } from '../show-my-case.js';
import { at } from './moments.js';
import { portalCasePath } from './paths.js';
import { type CaseProblems, idPrefix } from './problems.js';

function Cvss({ v, c }: { v: ViewContext; c: PortalVulnerability['cvss31'] }) {
  if (!c) return <>{v.t('portal.vulns.notSet')}</>;
  return (
    <>
      {c.score.toFixed(1)} ({c.severity}) <code>{c.vector}</code>
    </>
  );
}

function StatusForm({
  v,
  c,
  vuln,
  problem,
}: {
  v: ViewContext;
  c: PortalCase;
  vuln: PortalVulnerability;
  problem: CaseProblems['status'];
}) {
  const { t } = v;
  const mine = problem?.ordinal === vuln.ordinal ? problem : undefined;
  const values = mine?.values;
  const errors = mine?.errors;
  const prefix = idPrefix.status(vuln.ordinal);
  const status = values ? values.status : vuln.mine.status === 'unknown' ? '' : vuln.mine.status;
  return (
    <form method="post" action={`${portalCasePath(c.reference)}/vulnerabilities/${vuln.ordinal}/status`}>
      <CsrfField v={v} />
      <SelectField
        id={`${prefix}status`}
        name="status"
        label={t('portal.vulns.status')}
        options={DEVELOPER_STATUSES.map((s) => ({ value: s, label: t(`portal.statuses.${s}`) }))}
        placeholder={t('portal.vulns.choose')}
        value={status}
        errors={errors}
        required
      />
      <TextArea
        id={`${prefix}statement`}
        name="statement"
        label={t('portal.vulns.statement')}
        hint={t('portal.vulns.statementHint')}
        value={values ? values.statement : (vuln.mine.statement ?? '')}
        errors={errors}
        rows={4}
      />
      <TextArea
        id={`${prefix}countermeasure`}
        name="countermeasure"
        label={t('portal.vulns.countermeasure')}
        hint={t('portal.vulns.countermeasureHint')}
        value={values ? values.countermeasure : (vuln.mine.countermeasure ?? '')}
        errors={errors}
        rows={4}
      />
      <Checkbox
        id={`${prefix}shared`}
        name="shared"
        label={t('portal.vulns.shared')}
        hint={t('portal.vulns.sharedHint')}
        checked={values ? values.shared === 'on' : vuln.mine.shared}
        errors={errors}
      />
      <button type="submit">{t('portal.vulns.save')}</button>
    </form>
  );
}

function Vulnerability({
  v,
  c,
  vuln,
  problem,
}: {
  v: ViewContext;
  c: PortalCase;
  vuln: PortalVulnerability;
  problem: CaseProblems['status'];
}) {
  const { t } = v;
  const headingId = `vuln-${vuln.ordinal}`;
  const none = t('portal.vulns.notSet');
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        {c.reference}.{vuln.ordinal} {v.locale === 'ja' ? vuln.titleJa : vuln.titleEn}
      </h3>
      <dl>
        <dt>{t('portal.vulns.cwe')}</dt>
        <dd>{vuln.cweId ?? none}</dd>
        <dt>{t('portal.vulns.cvss31')}</dt>
        <dd>
          <Cvss v={v} c={vuln.cvss31} />
        </dd>
        <dt>{t('portal.vulns.cvss40')}</dt>
        <dd>
          <Cvss v={v} c={vuln.cvss40} />
        </dd>
        <dt>{t('portal.vulns.cve')}</dt>
        <dd>{vuln.cveId ?? none}</dd>
        {vuln.description && (
          <>
            <dt>{t('portal.vulns.description')}</dt>
            <dd>
              <pre class="mail">{vuln.description}</pre>
            </dd>
          </>
        )}
      </dl>
      <h4>{t('portal.vulns.myStatus')}</h4>
      <p>
        <strong>{t(`portal.statuses.${vuln.mine.status}`)}</strong>{' '}
        <span class="hint">
          {vuln.mine.updatedAt
            ? t('portal.vulns.updated', { at: at(v, vuln.mine.updatedAt) })
            : t('portal.vulns.neverUpdated')}
        </span>
      </p>
      {!c.ended && <StatusForm v={v} c={c} vuln={vuln} problem={problem} />}
      <h4>{t('portal.vulns.others')}</h4>
      {vuln.others.length === 0 ? (
        <p>{t('portal.vulns.noneShared')}</p>
      ) : (
        <ul class="shared-statements">
          {vuln.others.map((o, i) => (
            <li key={i}>
              <p>
                <strong>{t('portal.vulns.anotherDeveloper')}</strong>: {t(`portal.statuses.${o.status}`)}{' '}
                <span class="hint">{t('portal.vulns.updated', { at: at(v, o.updatedAt) })}</span>
              </p>
              {o.statement && <pre class="mail">{o.statement}</pre>}
              {o.countermeasure && <pre class="mail">{o.countermeasure}</pre>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function VulnerabilitiesSection({
  v,
  c,
  problem,
}: {
  v: ViewContext;
  c: PortalCase;
  problem: CaseProblems['status'];
}) {
  return (
    <section aria-labelledby="vulnerabilities">
      <h2 id="vulnerabilities">{v.t('portal.vulns.heading')}</h2>
      {c.vulnerabilities.length === 0 ? (
        <p>{v.t('portal.vulns.none')}</p>
      ) : (
        c.vulnerabilities.map((vuln) => (
          <Vulnerability key={vuln.id} v={v} c={c} vuln={vuln} problem={problem} />
        ))
      )}
    </section>
  );
}
