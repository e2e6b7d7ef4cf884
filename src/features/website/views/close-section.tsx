// The targets on the clock, the outcome form (with the completion report's action offered when there is one),
// and moving the case to the product track.
import { Checkbox, SelectField, TextArea } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { WebsiteCaseView } from '../show-website-case.js';
import { FIX_ACTIONS, OUTCOMES } from '../website-rules.js';
import { ActionForm, type Problems, problemsOf, When } from './parts.js';
import { websiteCasePath } from './paths.js';

export function ClockSection({ v, m, now }: { v: ViewContext; m: WebsiteCaseView; now: Date }) {
  const { t } = v;
  const g = m.targets;
  const passed = (at: Date) => (at.getTime() < now.getTime() ? ` ${t('website.clock.passed')}` : '');
  return (
    <section aria-labelledby="clock">
      <h2 id="clock">{t('website.clock.heading')}</h2>
      {!g ? (
        <p>{t('website.clock.notYet')}</p>
      ) : (
        <dl>
          <dt>{t('website.clock.notifiedAt')}</dt>
          <dd>
            <When v={v} at={g.notifiedAt} />
          </dd>
          <dt>{t('website.clock.elapsed')}</dt>
          <dd>{t('website.clock.days', { count: m.elapsedDays ?? 0 })}</dd>
          <dt>{t('website.clock.investigationDue')}</dt>
          <dd>
            <When v={v} at={g.investigationDueAt} />
            {passed(g.investigationDueAt)}
          </dd>
          <dt>{t('website.clock.fixDue')}</dt>
          <dd>
            <When v={v} at={g.fixDueAt} />
            {passed(g.fixDueAt)}
          </dd>
          <dt>{t('website.clock.longRunningFrom')}</dt>
          <dd>
            <When v={v} at={g.longRunningFrom} />
            {passed(g.longRunningFrom)}
          </dd>
          <dt>{t('website.clock.stopEligibleAt')}</dt>
          <dd>
            <When v={v} at={g.stopEligibleAt} />
            {passed(g.stopEligibleAt)}
          </dd>
          <dt>{t('website.clock.remindersHeading')}</dt>
          <dd>
            <ul>
              {g.reminders.map((r) => {
                const sent = m.remindersSent.get(r.key);
                return (
                  <li key={r.key}>
                    {r.key}: <When v={v} at={r.at} /> —{' '}
                    {sent ? (
                      <>
                        {t('website.clock.reminderSent')}
                        <When v={v} at={sent} />
                      </>
                    ) : (
                      t('website.clock.reminderPending')
                    )}
                  </li>
                );
              })}
            </ul>
          </dd>
        </dl>
      )}
    </section>
  );
}

export function OutcomeSection({
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
  if (w?.outcome) {
    return (
      <section aria-labelledby="outcome-heading">
        <h2 id="outcome-heading">{t('website.case.outcome')}</h2>
        <dl>
          <dt>{t('website.case.outcome')}</dt>
          <dd>{t(`website.outcomes.${w.outcome}`)}</dd>
          {w.fix_action && (
            <>
              <dt>{t('website.case.fixAction')}</dt>
              <dd>{t(`website.fixActions.${w.fix_action}`)}</dd>
            </>
          )}
          <dt>{t('website.case.reason')}</dt>
          <dd class="prewrap">{w.outcome_reason}</dd>
          <dt>{t('website.case.closedAt')}</dt>
          <dd>
            <When v={v} at={w.closed_at} />
          </dd>
          <dt>{t('website.case.finderNotified')}</dt>
          <dd>
            <When v={v} at={w.finder_notified_at} />
          </dd>
        </dl>
      </section>
    );
  }
  if (!m.workable) return null;
  const p = problemsOf(problems, 'close');
  const latest = m.completions[m.completions.length - 1];
  const r = problemsOf(problems, 'reclassify');
  return (
    <>
      <section aria-labelledby="outcome-heading">
        <h2 id="outcome-heading">{t('website.close.heading')}</h2>
        <p>{t('website.close.intro')}</p>
        <ActionForm v={v} action={`${websiteCasePath(m.reference)}/close`} form="close" problems={problems}>
          <SelectField
            name="outcome"
            label={t('website.close.outcome')}
            placeholder={t('website.close.choose')}
            value={p.values.outcome}
            errors={p.errors}
            required
            options={OUTCOMES.map((o) => ({ value: o, label: t(`website.outcomes.${o}`) }))}
          />
          <SelectField
            name="fixAction"
            label={t('website.close.fixAction')}
            hint={
              latest
                ? t('website.close.fixActionFromReport', { action: t(`website.fixActions.${latest.action}`) })
                : undefined
            }
            placeholder={t('website.close.choose')}
            value={p.values.fixAction ?? latest?.action}
            errors={p.errors}
            options={FIX_ACTIONS.map((a) => ({ value: a, label: t(`website.fixActions.${a}`) }))}
          />
          <TextArea
            name="reason"
            label={t('website.close.reason')}
            rows={4}
            value={p.values.reason}
            errors={p.errors}
            required
          />
          <Checkbox
            name="notifyFinder"
            label={t('website.close.notifyFinder')}
            checked={p.values.outcome === undefined || p.values.notifyFinder === 'on'}
          />
          <button type="submit">{t('website.close.submit')}</button>
        </ActionForm>
      </section>
      <section aria-labelledby="reclassify">
        <h2 id="reclassify">{t('website.reclassify.heading')}</h2>
        <p>{t('website.reclassify.intro')}</p>
        <ActionForm
          v={v}
          action={`${websiteCasePath(m.reference)}/reclassify`}
          form="reclassify"
          problems={problems}
        >
          <TextArea
            name="message"
            label={t('website.reclassify.message')}
            rows={6}
            value={r.values.message ?? m.reclassifyTemplate}
            errors={r.errors}
            required
          />
          <button type="submit">{t('website.reclassify.submit')}</button>
        </ActionForm>
      </section>
    </>
  );
}
