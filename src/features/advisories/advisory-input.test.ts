// The editor's form checked strictly: every validator refuses its kind of bad input with a worded error on the
// field, scores come from the vector (never from the form), and a copy survives the round trip form → content.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AdvisoryContent, emptyContent } from '../../domain/advisory-document.js';
import { contentToForm, isHttpUrl, parseAdvisoryForm } from './advisory-input.js';

const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N';

function sample(): AdvisoryContent {
  return {
    ...emptyContent(),
    title: {
      ja: 'Alpha CMS におけるクロスサイトスクリプティングの脆弱性',
      en: 'Alpha CMS vulnerable to XSS',
    },
    overview: { ja: '概要です。', en: 'Overview.' },
    developers: [{ slug: 'alpha-soft', name: { ja: 'アルファソフト', en: 'Alpha Soft' } }],
    products: [
      {
        key: 'p1',
        developerSlug: 'alpha-soft',
        name: { ja: 'アルファCMS', en: 'Alpha CMS' },
        versions: { ja: '1.4 以前', en: '1.4 and earlier' },
        versionRange: 'vers:npm/<1.5.0',
        fixedVersion: '1.5.0',
        purl: 'pkg:npm/alpha-cms@1.4.0',
        cpe: 'cpe:2.3:a:alpha:alpha_cms:1.4:*:*:*:*:*:*:*',
      },
    ],
    vulnerabilities: [
      {
        ordinal: 1,
        title: { ja: '格納型XSS', en: 'Stored XSS' },
        description: { ja: '説明', en: 'Description' },
        cweId: 'CWE-79',
        cvss31: { vector: V31, score: 6.1, severity: 'medium' },
        cvss40: null,
        cveId: 'CVE-2026-12345',
        exploitedInTheWild: true,
      },
    ],
    vendorStatuses: [
      {
        developerSlug: 'alpha-soft',
        vulnerabilityOrdinal: 1,
        status: 'fixed',
        statement: { ja: '修正済み', en: 'Fixed' },
        url: 'https://alpha.example/security',
      },
    ],
    credits: [{ ja: 'Kaminari Research', en: 'Kaminari Research' }],
    references: [{ kind: 'cwe', title: 'CWE-79', url: 'https://cwe.mitre.org/data/definitions/79.html' }],
    contact: { ja: '調整機関', en: 'Coordination body' },
    receivedOn: '2026-11-05',
  };
}

const parse = (values: Record<string, string>) => parseAdvisoryForm(values, 'en');
const errorsOf = (values: Record<string, string>) => {
  const r = parse(values);
  assert.equal(r.ok, false, 'refused');
  return r.ok ? {} : r.errors;
};

describe('the advisory form', () => {
  it('keeps a whole copy through the round trip form → content', () => {
    const r = parse(contentToForm(sample()));
    assert.ok(r.ok, JSON.stringify(r.ok ? null : r.errors));
    assert.deepEqual(r.content, sample());
  });

  it('recomputes CVSS score and severity from the vector, ignoring posted scores', () => {
    const values = { ...contentToForm(sample()), 'vuln.0.score': '10.0', 'vuln.0.severity': 'critical' };
    const r = parse(values);
    assert.ok(r.ok);
    assert.deepEqual(r.content.vulnerabilities[0]?.cvss31, { vector: V31, score: 6.1, severity: 'medium' });
  });

  it('refuses an invalid purl', () => {
    const e = errorsOf({ ...contentToForm(sample()), 'product.0.purl': 'npm/alpha-cms' });
    assert.match(e['product.0.purl']?.[0] ?? '', /package URL/);
  });

  it('refuses an invalid CPE', () => {
    const e = errorsOf({ ...contentToForm(sample()), 'product.0.cpe': 'cpe:/a:alpha:cms' });
    assert.match(e['product.0.cpe']?.[0] ?? '', /CPE 2\.3/);
  });

  it('refuses a bad CVSS vector, worded per version', () => {
    const e = errorsOf({ ...contentToForm(sample()), 'vuln.0.cvss31': 'CVSS:3.1/AV:N/AC:L' });
    assert.ok(e['vuln.0.cvss31']?.length);
    const e4 = errorsOf({ ...contentToForm(sample()), 'vuln.0.cvss40': V31 });
    assert.ok(e4['vuln.0.cvss40']?.length);
  });

  it('refuses an unknown CWE', () => {
    const e = errorsOf({ ...contentToForm(sample()), 'vuln.0.cwe': 'CWE-99999' });
    assert.match(e['vuln.0.cwe']?.[0] ?? '', /CWE-99999/);
  });

  it('refuses a malformed CVE ID', () => {
    const e = errorsOf({ ...contentToForm(sample()), 'vuln.0.cve': 'CVE-26-1' });
    assert.ok(e['vuln.0.cve']?.length);
  });

  it('refuses javascript:, data: and relative links in references and vendor pages', () => {
    const e = errorsOf({
      ...contentToForm(sample()),
      'ref.0.url': 'javascript:alert(1)',
      'status.alpha-soft.1.url': 'data:text/html,hi',
    });
    assert.ok(e['ref.0.url']?.length);
    assert.ok(e['status.alpha-soft.1.url']?.length);
    for (const bad of [
      'javascript:alert(1)',
      '//evil.example/x',
      '/relative',
      'ftp://x.example',
      'https:evil',
    ])
      assert.equal(isHttpUrl(bad), false, bad);
    assert.equal(isHttpUrl('https://jvn.jp/vu/JVNVU12345678/'), true);
  });

  it('requires the Japanese title, in the reader’s language', () => {
    const en = errorsOf({ ...contentToForm(sample()), 'title.ja': '  ' });
    assert.match(en['title.ja']?.[0] ?? '', /Japanese title/);
    const ja = parseAdvisoryForm({ ...contentToForm(sample()), 'title.ja': '' }, 'ja');
    assert.ok(!ja.ok && /日本語のタイトル/.test(ja.errors['title.ja']?.[0] ?? ''));
  });

  it('bounds every text', () => {
    const e = errorsOf({ ...contentToForm(sample()), 'overview.en': 'x'.repeat(4001) });
    assert.match(e['overview.en']?.[0] ?? '', /4000/);
  });

  it('refuses a product of no developer of the advisory and a malformed developer identifier', () => {
    const e = errorsOf({
      ...contentToForm(sample()),
      'product.0.developer': 'nobody',
      'dev.0.slug': 'Alpha Soft',
    });
    assert.ok(e['product.0.developer']?.length);
    assert.ok(e['dev.0.slug']?.length);
  });

  it('drops empty new rows, removes ticked rows and renumbers vulnerabilities with their statuses', () => {
    const values: Record<string, string> = {
      ...contentToForm(sample()),
      'vuln.1.ordinal': '2',
      'vuln.1.titleJa': '二つ目',
      'status.alpha-soft.2.value': 'affected',
      'status.alpha-soft.2.statementJa': '影響あり',
      'vuln.2.ordinal': '',
      'vuln.2.titleJa': '',
      'product.1.key': '',
      'product.1.nameJa': '',
      'ref.1.kind': 'other',
      'ref.1.title': '',
      'ref.1.url': '',
      'vuln.0.remove': 'on',
    };
    const r = parse(values);
    assert.ok(r.ok, JSON.stringify(r.ok ? null : r.errors));
    assert.equal(r.content.vulnerabilities.length, 1);
    assert.equal(r.content.vulnerabilities[0]?.title.ja, '二つ目');
    assert.equal(r.content.vulnerabilities[0]?.ordinal, 1);
    assert.deepEqual(
      r.content.vendorStatuses.map((s) => [s.vulnerabilityOrdinal, s.status]),
      [[1, 'affected']],
    );
    assert.equal(r.content.products.length, 1);
    assert.equal(r.content.references.length, 1);
  });

  it('gives a new product the next free key', () => {
    const values = {
      ...contentToForm(sample()),
      'product.1.key': '',
      'product.1.developer': 'alpha-soft',
      'product.1.nameJa': 'アルファCMS Pro',
    };
    const r = parse(values);
    assert.ok(r.ok);
    assert.deepEqual(
      r.content.products.map((p) => p.key),
      ['p1', 'p2'],
    );
  });
});
