// The screening checklist (受付機関基準 (1)(2)): what acceptance depends on, each item unchecked, yes or no,
// kept in reports.screening with who saved it and when. Pure: parsing the form and the stored document.
import { z } from 'zod';

export const CHECKLIST_ITEMS = [
  'requiredItems', // 届出に必要な事項がそろっている
  'contactable', // 発見者と連絡が取れる (anonymity is a separate question)
  'isVulnerability', // 脆弱性関連情報に該当する
  'alreadyKnown', // 既知の脆弱性である
  'reproducible', // 再現性がある
  'unlawfullyObtained', // 違法な方法により発見・取得された形跡がある
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const CHECK_VALUES = ['unchecked', 'yes', 'no'] as const;
export type CheckValue = (typeof CHECK_VALUES)[number];

export type Checklist = Record<ChecklistItem, CheckValue>;

export type StoredScreening = {
  items: Checklist;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: string | null;
};

const value = z.preprocess((v) => (v === '' || v === undefined ? 'unchecked' : v), z.enum(CHECK_VALUES));

export const checklistForm = z.object(
  Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, value])) as Record<ChecklistItem, typeof value>,
);

export const emptyChecklist = (): Checklist =>
  Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, 'unchecked'])) as Checklist;

/** The stored document, tolerant of older or partial shapes: anything unknown reads as unchecked. */
export function readScreening(stored: unknown): StoredScreening {
  const doc = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const items = (doc.items && typeof doc.items === 'object' ? doc.items : {}) as Record<string, unknown>;
  const checklist = emptyChecklist();
  for (const k of CHECKLIST_ITEMS) {
    const v = items[k];
    if (v === 'yes' || v === 'no') checklist[k] = v;
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    items: checklist,
    updatedBy: str(doc.updatedBy),
    updatedByName: str(doc.updatedByName),
    updatedAt: str(doc.updatedAt),
  };
}

/**
 * Whether the finder counts as contactable for the acceptance policy: a contact was given with the report and
 * the screener has not found it dead (a bounced address marks the checklist item "no").
 */
export function finderIsContactable(contactGiven: boolean, checklist: Checklist): boolean {
  return contactGiven && checklist.contactable !== 'no';
}
