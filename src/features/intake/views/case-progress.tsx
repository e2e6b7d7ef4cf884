// The progress of a report after acceptance, as its finder sees it: on the follow-up page (a section) and in
// "My reports" (a compact list per report). The steps carry only counts, kinds and dates; a publication moment is
// shown in JST (the moment everyone agreed on), and in the reader's own zone too when it is another.

import { advisorySlug } from '../../../domain/advisory-document.js';
import { formatDate, formatInstant } from '../../../domain/time.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { FinderProgressStep } from '../../cases/case-progress.js';

export function progressText(v: ViewContext, s: FinderProgressStep): string {
  const { t } = v;
  switch (s.kind) {
    case 'handedOver':
      return t(`intake.progress.handedOver.${s.track}`);
    case 'developersNotified':
      return t('intake.progress.developersNotified', { count: s.count });
    case 'publicationAgreed': {
      const jst = formatInstant(s.publishAt, { locale: v.locale, timeZone: 'Asia/Tokyo' });
      const moment = v.timeZone === 'Asia/Tokyo' ? jst : `${jst} / ${formatInstant(s.publishAt, v)}`;
      return t(s.changed ? 'intake.progress.publicationChanged' : 'intake.progress.publicationAgreed', {
        moment,
      });
    }
    case 'coordinationEnded':
      return t(`intake.progress.ended.${s.endKind}`);
    case 'operatorNotified':
      return t('intake.progress.operatorNotified');
    case 'operatorReportedFix':
      return t('intake.progress.operatorReportedFix');
    case 'websiteClosed':
      return t(`intake.progress.outcomes.${s.outcome}`);
    case 'published':
      return s.revision > 1
        ? t('intake.progress.updated', { revision: s.revision })
        : t('intake.progress.published');
  }
}

/** A step's text; the publication links to the public advisory. */
function StepText({ v, s }: { v: ViewContext; s: FinderProgressStep }) {
  if (s.kind !== 'published') return <>{progressText(v, s)}</>;
  return (
    <>
      {progressText(v, s)} <a href={`/advisories/${advisorySlug(s.publicId)}`}>{s.publicId}</a>
    </>
  );
}

/** The follow-up page's section: every step with its time. */
export function ProgressSection({ v, steps }: { v: ViewContext; steps: FinderProgressStep[] }) {
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby="progress">
      <h2 id="progress">{v.t('intake.progress.title')}</h2>
      <p class="hint">{v.t('intake.progress.intro')}</p>
      <ol class="timeline progress">
        {steps.map((s, i) => (
          <li key={`${s.kind}-${i}`}>
            <time dateTime={s.at.toISOString()}>{formatInstant(s.at, v)}</time> <StepText v={v} s={s} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "My reports": the steps by date only, in a table cell. */
export function CompactProgress({ v, steps }: { v: ViewContext; steps: FinderProgressStep[] }) {
  if (steps.length === 0) return <>{v.t('intake.progress.none')}</>;
  return (
    <ol class="progress compact">
      {steps.map((s, i) => (
        <li key={`${s.kind}-${i}`}>
          <time dateTime={s.at.toISOString()}>{formatDate(s.at, v)}</time> <StepText v={v} s={s} />
        </li>
      ))}
    </ol>
  );
}
