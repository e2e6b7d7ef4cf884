// Which IP addresses keikai may connect to when it fetches a URL from the internet: public unicast only.
// Everything else — loopback, private (RFC 1918), link-local (cloud metadata at 169.254.169.254), CGNAT,
// unique-local, multicast, unspecified, broadcast, reserved and documentation ranges, and IPv6 forms that
// embed one of those IPv4 addresses (IPv4-mapped, NAT64, 6to4) — is refused, so that a URL supplied from
// outside (a report, a security.txt, a redirect) cannot make the server reach its own network (SSRF).
import { isIPv4, isIPv6 } from 'node:net';

type V4Range = readonly [base: string, prefix: number, name: string];

// The RFC 6890 special-purpose IPv4 ranges: none of them is a public web server. The first match names it.
const V4_BLOCKED: readonly V4Range[] = [
  ['0.0.0.0', 8, 'this network / unspecified'],
  ['10.0.0.0', 8, 'private (RFC 1918)'],
  ['100.64.0.0', 10, 'shared address space (CGNAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private (RFC 1918)'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation (TEST-NET-1)'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private (RFC 1918)'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation (TEST-NET-2)'],
  ['203.0.113.0', 24, 'documentation (TEST-NET-3)'],
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V4_TABLE = V4_BLOCKED.map(([base, prefix, name]) => ({
  base: v4ToInt(base),
  mask: prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0,
  name,
}));

/**
 * Why an address must not be connected to, or null when it is public unicast. Anything that is not a
 * well-formed IPv4 or IPv6 address is refused too (fail closed).
 */
export function blockedAddressReason(address: string): string | null {
  if (isIPv4(address)) return v4Reason(v4ToInt(address));
  if (isIPv6(address)) return v6Reason(address);
  return 'not an IP address';
}

export function isPublicAddress(address: string): boolean {
  return blockedAddressReason(address) === null;
}

function v4Reason(ip: number): string | null {
  for (const r of V4_TABLE) if ((ip & r.mask) >>> 0 === r.base) return r.name;
  return null;
}

function v6Reason(address: string): string | null {
  if (address.includes('%')) return 'IPv6 with a zone (link-local)';
  const g = v6Groups(address);
  if (!g) return 'not an IP address';
  const embeddedV4 = ((g[6]! << 16) | g[7]!) >>> 0;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'unspecified';
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d (IPv4-mapped) reaches the IPv4 address itself
  if (zeros(0, 5) && g[5] === 0xffff) {
    const r = v4Reason(embeddedV4);
    return r ? `IPv4-mapped ${r}` : null;
  }
  // 64:ff9b::a.b.c.d (NAT64, RFC 6052): a NAT64 gateway would connect to the IPv4 address
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) {
    const r = v4Reason(embeddedV4);
    return r ? `NAT64 ${r}` : null;
  }
  if (zeros(0, 6)) return 'IPv4-compatible (deprecated)';
  // only global unicast (2000::/3) is public, with its special ranges carved out
  if ((g[0]! & 0xe000) !== 0x2000) {
    if ((g[0]! & 0xfe00) === 0xfc00) return 'unique-local';
    if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
    if ((g[0]! & 0xffc0) === 0xfec0) return 'site-local (deprecated)';
    if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
    return 'not global unicast';
  }
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x2001 && g[1]! < 0x0200) return 'IETF protocol assignments (Teredo, ORCHID…)';
  if (g[0] === 0x2002) return '6to4 (embeds an IPv4 address)';
  if (g[0] === 0x3fff && g[1]! < 0x1000) return 'documentation';
  return null;
}

function v4ToInt(address: string): number {
  return address.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);
}

/** The eight 16-bit groups of an IPv6 address (already checked with isIPv6), or null. */
function v6Groups(address: string): number[] | null {
  let text = address.toLowerCase();
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    // a trailing dotted quad (::ffff:127.0.0.1) is the last two groups written in IPv4 notation
    if (!isIPv4(last)) return null;
    const v4 = v4ToInt(last);
    text = `${text.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((h) => Number.parseInt(h, 16)));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const explicit = head.length + rest.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return null;
  const groups = [...head, ...new Array<number>(8 - explicit).fill(0), ...rest];
  return groups.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffff) ? groups : null;
}
