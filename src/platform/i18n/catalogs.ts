// Every catalog, merged: common strings at the top level, each feature's under its own name.
import { messages as accounts } from '../../features/accounts/messages.js';
import { messages as admin } from '../../features/admin/messages.js';
import { messages as advisories } from '../../features/advisories/messages.js';
import { messages as advisoryImport } from '../../features/advisory-import/messages.js';
import { messages as audit } from '../../features/audit/messages.js';
import { messages as cases } from '../../features/cases/messages.js';
import { messages as coordination } from '../../features/coordination/messages.js';
import { messages as directory } from '../../features/directory/messages.js';
import { messages as intake } from '../../features/intake/messages.js';
import { messages as operator } from '../../features/operator/messages.js';
import { messages as outbox } from '../../features/outbox/messages.js';
import { messages as portal } from '../../features/portal/messages.js';
import { messages as publication } from '../../features/publication/messages.js';
import { messages as screening } from '../../features/screening/messages.js';
import { messages as statistics } from '../../features/statistics/messages.js';
import { messages as vulndb } from '../../features/vulndb/messages.js';
import { messages as website } from '../../features/website/messages.js';
import { common as en } from './en.js';
import { common as ja } from './ja.js';

export const catalogs = {
  ja: {
    ...ja,
    accounts: accounts.ja,
    admin: admin.ja,
    audit: audit.ja,
    outbox: outbox.ja,
    intake: intake.ja,
    screening: screening.ja,
    cases: cases.ja,
    directory: directory.ja,
    coordination: coordination.ja,
    website: website.ja,
    portal: portal.ja,
    operator: operator.ja,
    advisories: advisories.ja,
    publication: publication.ja,
    vulndb: vulndb.ja,
    advisoryImport: advisoryImport.ja,
    statistics: statistics.ja,
  },
  en: {
    ...en,
    accounts: accounts.en,
    admin: admin.en,
    audit: audit.en,
    outbox: outbox.en,
    intake: intake.en,
    screening: screening.en,
    cases: cases.en,
    directory: directory.en,
    coordination: coordination.en,
    website: website.en,
    portal: portal.en,
    operator: operator.en,
    advisories: advisories.en,
    publication: publication.en,
    vulndb: vulndb.en,
    advisoryImport: advisoryImport.en,
    statistics: statistics.en,
  },
};
