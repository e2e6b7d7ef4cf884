// Pieces every vulndb page shares: bilingual text in the page's language (the other language, marked with its
// lang, when one is missing), the severity badge with JVN's labels, JST dates, and the pager.
import type { ComponentChildren } from 'preact';
import type { Bilingual, Severity } from '../../../domain/advisory-document.js';
import type { ViewContext } from '../../../platform/views/view-context.js';

/**
 * Public dates are JST whoever reads them (the database's dates are JST days). Japan has had no daylight
 * saving time since 1951, so JST is UTC+09:00 for every advisory: plain arithmetic gives the same text as
 * domain/time.ts's formatDate/formatInstant with Asia/Tokyo, without building an Intl.DateTimeFormat per date
 * (which cost a list page ~14 ms). parts.test.ts compares the two.
 */
const JST_OFFSET_MS = 9 * 3_600_000;

function jstIso(at: Date | string): string {
  return new Date(new Date(at).getTime() + JST_OFFSET_MS).toISOString();
}

export function jstDate(_v: ViewContext, at: Date | string): string {
  return jstIso(at).slice(0, 10);
}

export function jstInstant(_v: ViewContext, at: Date | string): string {
  const iso = jstIso(at);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} JST (UTC+09:00)`;
}

/** The text in the viewer's language, or the other one with its language; null when both are empty. */
export function pick(v: ViewContext, b: Bilingual): { text: string; lang: 'ja' | 'en' | undefined } | null {
  const own = b[v.locale].trim();
  if (own) return { text: b[v.locale], lang: undefined };
  const other = v.locale === 'ja' ? 'en' : 'ja';
  return b[other].trim() ? { text: b[other], lang: other } : null;
}

/** A short bilingual text inline (a title, a name). */
export function Bi({ v, value, fallback }: { v: ViewContext; value: Bilingual; fallback?: string }) {
  const p = pick(v, value);
  if (!p) return fallback ? <>{fallback}</> : null;
  return p.lang ? <span lang={p.lang}>{p.text}</span> : <>{p.text}</>;
}

/** A longer bilingual text: paragraphs at blank lines, line breaks kept. */
export function BiBlock({ v, value }: { v: ViewContext; value: Bilingual }) {
  const p = pick(v, value);
  if (!p) return <p>{v.t('vulndb.advisory.none')}</p>;
  const paragraphs = p.text.split(/\n{2,}/).filter((x) => x.trim());
  return (
    <div lang={p.lang}>
      {paragraphs.map((para, i) => (
        <p key={i}>
          {para.split('\n').map((line, j) => (
            <>
              {j > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}

export function severityLabel(v: ViewContext, severity: Severity | null, score: number | null): string {
  if (!severity) return v.t('vulndb.noScore');
  const label = v.t(`vulndb.severity.${severity}`);
  return score === null ? label : v.t('vulndb.severityWithScore', { label, score: score.toFixed(1) });
}

export function SeverityBadge({
  v,
  severity,
  score,
}: {
  v: ViewContext;
  severity: Severity | null;
  score: number | null;
}) {
  return (
    <span class={`badge severity severity-${severity ?? 'unscored'}`}>
      {severityLabel(v, severity, score)}
    </span>
  );
}

export function SampleBadge({ v }: { v: ViewContext }) {
  return <span class="badge sample">{v.t('vulndb.sample')}</span>;
}

export function Pager({
  v,
  page,
  hasNext,
  href,
}: {
  v: ViewContext;
  page: number;
  hasNext: boolean;
  href: (page: number) => string;
}) {
  if (page <= 1 && !hasNext) return null;
  return (
    <nav class="pager" aria-label={v.t('vulndb.list.pagination')}>
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          {v.t('vulndb.list.previous')}
        </a>
      )}
      {hasNext && (
        <a href={href(page + 1)} rel="next">
          {v.t('vulndb.list.next')}
        </a>
      )}
    </nav>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The public feeds, for the head of the public pages (Layout `alternates`), in the reader's language. */
export function feedAlternates(v: ViewContext) {
  return [
    {
      type: 'application/rss+xml',
      href: `/feeds/jvnrss.rdf?lang=${v.locale}`,
      title: v.t('vulndb.feeds.jvnrss'),
    },
    {
      type: 'application/atom+xml',
      href: `/feeds/atom.xml?lang=${v.locale}`,
      title: v.t('vulndb.feeds.atom'),
    },
  ];
}
