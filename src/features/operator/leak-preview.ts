// The notice an operator publishes after a personal-data leak, as plain text in Japanese or English, with the
// items the guideline lists (資料2 ウェブサイト運営者 5): overview, period, number, kinds of data, cause, contact.
// Headings come from the catalog; the operator's own words are used as written.
import type { Locale } from '../../platform/db/schema.js';
import { translator } from '../../platform/i18n/i18n.js';

export type LeakDraft = {
  overview: string | null;
  period: string | null;
  peopleCount: string | null;
  dataKinds: string | null;
  cause: string | null;
  contact: string | null;
};

export const LEAK_ITEMS = ['overview', 'period', 'peopleCount', 'dataKinds', 'cause', 'contact'] as const;

export function leakNoticeText(draft: LeakDraft, locale: Locale): string {
  const t = translator(locale);
  const lines = [t('operator.preview.title'), '', t('operator.preview.apology'), ''];
  LEAK_ITEMS.forEach((item, i) => {
    const value = draft[item]?.trim();
    lines.push(`${i + 1}. ${t(`operator.leak.fields.${item}`)}`);
    lines.push(value ? value.replace(/\r\n?/g, '\n') : t('operator.preview.empty'));
    lines.push('');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
