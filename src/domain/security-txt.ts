// RFC 9116 security.txt: the machine-readable contact a website publishes at /.well-known/security.txt.
// The reception body reads it to find an operator's vulnerability contact (issue 6 §1). Parsing is pure and
// lenient where real files commonly err (odd casing, CRLF, a BOM, a bare e-mail address as Contact), and every
// departure from the RFC is reported as an issue with its line, so staff see why a file was or was not used.
//
// A cleartext OpenPGP signed file (RFC 4880 §7) is unwrapped (dash-escaping undone) and parsed from the signed
// text only; lines outside the signed message are ignored. Whether the signature is good is a separate, async
// question: verifySecurityTxtSignature(text, armoredKey).
import * as openpgp from 'openpgp';

export type SecurityTxtIssueCode =
  | 'no-contact'
  | 'no-expires'
  | 'expired'
  | 'expires-syntax'
  | 'multiple-expires'
  | 'bad-line'
  | 'bad-contact'
  | 'unknown-field'
  | 'too-large'
  | 'bad-signature'
  | 'canonical-mismatch';

export type SecurityTxtIssue = { code: SecurityTxtIssueCode; line?: number; detail?: string };

export type SecurityTxt = {
  /** Contact URIs in the file's order (its order of preference): mailto:, https: or tel:. */
  contacts: string[];
  expires: Date | null;
  expired: boolean;
  encryption: string[];
  acknowledgments: string[];
  preferredLanguages: string[];
  canonical: string[];
  policy: string[];
  hiring: string[];
  csaf: string[];
  /** Fields RFC 9116 does not define, keyed by lower-case name. */
  other: Record<string, string[]>;
  signed: boolean;
  issues: SecurityTxtIssue[];
};

/** RFC 9116 §3: a file larger than this is not read (real files are a few hundred bytes). */
export const SECURITY_TXT_MAX_BYTES = 32 * 1024;

const SIGNED_BEGIN = '-----BEGIN PGP SIGNED MESSAGE-----';
const SIGNATURE_BEGIN = '-----BEGIN PGP SIGNATURE-----';
const SIGNATURE_END = '-----END PGP SIGNATURE-----';

// RFC 9116 §4 ABNF: field-name = 1*(ALPHA / DIGIT / "-"), then ":" and the value.
const FIELD_LINE = /^([A-Za-z0-9-]+)[ \t]*:[ \t]*(.*?)[ \t]*$/;
// RFC 3339 §5.6 date-time (T or t, Z or z or a numeric offset; fractional seconds allowed).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;
// A deliberately plain address check: one @, no spaces or angle brackets, a dotted domain.
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

type ListField = 'encryption' | 'acknowledgments' | 'canonical' | 'policy' | 'hiring' | 'csaf';
const LIST_FIELDS: Readonly<Record<string, ListField>> = {
  encryption: 'encryption',
  acknowledgments: 'acknowledgments',
  canonical: 'canonical',
  policy: 'policy',
  hiring: 'hiring',
  csaf: 'csaf',
};

function empty(): SecurityTxt {
  return {
    contacts: [],
    expires: null,
    expired: false,
    encryption: [],
    acknowledgments: [],
    preferredLanguages: [],
    canonical: [],
    policy: [],
    hiring: [],
    csaf: [],
    other: {},
    signed: false,
    issues: [],
  };
}

export function parseSecurityTxt(text: string, opts: { now: Date; url?: string }): SecurityTxt {
  const result = empty();
  if (Buffer.byteLength(text, 'utf8') > SECURITY_TXT_MAX_BYTES) {
    result.issues.push({ code: 'too-large', detail: `more than ${SECURITY_TXT_MAX_BYTES} bytes` });
    return result;
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const allLines = body.split(/\r?\n/);
  const { lines, signed, issues } = unwrapSigned(allLines);
  result.signed = signed;
  result.issues.push(...issues);

  const expiresSeen: Date[] = [];
  let expiresLines = 0;
  for (const { n, text: raw } of lines) {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const m = FIELD_LINE.exec(trimmed);
    if (!m) {
      result.issues.push({ code: 'bad-line', line: n, detail: clip(trimmed) });
      continue;
    }
    const name = m[1]!.toLowerCase();
    const value = m[2]!;
    if (value === '') {
      result.issues.push({ code: 'bad-line', line: n, detail: `${m[1]}: empty value` });
      continue;
    }
    if (name === 'contact') {
      const contact = normaliseContact(value);
      if (contact.uri) result.contacts.push(contact.uri);
      if (contact.issue) result.issues.push({ code: 'bad-contact', line: n, detail: contact.issue });
    } else if (name === 'expires') {
      expiresLines++;
      if (expiresLines === 2) result.issues.push({ code: 'multiple-expires', line: n });
      const at = parseRfc3339(value);
      if (at) expiresSeen.push(at);
      else result.issues.push({ code: 'expires-syntax', line: n, detail: clip(value) });
    } else if (name === 'preferred-languages') {
      const tags = value
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '');
      for (const tag of tags) {
        if (/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) result.preferredLanguages.push(tag);
        else result.issues.push({ code: 'bad-line', line: n, detail: `Preferred-Languages: ${clip(tag)}` });
      }
    } else if (Object.hasOwn(LIST_FIELDS, name)) {
      if (URL.canParse(value)) result[LIST_FIELDS[name]!].push(value);
      else result.issues.push({ code: 'bad-line', line: n, detail: `${m[1]}: not a URI` });
    } else {
      // own properties only: a field named "constructor" or "toString" must not reach Object.prototype
      if (Object.hasOwn(result.other, name)) result.other[name]!.push(value);
      else result.other[name] = [value];
      result.issues.push({ code: 'unknown-field', line: n, detail: m[1] });
    }
  }

  if (result.contacts.length === 0) result.issues.push({ code: 'no-contact' });
  if (expiresSeen.length > 0) {
    // with several Expires lines, the earliest is the one that can be trusted to still hold
    result.expires = new Date(Math.min(...expiresSeen.map((d) => d.getTime())));
    result.expired = result.expires.getTime() <= opts.now.getTime();
    if (result.expired) result.issues.push({ code: 'expired', detail: result.expires.toISOString() });
  } else if (expiresLines === 0) {
    result.issues.push({ code: 'no-expires' });
  }
  if (opts.url && result.canonical.length > 0) {
    const fetched = normaliseUrl(opts.url);
    if (!result.canonical.some((c) => normaliseUrl(c) === fetched)) {
      result.issues.push({ code: 'canonical-mismatch', detail: opts.url });
    }
  }
  return result;
}

/** Worth writing to: at least one Contact, and not past its Expires. */
export function usable(s: SecurityTxt): boolean {
  return s.contacts.length > 0 && !s.expired;
}

/** The e-mail addresses of the mailto: contacts, percent-decoded, in order, without duplicates. */
export function contactEmails(s: SecurityTxt): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const c of s.contacts) {
    if (!/^mailto:/i.test(c)) continue;
    for (const address of mailtoAddresses(c)) {
      const key = address.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(address);
      }
    }
  }
  return out;
}

export type SignatureCheck = { valid: true; keyIds: string[] } | { valid: false; detail: string };

/**
 * Checks the cleartext OpenPGP signature of a security.txt against the operator's public key (armored).
 * An unsigned file, a malformed signature, an unreadable key or a signature by another key are all
 * { valid: false } with the reason in `detail`; this function never throws.
 */
export async function verifySecurityTxtSignature(text: string, armoredKey: string): Promise<SignatureCheck> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (!body.includes(SIGNED_BEGIN)) return { valid: false, detail: 'not signed' };
  let key: openpgp.PublicKey;
  try {
    key = await openpgp.readKey({ armoredKey });
  } catch (e) {
    return { valid: false, detail: `key: ${(e as Error).message}` };
  }
  try {
    const start = body.indexOf(SIGNED_BEGIN);
    const end = body.indexOf(SIGNATURE_END, start);
    if (end < 0) return { valid: false, detail: 'no signature block' };
    const message = await openpgp.readCleartextMessage({
      cleartextMessage: body.slice(start, end + SIGNATURE_END.length),
    });
    const { signatures } = await openpgp.verify({ message, verificationKeys: key, expectSigned: false });
    if (signatures.length === 0) return { valid: false, detail: 'no signature' };
    const keyIds: string[] = [];
    for (const s of signatures) {
      try {
        await s.verified;
        keyIds.push(s.keyID.toHex());
      } catch (e) {
        return { valid: false, detail: (e as Error).message };
      }
    }
    return { valid: true, keyIds };
  } catch (e) {
    return { valid: false, detail: (e as Error).message };
  }
}

type NumberedLine = { n: number; text: string };

// RFC 4880 §7: the BEGIN line, armor headers ("Hash: SHA512"), an empty line, the dash-escaped text, then
// the signature block. Only the signed text is returned.
function unwrapSigned(lines: string[]): {
  lines: NumberedLine[];
  signed: boolean;
  issues: SecurityTxtIssue[];
} {
  const numbered = lines.map((text, i) => ({ n: i + 1, text: text.replace(/\r$/, '') }));
  const begin = numbered.findIndex((l) => l.text.trimEnd() === SIGNED_BEGIN);
  if (begin < 0) {
    const stray = numbered.find((l) => l.text.trim() === SIGNATURE_BEGIN);
    const issues: SecurityTxtIssue[] = stray
      ? [{ code: 'bad-signature', line: stray.n, detail: 'signature without a signed message' }]
      : [];
    // parse the file as it is; the armor lines themselves will be reported as bad lines
    return { lines: numbered, signed: false, issues };
  }
  const issues: SecurityTxtIssue[] = [];
  if (numbered.slice(0, begin).some((l) => l.text.trim() !== '')) {
    issues.push({ code: 'bad-signature', line: 1, detail: 'text before the signed message ignored' });
  }
  let i = begin + 1;
  while (i < numbered.length && numbered[i]!.text.trim() !== '') {
    if (!/^[A-Za-z]+: /.test(numbered[i]!.text)) {
      issues.push({ code: 'bad-signature', line: numbered[i]!.n, detail: 'bad armor header' });
      break;
    }
    i++;
  }
  i++; // the empty line that ends the armor headers
  const sigStart = numbered.findIndex((l, k) => k >= i && l.text.trimEnd() === SIGNATURE_BEGIN);
  const sigEnd = numbered.findIndex((l, k) => k > sigStart && l.text.trimEnd() === SIGNATURE_END);
  if (sigStart < 0 || sigEnd < 0) {
    issues.push({ code: 'bad-signature', line: numbered[begin]!.n, detail: 'no complete signature block' });
  } else if (numbered.slice(sigEnd + 1).some((l) => l.text.trim() !== '')) {
    issues.push({
      code: 'bad-signature',
      line: numbered[sigEnd + 1]!.n,
      detail: 'text after the signature ignored',
    });
  }
  const signedText = numbered.slice(i, sigStart < 0 ? numbered.length : sigStart);
  return {
    lines: signedText.map((l) => ({ n: l.n, text: l.text.startsWith('- ') ? l.text.slice(2) : l.text })),
    signed: true,
    issues,
  };
}

function normaliseContact(value: string): { uri: string | null; issue?: string } {
  if (/^mailto:/i.test(value)) {
    const addresses = mailtoAddresses(value);
    if (addresses.length === 0) return { uri: null, issue: `not an e-mail address: ${clip(value)}` };
    return { uri: value };
  }
  if (/^tel:/i.test(value)) {
    return /^tel:\+?[0-9()./ -]+$/i.test(value)
      ? { uri: value }
      : { uri: null, issue: `not a telephone number: ${clip(value)}` };
  }
  if (/^https:\/\//i.test(value)) {
    return URL.canParse(value) ? { uri: value } : { uri: null, issue: `not a URI: ${clip(value)}` };
  }
  if (/^http:\/\//i.test(value)) {
    return { uri: null, issue: `a web contact must use https: ${clip(value)}` };
  }
  // common mistake: "Contact: security@example.jp" — kept as mailto:, but reported
  if (EMAIL.test(value)) return { uri: `mailto:${value}`, issue: `bare e-mail address, not a mailto: URI` };
  return { uri: null, issue: `not a mailto:, https: or tel: URI: ${clip(value)}` };
}

function mailtoAddresses(uri: string): string[] {
  const path = uri.slice('mailto:'.length).split('?')[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return [];
  }
  return decoded
    .split(',')
    .map((a) => a.trim())
    .filter((a) => EMAIL.test(a));
}

function parseRfc3339(value: string): Date | null {
  const m = RFC3339.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  let offsetMinutes = 0;
  if (m[9]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  // a leap second (:60) is read as the last millisecond of its minute
  const ms =
    Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), second === 60 ? 999 : fraction) -
    offsetMinutes * 60_000;
  return new Date(ms);
}

function normaliseUrl(u: string): string {
  try {
    const url = new URL(u);
    url.hash = '';
    return url.href;
  } catch {
    return u;
  }
}

function clip(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
