// What the leak publication form starts from: the saved draft, or — before the first save — what the completion
// report already says (the kinds of data leaked, the contact for next time).
import type { FormValues } from './answer-input.js';
import type { LeakDraft } from './leak-preview.js';
import type { OperatorCasePage } from './show-operator-case.js';

export function leakDraftOf(page: OperatorCasePage): LeakDraft & { publishedUrl: string | null } {
  const l = page.leak;
  if (l) {
    return {
      overview: l.overview,
      period: l.period,
      peopleCount: l.people_count,
      dataKinds: l.data_kinds,
      cause: l.cause,
      contact: l.contact,
      publishedUrl: l.published_url,
    };
  }
  const report = page.completions.filter((r) => r.personal_data_leak).at(-1);
  const contact = report?.next_contact_email
    ? [report.next_contact_name, report.next_contact_email].filter(Boolean).join(' ')
    : null;
  return {
    overview: null,
    period: null,
    peopleCount: null,
    dataKinds: report?.leaked_kinds ?? null,
    cause: null,
    contact,
    publishedUrl: null,
  };
}

export function leakFormValues(draft: ReturnType<typeof leakDraftOf>): FormValues {
  return Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v ?? '']));
}
