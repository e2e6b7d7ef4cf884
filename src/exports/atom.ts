// Atom 1.0 (RFC 4287) feed of advisories, built with the `feed` package. Pure: documents in, XML text out.
// Entry ids are the advisories' public URLs (stable across revisions), `updated` is the last revision,
// `published` the first; the headline severity is a category (scheme: CVSS), and the title, which Atom marks as
// type="html", is HTML-escaped so a title with & or < reads as the text it is.
import { Feed } from 'feed';
import { type AdvisoryDocument, highestScore } from '../domain/advisory-document.js';
import { advisoryUrl, escapeHtml, type FeedLang, pick, samplePrefix, xmlSafe } from './common.js';

export type AtomChannel = {
  /** the feed's own URL (id and rel=self) */
  self: string;
  /** the advisories list page (rel=alternate) */
  link: string;
  title: string;
  description: string;
  lang: FeedLang;
  /** the newest change of any entry (ISO instant) */
  updated: string;
  /** the publisher (the coordinator's name) */
  author: string;
  publicUrl: string;
};

export const SEVERITY_SCHEME = 'https://www.first.org/cvss/';

export function toAtom(input: readonly AdvisoryDocument[], channelIn: AtomChannel): string {
  // no XML-forbidden character may reach the feed (one makes it unreadable for every reader)
  const docs = xmlSafe(input);
  const channel = xmlSafe(channelIn);
  const feed = new Feed({
    id: channel.self,
    title: channel.title,
    description: channel.description,
    link: channel.link,
    feed: channel.self,
    language: channel.lang,
    updated: new Date(channel.updated),
    author: { name: channel.author },
    copyright: channel.author,
    generator: 'keikai',
  });
  for (const doc of docs) {
    const url = advisoryUrl(channel.publicUrl, doc);
    const top = highestScore(doc);
    const title = pick(doc.title, channel.lang);
    feed.addItem({
      id: url,
      link: url,
      title: escapeHtml(`${samplePrefix(doc, title, channel.lang)}${doc.id}: ${title}`),
      description: escapeHtml(pick(doc.overview, channel.lang)),
      date: new Date(doc.lastUpdatedAt),
      published: new Date(doc.firstPublishedAt),
      author: [{ name: channel.author }],
      category: top
        ? [{ term: top.severity, name: `${top.severity} (${top.score.toFixed(1)})`, scheme: SEVERITY_SCHEME }]
        : [],
    });
  }
  return feed.atom1();
}
