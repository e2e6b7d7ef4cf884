// The screening checklist (each item unchecked / yes / no, saved with who and when), the contact facts and the
// track's acceptance policy beside it, and the candidate duplicates for "already known".
import { formatInstant } from '../../../domain/time.js';
import { CsrfField, RadioGroup } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { CHECK_VALUES, CHECKLIST_ITEMS } from '../screening-checklist.js';
import type { ReportPageModel } from '../show-report.js';
import { reportPath } from './paths.js';

export function ChecklistSection({ v, m }: { v: ViewContext; m: ReportPageModel }) {
  const { t } = v;
  const s = m.screening;
  const contactGiven = m.brief.finder.contactable;
  return (
    <section aria-labelledby="checklist">
      <h2 id="checklist">{t('screening.checklist.heading')}</h2>
      <p>{t('screening.checklist.intro')}</p>
      <p class="notice">
        {t('screening.checklist.contactFacts', {
          contact: t(
            contactGiven ? 'screening.checklist.contactGiven' : 'screening.checklist.contactMissing',
          ),
          policy: t(
            m.acceptRequiresContact
              ? 'screening.checklist.policyRequires'
              : 'screening.checklist.policyOptional',
          ),
        })}
        <br />
        {t('screening.checklist.anonymityNote')}
      </p>
      <p class="hint">
        {s.updatedAt
          ? t('screening.checklist.lastSaved', {
              who: s.updatedByName ?? '',
              at: formatInstant(new Date(s.updatedAt), { locale: v.locale, timeZone: v.timeZone }),
            })
          : t('screening.checklist.never')}
      </p>
      <form method="post" action={`${reportPath(m.brief.trackingNumber)}/screening`}>
        <CsrfField v={v} />
        {CHECKLIST_ITEMS.map((item) => (
          <RadioGroup
            key={item}
            name={item}
            legend={t(`screening.checklist.items.${item}`)}
            value={s.items[item]}
            disabled={!m.screeningOpen}
            options={CHECK_VALUES.map((c) => ({ value: c, label: t(`screening.checklist.values.${c}`) }))}
          />
        ))}
        {m.screeningOpen ? (
          <button type="submit">{t('screening.checklist.submit')}</button>
        ) : (
          <p class="hint">{t('screening.checklist.readOnly')}</p>
        )}
      </form>
      <DuplicatesSection v={v} m={m} />
    </section>
  );
}

function DuplicatesSection({ v, m }: { v: ViewContext; m: ReportPageModel }) {
  const { t } = v;
  return (
    <div>
      <h3 id="duplicates">{t('screening.duplicates.heading')}</h3>
      <p class="hint">{t('screening.duplicates.intro')}</p>
      {m.duplicates.length === 0 ? (
        <p>{t('screening.duplicates.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('screening.duplicates.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('screening.queue.columns.trackingNumber')}</th>
                <th scope="col">{t('screening.queue.columns.track')}</th>
                <th scope="col">{t('screening.queue.columns.affected')}</th>
                <th scope="col">{t('screening.queue.columns.state')}</th>
                <th scope="col">{t('screening.duplicates.score')}</th>
              </tr>
            </thead>
            <tbody>
              {m.duplicates.map((d) => (
                <tr key={d.trackingNumber}>
                  <th scope="row">
                    <a href={reportPath(d.trackingNumber)}>{d.trackingNumber}</a>
                  </th>
                  <td>{t(`cases.tracks.${d.track}`)}</td>
                  <td>{d.affected}</td>
                  <td>{t(`screening.states.${d.state}`)}</td>
                  <td>{d.score.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {m.advisories.length === 0 && <p class="hint">{t('screening.duplicates.advisories')}</p>}
    </div>
  );
}
