// Hostnames as the directory keeps them: lower-case ASCII (IDNs in punycode), no trailing dot, no port.
import { domainToASCII } from 'node:url';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The normalised hostname, or null when it is not a hostname (an IP address, a URL with a path, garbage). */
export function normaliseHostname(input: string): string | null {
  let s = input.trim();
  if (s === '') return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    try {
      s = new URL(s).hostname;
    } catch {
      return null;
    }
  }
  s = s.replace(/\.$/, '');
  if (/[/\s@?#:[\]]/.test(s)) return null;
  const ascii = domainToASCII(s.toLowerCase());
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2) return null;
  if (!labels.every((l) => LABEL.test(l))) return null;
  // an IPv4 address is not a domain
  if (labels.every((l) => /^\d+$/.test(l))) return null;
  // the top-level label is never all digits
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return null;
  return ascii;
}

/** The host and each parent domain, most specific first: a.b.example.jp → a.b.example.jp, b.example.jp, example.jp, jp. */
export function hostAndParents(host: string): string[] {
  const labels = host.split('.');
  const out: string[] = [];
  for (let i = 0; i < labels.length; i++) out.push(labels.slice(i).join('.'));
  return out;
}
