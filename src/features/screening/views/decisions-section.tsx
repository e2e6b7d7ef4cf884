// The decisions open to the report in its state, one form each (a <details> disclosure, no JavaScript needed):
// the message to the finder prefilled from the template in the finder's language, and what the decision needs.
// Each form carries the state and track it was rendered with, so a stale form is refused (409).
import type { FieldErrors } from '../../../platform/errors.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { CsrfField, Field, SelectField, TextArea } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { DISCONTINUE_REASONS } from '../../intake/report-states.js';
import type { FormDecision } from '../decision-form.js';
import type { ReportPageModel } from '../show-report.js';
import { reportPath } from './paths.js';

/** The decisions whose form asks for a text appended below the message, under a heading the finder sees. */
const TEXT_DETAILS: Partial<Record<FormDecision, 'reason' | 'question'>> = {
  not_accept: 'reason',
  request_info: 'question',
};

export type FailedDecision = { decision: FormDecision; errors: FieldErrors; values: Record<string, string> };

export function DecisionsSection({
  v,
  m,
  failed,
}: {
  v: ViewContext;
  m: ReportPageModel;
  failed?: FailedDecision | undefined;
}) {
  const { t } = v;
  return (
    <section aria-labelledby="decisions">
      <h2 id="decisions">{t('screening.decisions.heading')}</h2>
      {m.decisions.length === 0 && <p>{t('screening.decisions.none')}</p>}
      {m.decisions.map((d) => (
        <DecisionForm key={d} v={v} m={m} decision={d} failed={failed?.decision === d ? failed : undefined} />
      ))}
    </section>
  );
}

function DecisionForm({
  v,
  m,
  decision,
  failed,
}: {
  v: ViewContext;
  m: ReportPageModel;
  decision: FormDecision;
  failed: FailedDecision | undefined;
}) {
  const { t } = v;
  const k = (key: string) => `screening.decisions.${decision}.${key}`;
  const id = (field: string) => `${decision}-${field}`;
  const errors = failed?.errors ?? {};
  const value = (field: string, fallback = '') => failed?.values[field] ?? fallback;
  const other = m.track === 'software' ? 'website' : 'software';
  const blocked = decision === 'accept' && m.acceptRequiresContact && !m.contactable;
  const detail = TEXT_DETAILS[decision];
  return (
    <details open={!!failed}>
      <summary>{t(k('title'))}</summary>
      <form method="post" action={`${reportPath(m.brief.trackingNumber)}/decisions`}>
        <CsrfField v={v} />
        <input type="hidden" name="decision" value={decision} />
        <input type="hidden" name="expectedState" value={m.state} />
        <input type="hidden" name="expectedTrack" value={m.track} />
        {errors._?.length ? (
          <p class="error" role="alert">
            {errors._.join(' ')}
          </p>
        ) : null}
        {blocked && <p class="error">{t('screening.decisions.acceptPolicyWarning')}</p>}
        {decision === 'reclassify' && <p class="hint">{t(k('note'))}</p>}
        <TextArea
          id={id('message')}
          name="message"
          label={t('screening.decisions.messageLabel', { language: t(`lang.${m.locale}`) })}
          hint={t('screening.decisions.messageHint')}
          value={value('message', m.templates[decision])}
          errors={errors}
          lang={m.locale}
          required
          rows={8}
        />
        {detail && (
          <TextArea
            id={id(detail)}
            name={detail}
            label={t(k(detail))}
            hint={t('screening.decisions.appended', { heading: finderHeading(m, detail) })}
            value={value(detail)}
            errors={errors}
            lang={m.locale}
            required
            rows={4}
          />
        )}
        {decision === 'discontinue' && (
          <SelectField
            name="discontinueReason"
            label={t(k('reason'))}
            value={value('discontinueReason')}
            errors={errors}
            required
            hint={t('screening.decisions.appended', { heading: finderHeading(m, 'reason') })}
            options={[
              { value: '', label: t(k('choose')) },
              ...DISCONTINUE_REASONS.map((r) => ({
                value: r,
                label: t(`screening.discontinueReasons.${r}`),
              })),
            ]}
          />
        )}
        {decision === 'mark_duplicate' && (
          <Field
            name="duplicateOf"
            label={t(k('duplicateOf'))}
            value={value('duplicateOf')}
            errors={errors}
            required
          />
        )}
        <button type="submit" class={decision === 'accept' ? undefined : 'secondary'} disabled={blocked}>
          {t(k('submit'), { track: t(`cases.tracks.${other}`) })}
        </button>
      </form>
    </details>
  );
}

/** The heading the finder will see above the appended text, in the finder's language. */
function finderHeading(m: ReportPageModel, kind: 'reason' | 'question'): string {
  return translator(m.locale)(`screening.finder.details.${kind}`);
}
