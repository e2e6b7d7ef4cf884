// The operator's page of one case (by account or secret link): the handling number to quote, what the notice
// said, the finder (only if they consented), the target dates, the answers so far and the forms to answer.
import type { ComponentChildren } from 'preact';
import { formatInstant } from '../../../domain/time.js';
import { CsrfField, ErrorSummary, type Errors, TextArea } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { ANSWER_TEXT_MAX, type FormValues, INVESTIGATION_FINDINGS } from '../answer-input.js';
import type { OperatorCasePage } from '../show-operator-case.js';
import { Choices, str } from './choices.js';

export const OPERATOR_NOTICES = [
  'acknowledged',
  'alreadyAcknowledged',
  'investigation',
  'notVulnerability',
  'completed',
  'leakSaved',
] as const;
export type OperatorNotice = (typeof OPERATOR_NOTICES)[number];

export type CaseActions = {
  acknowledge: string;
  investigation: string;
  notVulnerability: string;
  completion: string;
  leak: string;
};

export type FormState = { values?: FormValues; errors?: Errors };

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function HandlingNumber({
  v,
  reference,
  prefix,
}: {
  v: ViewContext;
  reference: string;
  prefix: string;
}) {
  return (
    <p class="notice">
      <strong>
        {v.t('operator.case.handlingNumber')}: {reference}
      </strong>{' '}
      {v.t('operator.case.quote', { prefix })}
    </p>
  );
}

function Reported({ v, page }: { v: ViewContext; page: OperatorCasePage }) {
  const { t } = v;
  const c = page.view;
  return (
    <section aria-labelledby="reported">
      <h2 id="reported">{t('operator.case.reported.heading')}</h2>
      <p>{t('operator.case.reported.intro')}</p>
      <dl>
        <Row label={t('operator.case.reported.url')}>
          <code>{c.siteUrl}</code>
        </Row>
        {c.siteName && <Row label={t('operator.case.reported.siteName')}>{c.siteName}</Row>}
        <Row label={t('operator.case.reported.type')}>{t(`intake.types.${c.vulnerabilityType}`)}</Row>
        <Row label={t('operator.case.reported.how')}>
          <pre class="mail">{c.steps}</pre>
        </Row>
        <Row label={t('operator.case.reported.what')}>
          {c.descriptionEncrypted ? (
            <p>{t('operator.case.reported.encrypted')}</p>
          ) : (
            <pre class="mail">{c.description}</pre>
          )}
        </Row>
        <Row label={t('operator.case.reported.threat')}>
          {c.threat ? <pre class="mail">{c.threat}</pre> : t('operator.case.reported.noThreat')}
        </Row>
      </dl>
      <p>
        <strong>{t('operator.case.reported.notVerified')}</strong>
      </p>
      <p class="hint">{t('operator.case.reported.confidential')}</p>
    </section>
  );
}

function Finder({ v, page }: { v: ViewContext; page: OperatorCasePage }) {
  const { t } = v;
  return (
    <section aria-labelledby="finder">
      <h2 id="finder">{t('operator.case.finder.heading')}</h2>
      {page.finder ? (
        <>
          <p>{t('operator.case.finder.disclosed')}</p>
          <dl>
            <Row label={t('operator.case.finder.name')}>
              {page.finder.name ?? t('operator.case.finder.none')}
            </Row>
            <Row label={t('operator.case.finder.organization')}>
              {page.finder.organization ?? t('operator.case.finder.none')}
            </Row>
          </dl>
        </>
      ) : (
        <p>{t('operator.case.finder.withheld')}</p>
      )}
    </section>
  );
}

function Clock({ v, page }: { v: ViewContext; page: OperatorCasePage }) {
  const { t } = v;
  const c = page.view;
  if (!page.targets || !c.notifiedAt) return null;
  const done = (at: Date | null) =>
    at ? ` — ${t('operator.case.clock.done', { at: formatInstant(at, v) })}` : '';
  const fixedAt = page.completions.at(-1)?.submitted_at ?? null;
  return (
    <section aria-labelledby="clock">
      <h2 id="clock">{t('operator.case.clock.heading')}</h2>
      <dl>
        <Row label={t('operator.case.clock.notified')}>{formatInstant(c.notifiedAt, v)}</Row>
        <Row label={t('operator.case.clock.investigation', { days: page.policy.investigationBusinessDays })}>
          <time dateTime={page.targets.investigationDue}>{page.targets.investigationDue}</time>
          {done(c.investigationReportedAt ?? c.notVulnerabilityReportedAt)}
        </Row>
        <Row label={t('operator.case.clock.fix', { months: page.policy.fixMonths })}>
          <time dateTime={page.targets.fixDue}>{page.targets.fixDue}</time>
          {done(fixedAt)}
        </Row>
      </dl>
      <p class="hint">{t('operator.case.clock.note')}</p>
    </section>
  );
}

function Answers({ v, page }: { v: ViewContext; page: OperatorCasePage }) {
  const { t } = v;
  const items = [
    ...page.responses.map((r) => ({
      id: r.id,
      at: r.at,
      title: t(`operator.case.answers.kinds.${r.kind}`),
      finding: r.finding ? t(`operator.investigation.findings.${r.finding}`) : null,
      body: r.body,
      via: r.via,
    })),
    ...page.completions.map((r) => ({
      id: r.id,
      at: r.submitted_at,
      title: t('operator.case.answers.completion', { action: t(`operator.completion.actions.${r.action}`) }),
      finding: null,
      body: r.what_done,
      via: r.via,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return (
    <section aria-labelledby="answers">
      <h2 id="answers">{t('operator.case.answers.heading')}</h2>
      {items.length === 0 ? (
        <p>{t('operator.case.answers.none')}</p>
      ) : (
        <ol class="messages">
          {items.map((a) => (
            <li key={a.id}>
              <p>
                <strong>{a.title}</strong> <time dateTime={a.at.toISOString()}>{formatInstant(a.at, v)}</time>{' '}
                ({t(`operator.case.answers.via.${a.via}`)})
              </p>
              {a.finding && <p>{a.finding}</p>}
              {a.body && <pre class="mail">{a.body}</pre>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AnswerForms({
  v,
  page,
  actions,
  investigation,
  notVulnerability,
}: {
  v: ViewContext;
  page: OperatorCasePage;
  actions: CaseActions;
  investigation: FormState;
  notVulnerability: FormState;
}) {
  const { t } = v;
  const c = page.view;
  const max = ANSWER_TEXT_MAX.toLocaleString(v.locale);
  return (
    <>
      <section aria-labelledby="ack">
        <h2 id="ack">{t('operator.ack.heading')}</h2>
        {c.acknowledgedAt ? (
          <p>{t('operator.ack.done', { at: formatInstant(c.acknowledgedAt, v) })}</p>
        ) : (
          <form method="post" action={actions.acknowledge}>
            <CsrfField v={v} />
            <p>{t('operator.ack.text')}</p>
            <button type="submit">{t('operator.ack.submit')}</button>
          </form>
        )}
      </section>
      <section aria-labelledby="investigation">
        <h2 id="investigation">{t('operator.investigation.heading')}</h2>
        <ErrorSummary v={v} errors={investigation.errors} />
        <form method="post" action={actions.investigation}>
          <CsrfField v={v} />
          <Choices
            type="radio"
            name="finding"
            legend={t('operator.investigation.finding')}
            options={INVESTIGATION_FINDINGS.map((f) => ({
              value: f,
              label: t(`operator.investigation.findings.${f}`),
            }))}
            value={investigation.values?.finding}
            errors={investigation.errors}
          />
          <TextArea
            name="body"
            label={t('operator.investigation.body')}
            hint={t('operator.investigation.bodyHint', { max })}
            value={str(investigation.values, 'body')}
            required
            errors={investigation.errors}
          />
          <button type="submit">{t('operator.investigation.submit')}</button>
        </form>
      </section>
      <section aria-labelledby="completion">
        <h2 id="completion">{t('operator.completion.sections.report')}</h2>
        <p>
          <a href={actions.completion}>{t('operator.completion.link')}</a>
        </p>
      </section>
      <section aria-labelledby="not-vulnerability">
        <h2 id="not-vulnerability">{t('operator.notVulnerability.heading')}</h2>
        <p>{t('operator.notVulnerability.text')}</p>
        <ErrorSummary v={v} errors={notVulnerability.errors} />
        <form method="post" action={actions.notVulnerability}>
          <CsrfField v={v} />
          <TextArea
            name="reason"
            label={t('operator.notVulnerability.reason')}
            hint={t('operator.notVulnerability.reasonHint', { max })}
            value={str(notVulnerability.values, 'reason')}
            required
            errors={notVulnerability.errors}
          />
          <button type="submit" class="secondary">
            {t('operator.notVulnerability.submit')}
          </button>
        </form>
      </section>
    </>
  );
}

export function OperatorCasePageView(props: {
  v: ViewContext;
  page: OperatorCasePage;
  prefix: string;
  actions: CaseActions;
  notice?: OperatorNotice | undefined;
  investigation?: FormState;
  notVulnerability?: FormState;
}) {
  const { v, page } = props;
  const { t } = v;
  const title = t('operator.case.title', { reference: page.view.reference });
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {t(`operator.case.notices.${props.notice}`)}
        </p>
      )}
      <HandlingNumber v={v} reference={page.view.reference} prefix={props.prefix} />
      {page.moved ? (
        <p class="notice">{t('operator.case.moved')}</p>
      ) : (
        !page.view.open && (
          <p class="notice">
            {t('operator.case.closed')}
            {page.view.outcome && ` (${t(`operator.outcomes.${page.view.outcome}`)})`}
            {v.actor?.kind === 'link' && page.view.linkExpiresAt
              ? ` ${t('operator.case.linkUntil', { at: formatInstant(page.view.linkExpiresAt, v) })}`
              : null}
          </p>
        )
      )}
      {page.leakReported && (
        <p>
          <a href={props.actions.leak}>{t('operator.leak.link')}</a>
        </p>
      )}
      <Reported v={v} page={page} />
      <Finder v={v} page={page} />
      <Clock v={v} page={page} />
      <Answers v={v} page={page} />
      {page.view.open && (
        <AnswerForms
          v={v}
          page={page}
          actions={props.actions}
          investigation={props.investigation ?? {}}
          notVulnerability={props.notVulnerability ?? {}}
        />
      )}
    </Layout>
  );
}
