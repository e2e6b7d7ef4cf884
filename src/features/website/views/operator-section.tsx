// What the operator answered, as the reception body reads it: acknowledgement, investigation result, "not a
// vulnerability", completion reports with their survey (seed 003 App. 1(3)), and the leak publication draft.
import { SelectField, TextArea } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { FINDINGS, RESPONSE_KINDS } from '../operator-response.js';
import type { WebsiteCaseView } from '../show-website-case.js';
import { ActionForm, type Problems, problemsOf, When } from './parts.js';
import { websiteCasePath } from './paths.js';

function Codes({
  v,
  prefix,
  codes,
  other,
}: {
  v: ViewContext;
  prefix: string;
  codes: string[];
  other: string | null;
}) {
  if (codes.length === 0 && !other) return <>—</>;
  return (
    <ul>
      {codes.map((c) => (
        <li key={c}>{v.t(`${prefix}.${c}`)}</li>
      ))}
      {other && <li>{other}</li>}
    </ul>
  );
}

function Completion({ v, r }: { v: ViewContext; r: WebsiteCaseView['completions'][number] }) {
  const { t } = v;
  return (
    <section aria-label={t('website.operator.completion')}>
      <h3>
        {t('website.operator.completion')} — <When v={v} at={r.submitted_at} /> (
        {t(`website.operator.via.${r.via}`)})
      </h3>
      <dl>
        <dt>{t('website.case.fixAction')}</dt>
        <dd>{t(`website.fixActions.${r.action}`)}</dd>
        <dt>{t('website.operator.whatDone')}</dt>
        <dd class="prewrap">{r.what_done}</dd>
        <dt>{t('website.operator.confirmation')}</dt>
        <dd>
          {t(
            r.wants_fix_confirmation
              ? 'website.operator.confirmationWanted'
              : 'website.operator.confirmationNotWanted',
          )}
        </dd>
        <dt>{t('website.operator.nextContact')}</dt>
        <dd>
          {t(`website.operator.nextContacts.${r.next_contact}`)}
          {r.next_contact_email ? ` ${r.next_contact_email}` : ''}
          {r.next_contact_name ? ` (${r.next_contact_name})` : ''}
        </dd>
        <dt>{t('website.operator.personalDataLeak')}</dt>
        <dd>{t(r.personal_data_leak ? 'website.notices.yes' : 'website.notices.no')}</dd>
        <dt>{t('website.operator.reporter')}</dt>
        <dd>
          {[r.reporter_organization, r.reporter_department, r.reporter_name].filter(Boolean).join(' / ') ||
            '—'}
        </dd>
      </dl>
      <h4>{t('website.operator.survey')}</h4>
      <dl>
        <dt>{t('website.operator.causeBasis')}</dt>
        <dd>
          <Codes v={v} prefix="website.survey.cause_basis" codes={r.cause_basis} other={null} />
        </dd>
        <dt>{t('website.operator.causeDetail')}</dt>
        <dd>
          <Codes v={v} prefix="website.survey.cause_detail" codes={r.cause_detail} other={r.cause_other} />
        </dd>
        <dt>{t('website.operator.damageActual')}</dt>
        <dd>
          <Codes v={v} prefix="website.survey.damage" codes={r.damage_actual} other={r.damage_actual_other} />
        </dd>
        <dt>{t('website.operator.damagePotential')}</dt>
        <dd>
          <Codes
            v={v}
            prefix="website.survey.damage"
            codes={r.damage_potential}
            other={r.damage_potential_other}
          />
        </dd>
        <dt>{t('website.operator.leakedKinds')}</dt>
        <dd>{r.leaked_kinds ?? '—'}</dd>
        <dt>{t('website.operator.opinion')}</dt>
        <dd class="prewrap">{r.opinion ?? '—'}</dd>
      </dl>
    </section>
  );
}

function RecordResponse({ v, m, problems }: { v: ViewContext; m: WebsiteCaseView; problems?: Problems }) {
  const { t } = v;
  const p = problemsOf(problems, 'response');
  return (
    <section aria-labelledby="record-response">
      <h3 id="record-response">{t('website.operator.recordHeading')}</h3>
      <p class="hint">{t('website.operator.recordHint')}</p>
      <ActionForm
        v={v}
        action={`${websiteCasePath(m.reference)}/responses`}
        form="response"
        problems={problems}
      >
        <SelectField
          name="kind"
          label={t('website.operator.kind')}
          value={p.values.kind ?? 'acknowledged'}
          errors={p.errors}
          options={RESPONSE_KINDS.map((k) => ({ value: k, label: t(`website.operator.kinds.${k}`) }))}
        />
        <SelectField
          name="finding"
          label={t('website.operator.finding')}
          placeholder={t('website.close.choose')}
          value={p.values.finding}
          errors={p.errors}
          options={FINDINGS.map((f) => ({ value: f, label: t(`website.operator.findings.${f}`) }))}
        />
        <TextArea
          name="body"
          label={t('website.operator.body')}
          rows={4}
          value={p.values.body}
          errors={p.errors}
        />
        <button type="submit">{t('website.operator.record')}</button>
      </ActionForm>
    </section>
  );
}

export function OperatorSection({
  v,
  m,
  problems,
}: {
  v: ViewContext;
  m: WebsiteCaseView;
  problems?: Problems;
}) {
  const { t } = v;
  const w = m.w;
  const leak = m.leak;
  return (
    <section aria-labelledby="operator-answers">
      <h2 id="operator-answers">{t('website.operator.heading')}</h2>
      <dl>
        <dt>{t('website.operator.link')}</dt>
        <dd>
          {m.operatorLink === 'live' ? (
            <>
              {t('website.operator.linkLive')}
              <When v={v} at={w?.operator_link_created_at} />
              {w?.operator_link_expires_at ? (
                <>
                  {' '}
                  {t('website.operator.linkUntil')}
                  <When v={v} at={w.operator_link_expires_at} />
                </>
              ) : null}
            </>
          ) : (
            t(m.operatorLink === 'ended' ? 'website.operator.linkEnded' : 'website.operator.linkNone')
          )}
        </dd>
        <dt>{t('website.operator.acknowledged')}</dt>
        <dd>
          <When v={v} at={w?.acknowledged_at} />
        </dd>
        <dt>{t('website.operator.investigation')}</dt>
        <dd>
          {w?.investigation_finding ? `${t(`website.operator.findings.${w.investigation_finding}`)} ` : ''}
          <When v={v} at={w?.investigation_reported_at} />
        </dd>
        <dt>{t('website.operator.notVulnerability')}</dt>
        <dd>
          <When v={v} at={w?.not_vulnerability_reported_at} />
        </dd>
      </dl>
      {m.responses.length === 0 ? (
        <p>{t('website.operator.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('website.operator.responsesCaption')}</caption>
            <tbody>
              {m.responses.map((r) => (
                <tr key={r.id}>
                  <td>
                    <When v={v} at={r.at} />
                  </td>
                  <td>
                    {t(`website.operator.kinds.${r.kind}`)}
                    {r.finding ? ` (${t(`website.operator.findings.${r.finding}`)})` : ''} —{' '}
                    {t(`website.operator.via.${r.via}`)}
                  </td>
                  <td class="prewrap">{r.body ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {m.workable && <RecordResponse v={v} m={m} problems={problems} />}
      {m.completions.length === 0 ? (
        <p>
          {t('website.operator.completion')}: {t('website.operator.completionNone')}
        </p>
      ) : (
        m.completions.map((r) => <Completion key={r.id} v={v} r={r} />)
      )}
      {leak && (
        <section aria-label={t('website.operator.leak')}>
          <h3>{t('website.operator.leak')}</h3>
          <dl>
            {(['overview', 'period', 'people_count', 'data_kinds', 'cause', 'contact'] as const).map((k) => (
              <>
                <dt>{t(`website.operator.leakFields.${k}`)}</dt>
                <dd class="prewrap">{leak[k] ?? '—'}</dd>
              </>
            ))}
            <dt>{t('website.operator.leakFields.published')}</dt>
            <dd>
              <When v={v} at={leak.published_at} />{' '}
              {leak.published_url ? <code>{leak.published_url}</code> : ''}
            </dd>
          </dl>
        </section>
      )}
    </section>
  );
}
