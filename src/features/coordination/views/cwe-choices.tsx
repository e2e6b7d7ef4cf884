// The CWE field's suggestions without JavaScript: a <datalist> of the CWEs advisories use most, each with MITRE's
// name (from the shipped catalogue). Any other id of MITRE's list is still accepted when typed.
import { findCwe } from '../../../domain/cwe.js';

/** The ids offered, the weaknesses most cited in advisories plus NVD's two pseudo-entries. */
export const COMMON_CWE_IDS: readonly string[] = [
  'CWE-20',
  'CWE-22',
  'CWE-77',
  'CWE-78',
  'CWE-79',
  'CWE-89',
  'CWE-94',
  'CWE-119',
  'CWE-120',
  'CWE-125',
  'CWE-190',
  'CWE-200',
  'CWE-250',
  'CWE-269',
  'CWE-276',
  'CWE-284',
  'CWE-285',
  'CWE-287',
  'CWE-295',
  'CWE-306',
  'CWE-311',
  'CWE-312',
  'CWE-319',
  'CWE-326',
  'CWE-327',
  'CWE-352',
  'CWE-362',
  'CWE-384',
  'CWE-400',
  'CWE-416',
  'CWE-434',
  'CWE-476',
  'CWE-502',
  'CWE-521',
  'CWE-601',
  'CWE-611',
  'CWE-639',
  'CWE-732',
  'CWE-787',
  'CWE-798',
  'CWE-862',
  'CWE-863',
  'CWE-918',
  'CWE-1021',
  'CWE-1321',
  'NVD-CWE-Other',
  'NVD-CWE-noinfo',
];

export const CWE_CHOICES_ID = 'cwe-choices';

/** The datalist the CWE inputs name with `list=`; rendered once per page. */
export function CweChoices() {
  return (
    <datalist id={CWE_CHOICES_ID}>
      {COMMON_CWE_IDS.map((id) => (
        <option key={id} value={id}>
          {findCwe(id)?.name ?? id}
        </option>
      ))}
    </datalist>
  );
}

/** "CWE-79 — Improper Neutralization …": the id with MITRE's name when the catalogue knows it. */
export function cweLabel(id: string): string {
  const name = findCwe(id)?.name;
  return name ? `${id} — ${name}` : id;
}
