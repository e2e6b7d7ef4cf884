// JVNRSS 3.2: RSS 1.0 (RDF) with JVN's security module `sec:` 3.0, the feed format of JVN and MyJVN
// (getVulnOverviewList). Pure: documents in, XML text out. Each advisory is an item with its identifier, the CVE
// and CWE it cites (sec:references), the affected products' CPE in the 2.2 URI form JVNRSS carries (sec:cpe),
// CVSS base scores (sec:cvss) and its dates in Japan time (+09:00). The channel carries the TLP:WHITE handling
// marking as JVN's feeds do. Built with xmlbuilder2, which escapes every text and attribute.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { AdvisoryDocument } from '../domain/advisory-document.js';
import { findCwe } from '../domain/cwe.js';
import {
  advisoryUrl,
  cveUrl,
  cweUrl,
  type FeedLang,
  jst,
  nvdUrl,
  pick,
  samplePrefix,
  severityWord,
  xmlSafe,
} from './common.js';

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss: 'http://purl.org/rss/1.0/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  sec: 'http://jvn.jp/rss/mod_sec/3.0/',
  marking: 'http://data-marking.mitre.org/Marking-1',
  tlpMarking: 'http://data-marking.mitre.org/extensions/MarkingStructure#TLP-1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

export type JvnRssChannel = {
  title: string;
  /** the channel's page (the advisories list) */
  link: string;
  description: string;
  lang: FeedLang;
  /** the newest change of any item (ISO instant) */
  modified: string;
  /** the feed's own URL (rdf:about of the channel); defaults to `link` */
  about?: string;
  /** the site's public base URL, for the items' links; defaults to the origin of `link` */
  publicUrl?: string;
};

/**
 * A CPE 2.3 formatted string bound to the CPE 2.2 URI form (NISTIR 7695 §6.1.2 / §6.2.2): ANY ('*') becomes
 * empty, NA ('-') stays '-', quoted characters are percent-encoded, the four extended attributes are packed into
 * the edition as ~edition~sw_edition~target_sw~target_hw~other, and empty trailing components are dropped.
 * Null when the input is not a CPE 2.3 formatted string.
 */
export function cpe23To22(formatted: string): string | null {
  if (!formatted.startsWith('cpe:2.3:')) return null;
  const parts: string[] = [];
  let cur = '';
  const body = formatted.slice('cpe:2.3:'.length);
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i]!;
    if (c === '\\') {
      if (i + 1 >= body.length) return null;
      cur += c + body[i + 1];
      i += 1;
    } else if (c === ':') {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  if (parts.length !== 11 || parts.some((p) => p === '')) return null;
  const [part, vendor, product, version, update, edition, language, swEdition, targetSw, targetHw, other] =
    parts as [string, string, string, string, string, string, string, string, string, string, string];
  if (!/^[aho*]$/.test(part)) return null;
  const bind = (v: string): string | null => {
    if (v === '*') return '';
    if (v === '-') return '-';
    let out = '';
    for (let i = 0; i < v.length; i += 1) {
      const c = v[i]!;
      if (c === '\\') {
        out += pctEncode(v[i + 1]!);
        i += 1;
      } else if (c === '?') out += '%01';
      else if (c === '*') out += '%02';
      else if (/[A-Za-z0-9._-]/.test(c)) out += c.toLowerCase();
      else return null; // an unquoted character the formatted string does not allow
    }
    return out;
  };
  const bound = [
    vendor,
    product,
    version,
    update,
    edition,
    language,
    swEdition,
    targetSw,
    targetHw,
    other,
  ].map(bind);
  if (bound.some((b) => b === null)) return null;
  const [v, p, ver, upd, ed, lang, swEd, tSw, tHw, oth] = bound as string[];
  const extended = [swEd, tSw, tHw, oth].some((x) => x !== '');
  const editionPacked = extended ? `~${ed}~${swEd}~${tSw}~${tHw}~${oth}` : ed!;
  const components = [part === '*' ? '' : part, v!, p!, ver!, upd!, editionPacked, lang!];
  while (components.length > 1 && components[components.length - 1] === '') components.pop();
  return `cpe:/${components.join(':')}`;
}

function pctEncode(c: string): string {
  if (/[A-Za-z0-9_]/.test(c)) return c.toLowerCase();
  if (c === '-' || c === '.') return c;
  return `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

function addItem(rdf: XMLBuilder, doc: AdvisoryDocument, url: string, lang: FeedLang): void {
  const item = rdf.ele(NS.rss, 'item').att(NS.rdf, 'rdf:about', url);
  const title = pick(doc.title, lang);
  item
    .ele(NS.rss, 'title')
    .txt(samplePrefix(doc, title, lang) + title)
    .up();
  item.ele(NS.rss, 'link').txt(url).up();
  item.ele(NS.rss, 'description').txt(pick(doc.overview, lang)).up();
  item.ele(NS.sec, 'sec:identifier').txt(doc.id).up();

  const seen = new Set<string>();
  for (const v of doc.vulnerabilities) {
    if (v.cveId && !seen.has(v.cveId)) {
      seen.add(v.cveId);
      item.ele(NS.sec, 'sec:references').att('source', 'CVE').att('id', v.cveId).txt(cveUrl(v.cveId)).up();
      item.ele(NS.sec, 'sec:references').att('source', 'NVD').att('id', v.cveId).txt(nvdUrl(v.cveId)).up();
    }
  }
  for (const v of doc.vulnerabilities) {
    if (v.cweId && !seen.has(v.cweId)) {
      seen.add(v.cweId);
      const name = findCwe(v.cweId)?.name ?? v.cweId;
      // JVN writes NVD's pseudo-entries as CWE-Other / CWE-noinfo
      const id = v.cweId.replace(/^NVD-/, '');
      const ref = item.ele(NS.sec, 'sec:references').att('id', id).att('title', `${name}(${id})`);
      const link = cweUrl(v.cweId);
      if (link) ref.txt(link);
      ref.up();
    }
  }
  for (const r of doc.references) {
    if (r.kind === 'cve' && seen.has(r.title)) continue;
    if (seen.has(r.url)) continue;
    seen.add(r.url);
    // as JVN does: CVE and CWE by name, everything else as a related document (関連文書)
    const source =
      r.kind === 'cve' ? 'CVE' : r.kind === 'cwe' ? 'CWE' : lang === 'ja' ? '関連文書' : 'Related document';
    const ref = item.ele(NS.sec, 'sec:references').att('source', source);
    if (r.title) ref.att('id', r.title);
    ref.txt(r.url).up();
  }

  for (const p of doc.products) {
    const uri = p.cpe ? cpe23To22(p.cpe) : null;
    if (!uri) continue;
    const dev = doc.developers.find((d) => d.slug === p.developerSlug);
    item
      .ele(NS.sec, 'sec:cpe')
      .att('version', '2.2')
      .att('vendor', dev ? pick(dev.name, lang) : p.developerSlug)
      .att('product', pick(p.name, lang))
      .txt(uri)
      .up();
  }

  for (const v of doc.vulnerabilities) {
    for (const [version, s] of [
      ['4.0', v.cvss40],
      ['3.1', v.cvss31],
    ] as const) {
      if (!s) continue;
      item
        .ele(NS.sec, 'sec:cvss')
        .att('version', version)
        .att('score', s.score.toFixed(1))
        .att('type', 'Base')
        .att('severity', severityWord(s.severity))
        .att('vector', s.vector)
        .up();
    }
  }

  item.ele(NS.dc, 'dc:date').txt(jst(doc.lastUpdatedAt)).up();
  item.ele(NS.dcterms, 'dcterms:issued').txt(jst(doc.firstPublishedAt)).up();
  item.ele(NS.dcterms, 'dcterms:modified').txt(jst(doc.lastUpdatedAt)).up();
}

/** The feed of `docs` (in the order given) as a JVNRSS 3.2 document. */
export function toJvnRss(input: readonly AdvisoryDocument[], channelIn: JvnRssChannel): string {
  // no XML-forbidden character may reach the builder (a feed with one is unreadable for every reader)
  const docs = xmlSafe(input);
  const channel = xmlSafe(channelIn);
  const publicUrl = channel.publicUrl ?? new URL(channel.link).origin;
  const urls = docs.map((d) => advisoryUrl(publicUrl, d));
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(NS.rdf, 'rdf:RDF')
    .att('http://www.w3.org/2000/xmlns/', 'xmlns', NS.rss)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:rdf', NS.rdf)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:dc', NS.dc)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:dcterms', NS.dcterms)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:sec', NS.sec)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:marking', NS.marking)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:tlpMarking', NS.tlpMarking)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:xsi', NS.xsi)
    .att('http://www.w3.org/XML/1998/namespace', 'xml:lang', channel.lang);

  const ch = root.ele(NS.rss, 'channel').att(NS.rdf, 'rdf:about', channel.about ?? channel.link);
  ch.ele(NS.rss, 'title').txt(channel.title).up();
  ch.ele(NS.rss, 'link').txt(channel.link).up();
  ch.ele(NS.rss, 'description').txt(channel.description).up();
  ch.ele(NS.dc, 'dc:date').txt(jst(channel.modified)).up();
  ch.ele(NS.dcterms, 'dcterms:modified').txt(jst(channel.modified)).up();
  ch.ele(NS.sec, 'sec:handling')
    .ele(NS.marking, 'marking:Marking')
    .ele(NS.marking, 'marking:Marking_Structure')
    .att(NS.xsi, 'xsi:type', 'tlpMarking:TLPMarkingStructureType')
    .att('marking_model_name', 'TLP')
    .att('marking_model_ref', 'http://www.us-cert.gov/tlp/')
    .att('color', 'WHITE');
  const seq = ch.ele(NS.rss, 'items').ele(NS.rdf, 'rdf:Seq');
  for (const url of urls) seq.ele(NS.rdf, 'rdf:li').att(NS.rdf, 'rdf:resource', url).up();

  docs.forEach((doc, i) => {
    addItem(root, doc, urls[i]!, channel.lang);
  });
  return root.end({ prettyPrint: true });
}
