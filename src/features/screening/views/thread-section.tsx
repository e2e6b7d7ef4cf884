// The message thread with the finder (and the form to write to them), and the report's history.
import { formatInstant } from '../../../domain/time.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { CsrfField, TextArea } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { ReportPageModel, TimelineEntry } from '../show-report.js';
import { reportPath } from './paths.js';

export function MessagesSection({
  v,
  m,
  errors,
  draft,
}: {
  v: ViewContext;
  m: ReportPageModel;
  errors?: FieldErrors | undefined;
  draft?: string | undefined;
}) {
  const { t } = v;
  const z = { locale: v.locale, timeZone: v.timeZone };
  return (
    <section aria-labelledby="messages">
      <h2 id="messages">{t('screening.messages.heading')}</h2>
      {m.messages.length === 0 ? (
        <p>{t('screening.messages.none')}</p>
      ) : (
        <ol class="thread" aria-label={t('screening.messages.caption')}>
          {m.messages.map((msg) => (
            <li key={msg.id}>
              <p>
                <strong>
                  {msg.direction === 'from_finder'
                    ? t('screening.messages.fromFinder')
                    : t('screening.messages.toFinder', { who: msg.author ?? '' })}
                </strong>{' '}
                <span class="hint">{formatInstant(msg.at, z)}</span>
              </p>
              <pre class="mail">{msg.text}</pre>
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={`${reportPath(m.brief.trackingNumber)}/messages`}>
        <CsrfField v={v} />
        <TextArea
          id="message-text"
          name="text"
          label={t('screening.messages.new')}
          hint={t('screening.messages.hint')}
          value={draft}
          errors={errors}
          lang={m.locale}
          required
        />
        <button type="submit">{t('screening.messages.send')}</button>
      </form>
    </section>
  );
}

function actorText(v: ViewContext, e: TimelineEntry): string {
  if (e.actor.kind === 'user') return e.actor.name;
  return v.t(e.actor.kind === 'finder' ? 'screening.timeline.finder' : 'screening.timeline.system');
}

function eventText(v: ViewContext, e: TimelineEntry): string {
  const key = `screening.timeline.events.${e.type.replace(/\./g, '_')}`;
  const label = v.t(key);
  const base = label === key ? e.type : label;
  const d = e.data;
  const extra: string[] = [];
  if (typeof d.fromTrack === 'string' && typeof d.toTrack === 'string') {
    extra.push(`${v.t(`cases.tracks.${d.fromTrack}`)} → ${v.t(`cases.tracks.${d.toTrack}`)}`);
  }
  if (e.type === 'report.discontinued' && typeof d.reason === 'string') {
    extra.push(v.t(`screening.discontinueReasons.${d.reason}`));
  }
  if (typeof d.duplicateOfTrackingNumber === 'string') extra.push(d.duplicateOfTrackingNumber);
  if (typeof d.caseReference === 'string') extra.push(d.caseReference);
  return extra.length ? `${base} (${extra.join(', ')})` : base;
}

export function TimelineSection({ v, m }: { v: ViewContext; m: ReportPageModel }) {
  const { t } = v;
  const z = { locale: v.locale, timeZone: v.timeZone };
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t('screening.timeline.heading')}</h2>
      <div class="table-wrap">
        <table>
          <caption>{t('screening.timeline.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('screening.timeline.at')}</th>
              <th scope="col">{t('screening.timeline.event')}</th>
              <th scope="col">{t('screening.timeline.who')}</th>
            </tr>
          </thead>
          <tbody>
            {m.timeline.map((e, i) => (
              <tr key={i}>
                <td>{formatInstant(e.at, z)}</td>
                <td>{eventText(v, e)}</td>
                <td>{actorText(v, e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
