// Pieces the directory's pages share: names in the viewer's language, a notice, the contact window as a list.
import { formatInstant } from '../../../domain/time.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { ContactSnapshot } from '../entry-store.js';

export function nameIn(o: { nameJa: string; nameEn: string }, locale: 'ja' | 'en'): string {
  return locale === 'ja' ? o.nameJa : o.nameEn;
}

export function Notice({ text }: { text?: string | undefined }) {
  if (!text) return null;
  return (
    <p class="notice" role="status">
      {text}
    </p>
  );
}

export function Emails({ v, emails }: { v: ViewContext; emails: string[] }) {
  if (emails.length === 0) return <>{v.t('directory.entry.none')}</>;
  return (
    <ul>
      {emails.map((e, i) => (
        <li key={e}>
          {e}
          {i === 0 && emails.length > 1 && ` ${v.t('directory.entry.primary')}`}
        </li>
      ))}
    </ul>
  );
}

export function Languages({ v, list }: { v: ViewContext; list: readonly ('ja' | 'en')[] }) {
  return <>{list.map((l) => v.t(`directory.languages.${l}`)).join(v.locale === 'ja' ? '、' : ', ')}</>;
}

/** One field of a contact snapshot as text, for the before/after view. */
export function snapshotValue(v: ViewContext, s: ContactSnapshot, field: keyof ContactSnapshot): string {
  const none = v.t('directory.request.none');
  const value = s[field];
  if (field === 'languages')
    return (value as string[]).map((l) => v.t(`directory.languages.${l}`)).join(', ');
  if (field === 'locale') return v.t(`directory.languages.${value as string}`);
  if (Array.isArray(value)) return value.length ? value.join('\n') : none;
  return value === null || value === '' ? none : String(value);
}

export function when(v: ViewContext, at: Date): string {
  return formatInstant(at, { locale: v.locale, timeZone: v.timeZone });
}
