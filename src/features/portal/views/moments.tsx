// An exact moment shown twice, never ambiguous: in Japan time and in the viewer's own zone (once when they are
// the same), each with the zone and offset named.
import { formatInstant } from '../../../domain/time.js';
import type { ViewContext } from '../../../platform/views/view-context.js';

export function Moment({ v, at }: { v: ViewContext; at: Date }) {
  const jst = formatInstant(at, { locale: v.locale, timeZone: 'Asia/Tokyo' });
  const mine = formatInstant(at, { locale: v.locale, timeZone: v.timeZone });
  return (
    <span class="moment">
      <time dateTime={at.toISOString()}>{jst}</time>
      {mine !== jst && (
        <>
          {' '}
          <span>
            ({v.t('portal.schedule.inYourZone')}: {mine})
          </span>
        </>
      )}
    </span>
  );
}

export const at = (v: ViewContext, d: Date) => formatInstant(d, { locale: v.locale, timeZone: v.timeZone });
