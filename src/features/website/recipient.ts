// Where a notice goes (通知先): the operator's contact window from the directory — or, when the operator is reached
// through a relay (総務省 → 都道府県 → 市町村, seed 002 参考2), the outermost relay, with every hop listed — or the
// address entered by hand or found in a security.txt. Also whose key the mail is encrypted to and its language.
import type { Database } from '../../platform/db/database.js';
import type { Locale } from '../../platform/db/schema.js';
import { getContactWindow } from '../directory/contact-window.js';
import { MAX_RELAY_HOPS } from '../directory/entry-store.js';
import type { WebsiteRow } from './work-case.js';

export type Recipient = {
  to: string;
  locale: Locale;
  /** the addressee's name as written in the greeting */
  name: string;
  organizationId: string | null;
  encryptTo: string | null;
  /** the operator's name, for a relay's notice ("please pass this on to …") */
  operatorName: string;
  /** the hops, outermost relay first and the operator last; empty when the mail goes to the operator itself */
  hops: { organizationId: string; name: string }[];
};

const nameIn = (locale: Locale, o: { nameJa: string; nameEn: string }) =>
  locale === 'ja' ? o.nameJa : o.nameEn;

export async function resolveRecipient(db: Database, w: WebsiteRow): Promise<Recipient | null> {
  if (w.operator_organization_id) {
    const operator = await getContactWindow(db, w.operator_organization_id);
    if (!operator) return null;
    // follow the relays upwards: 市町村 → 都道府県 → 総務省
    const chain = [operator];
    const seen = new Set([operator.organizationId]);
    let next = operator.relayViaOrganizationId;
    while (next && !seen.has(next) && chain.length <= MAX_RELAY_HOPS) {
      const relay = await getContactWindow(db, next);
      if (!relay) break;
      chain.push(relay);
      seen.add(next);
      next = relay.relayViaOrganizationId;
    }
    const first = chain[chain.length - 1] ?? operator;
    const to = first.emails[0];
    if (!to) return null;
    return {
      to,
      locale: first.locale,
      name: nameIn(first.locale, first),
      organizationId: first.organizationId,
      encryptTo: first.pgpPublicKey,
      operatorName: nameIn(first.locale, operator),
      hops:
        chain.length > 1
          ? chain.reverse().map((o) => ({ organizationId: o.organizationId, name: nameIn(first.locale, o) }))
          : [],
    };
  }
  if (!w.contact_email) return null;
  const name = w.contact_name ?? '';
  return {
    to: w.contact_email,
    locale: w.contact_locale,
    name,
    organizationId: null,
    encryptTo: null,
    operatorName: name,
    hops: [],
  };
}
