// One line of a history file: what is accepted, how it becomes a fact, and the error (line, field) otherwise.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  CATEGORY_LISTS,
  FACT_ORIGINS,
  FACT_TRACKS,
  FIX_ACTIONS,
  isDay,
} from '../../domain/statistics-categories.js';
import { HISTORY_OUTCOMES, historyLineSchema, isCalendarDay, parseHistoryLine } from './history-line.js';

const sw = { id: 'SW-1', track: 'software', receivedOn: '2012-07-02' };
const web = { id: 'WEB-1', track: 'website', receivedOn: '2012-07-02' };
const parse = (o: unknown, line = 7) => parseHistoryLine(JSON.stringify(o), line);
const errorsOf = (o: unknown) => {
  const r = parse(o);
  assert.equal(r.ok, false, `expected ${JSON.stringify(o)} to be refused`);
  return r.ok ? [] : r.errors;
};

describe('a history line', () => {
  it('needs only an id, a track and the day of receipt; an undecided domestic case', () => {
    const r = parse(sw);
    assert.ok(r.ok);
    assert.equal(r.record.fact.key, 'import:SW-1');
    assert.equal(r.record.fact.source, 'import');
    assert.equal(r.record.fact.origin, 'domestic');
    assert.equal(r.record.fact.outcome, null);
    assert.equal(r.record.fact.oss, false);
    assert.deepEqual(r.record.disclosures, []);
  });

  it('maps a published software case: the outcome day is the publication day, flags and disclosures kept', () => {
    const r = parse({
      ...sw,
      acceptedOn: '2012-07-03',
      startOn: '2012-07-05',
      publishedOn: '2012-08-10',
      productType: 'web_application',
      cause: 'web_application_vulnerability',
      oss: true,
      priorityDisclosures: [{ sector: 'electricity', disclosedOn: '2012-08-01' }],
    });
    assert.ok(r.ok);
    assert.equal(r.record.fact.outcome, 'published', 'a publication day makes it published');
    assert.equal(r.record.fact.outcome_on, '2012-08-10');
    assert.equal(r.record.fact.published_on, '2012-08-10');
    assert.equal(r.record.fact.product_type, 'web_application');
    assert.equal(r.record.fact.oss, true);
    assert.deepEqual(r.record.disclosures, [{ sector: 'electricity', disclosed_on: '2012-08-01' }]);
  });

  it('maps a fixed website case with its fix action and categories', () => {
    const r = parse({
      ...web,
      acceptedOn: '2012-07-03',
      notifiedOn: '2012-07-04',
      outcome: 'fixed',
      outcomeOn: '2012-08-02',
      fixAction: 'page_deleted',
      websiteVulnerabilityType: 'xss',
      threat: 'fake_information',
      operatorType: 'local_government',
      reclassifiedFrom: 'software',
      reclassifiedOn: '2012-07-03',
    });
    assert.ok(r.ok);
    assert.equal(r.record.fact.fix_action, 'page_deleted');
    assert.equal(r.record.fact.notified_on, '2012-07-04');
    assert.equal(r.record.fact.track_before, 'software');
    assert.equal(r.record.fact.operator_type, 'local_government');
  });

  it('names the line and the field of a code that is not in the lists', () => {
    const [e] = errorsOf({ ...web, websiteVulnerabilityType: 'XSS' });
    assert.equal(e!.line, 7);
    assert.equal(e!.field, 'websiteVulnerabilityType');
    assert.match(e!.message, /must be one of "xss"/);
  });

  it('refuses what is not JSON, not an object, unknown fields and missing required fields', () => {
    assert.match(errorsOf('x')[0]!.message, /must be one JSON object/);
    assert.equal(parseHistoryLine('{"id":', 3).ok, false);
    const r = parseHistoryLine('{"id":', 3);
    assert.ok(!r.ok && r.errors[0]!.line === 3 && /not JSON/.test(r.errors[0]!.message));
    assert.match(
      errorsOf({ ...sw, recievedOn: '2012-01-01' })[0]!.message,
      /unknown field\(s\) "recievedOn"/,
    );
    const missing = errorsOf({ id: 'x', track: 'software' });
    assert.deepEqual(
      missing.map((e) => [e.field, e.message]),
      [['receivedOn', 'is required']],
    );
  });

  it('refuses impossible days and days in the wrong order', () => {
    assert.equal(errorsOf({ ...sw, receivedOn: '2012-02-30' })[0]!.field, 'receivedOn');
    assert.equal(errorsOf({ ...sw, receivedOn: '2012/07/02' })[0]!.field, 'receivedOn');
    assert.equal(errorsOf({ ...sw, acceptedOn: '2012-07-01' })[0]!.field, 'acceptedOn');
    const e = errorsOf({
      ...web,
      acceptedOn: '2012-07-03',
      notifiedOn: '2012-07-10',
      outcome: 'fixed',
      outcomeOn: '2012-07-09',
      fixAction: 'fixed',
    });
    assert.equal(e[0]!.field, 'outcomeOn');
  });

  it('refuses a reclassification after 不受理 or the outcome (a negative count in the rollup), and years before 1900', () => {
    const repro = {
      id: 'x1',
      track: 'website',
      receivedOn: '2012-01-10',
      notAcceptedOn: '2012-02-01',
      reclassifiedFrom: 'software',
      reclassifiedOn: '2012-03-01',
    };
    assert.deepEqual(
      errorsOf(repro).map((e) => e.field),
      ['reclassifiedOn'],
    );
    assert.equal(parse({ ...repro, reclassifiedOn: '2012-02-01' }).ok, true, 'on the same day is fine');
    const afterOutcome = errorsOf({
      ...sw,
      acceptedOn: '2012-07-03',
      publishedOn: '2012-08-01',
      reclassifiedFrom: 'website',
      reclassifiedOn: '2012-08-02',
    });
    assert.deepEqual(
      afterOutcome.map((e) => e.field),
      ['reclassifiedOn'],
    );
    for (const receivedOn of ['0000-01-10', '1899-12-31'])
      assert.deepEqual(
        errorsOf({ ...sw, receivedOn }).map((e) => e.field),
        ['receivedOn'],
        receivedOn,
      );
    assert.equal(parse({ ...sw, receivedOn: '1900-01-01' }).ok, true);
  });

  it('needs the day S12 and S6 count from: notifiedOn for a fixed website case, acceptedOn for a published one', () => {
    assert.deepEqual(
      errorsOf({ ...web, outcome: 'fixed', outcomeOn: '2012-08-01', fixAction: 'fixed' }).map((e) => e.field),
      ['notifiedOn'],
    );
    assert.deepEqual(
      errorsOf({ ...sw, publishedOn: '2012-08-01' }).map((e) => e.field),
      ['acceptedOn'],
    );
    // an overseas CSIRT's case is taken on the day it arrived, as the live projection does
    const csirt = parse({ ...sw, origin: 'overseas_csirt', publishedOn: '2012-08-01' });
    assert.ok(csirt.ok);
    assert.equal(csirt.ok && csirt.record.fact.accepted_on, '2012-07-02');
  });

  it('refuses an outcome of the other track, a fix without its action, individual handling of a finder report', () => {
    assert.equal(
      errorsOf({
        ...sw,
        acceptedOn: '2012-07-03',
        outcome: 'fixed',
        outcomeOn: '2012-08-01',
        fixAction: 'fixed',
      })[0]!.field,
      'fixAction',
    );
    assert.ok(
      errorsOf({ ...web, outcome: 'published', outcomeOn: '2012-08-01' }).some((e) => e.field === 'outcome'),
    );
    assert.equal(errorsOf({ ...web, outcome: 'fixed', outcomeOn: '2012-08-01' })[0]!.field, 'fixAction');
    assert.equal(
      errorsOf({ ...sw, outcome: 'handled_individually', outcomeOn: '2012-08-01' })[0]!.field,
      'outcome',
    );
    assert.ok(
      parse({ ...sw, origin: 'developer_self', outcome: 'handled_individually', outcomeOn: '2012-08-01' }).ok,
    );
    assert.equal(
      errorsOf({ ...sw, outcome: 'not_vulnerable' })[0]!.field,
      'outcomeOn',
      'an outcome needs its day',
    );
  });

  it('refuses fields of the other track, both acceptance and non-acceptance, and milestones after 不受理', () => {
    assert.equal(errorsOf({ ...sw, notifiedOn: '2012-07-03' })[0]!.field, 'notifiedOn');
    assert.equal(errorsOf({ ...web, productType: 'os' })[0]!.field, 'productType');
    assert.equal(errorsOf({ ...web, oss: true })[0]!.field, 'oss');
    assert.equal(errorsOf({ ...web, origin: 'overseas_csirt' })[0]!.field, 'origin');
    assert.equal(
      errorsOf({ ...sw, acceptedOn: '2012-07-03', notAcceptedOn: '2012-07-03' })[0]!.field,
      'notAcceptedOn',
    );
    assert.equal(
      errorsOf({ ...sw, notAcceptedOn: '2012-07-03', publishedOn: '2012-07-04' })[0]!.field,
      'publishedOn',
    );
    assert.equal(errorsOf({ ...sw, origin: 'overseas_csirt' })[0]!.field, 'publishedOn');
    assert.equal(errorsOf({ ...sw, unreachableResumedOn: '2012-07-04' })[0]!.field, 'unreachableResumedOn');
    assert.equal(
      errorsOf({ ...sw, reclassifiedFrom: 'software', reclassifiedOn: '2012-07-04' })[0]!.field,
      'reclassifiedFrom',
    );
    assert.equal(errorsOf({ ...sw, id: '' })[0]!.field, 'id');
    assert.equal(errorsOf({ ...sw, id: 'a\nb' })[0]!.field, 'id');
    const twice = { sector: 'gas', disclosedOn: '2012-07-05' };
    assert.equal(errorsOf({ ...sw, priorityDisclosures: [twice, twice] })[0]!.field, 'priorityDisclosures.1');
  });
});

describe('isCalendarDay', () => {
  it('agrees with the domain isDay on every day-shaped string of 1899–2101 (leap years, 29–31, month 00/13)', () => {
    for (const y of [1899, 1900, 2000, 2004, 2011, 2012, 2100, 2101])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          assert.equal(isCalendarDay(s), isDay(s), s);
        }
    for (const s of ['2012-7-01', '2012-07-1', ' 2012-07-01', '2012-07-01T00:00', '２０１２-07-01'])
      assert.equal(isCalendarDay(s), false, s);
  });
});

describe('docs/statistics-history-format.md', () => {
  const doc = readFileSync(
    join(import.meta.dirname, '..', '..', '..', 'docs', 'statistics-history-format.md'),
    'utf8',
  );
  const codesIn = (heading: string) => {
    const at = doc.indexOf(`<!-- codes:${heading} -->`);
    assert.ok(at >= 0, `the doc lists the codes of ${heading}`);
    const end = doc.indexOf('<!-- /codes -->', at);
    return [...doc.slice(at, end).matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
  };

  it('lists exactly the codes of every list the importer accepts (the doc cannot drift)', () => {
    const lists: Record<string, readonly string[]> = {
      track: FACT_TRACKS,
      origin: FACT_ORIGINS,
      outcome: HISTORY_OUTCOMES,
      fixAction: FIX_ACTIONS,
      websiteVulnerabilityType: CATEGORY_LISTS.websiteVulnerabilityType,
      threat: CATEGORY_LISTS.threat,
      operatorType: CATEGORY_LISTS.operatorType,
      productType: CATEGORY_LISTS.productType,
      cause: CATEGORY_LISTS.cause,
      sector: CATEGORY_LISTS.prioritySector,
    };
    for (const [name, codes] of Object.entries(lists)) assert.deepEqual(codesIn(name), [...codes], name);
  });

  it('documents every field of a line, and no other', () => {
    const at = doc.indexOf('<!-- fields -->');
    const fields = [
      ...doc.slice(at, doc.indexOf('<!-- /fields -->', at)).matchAll(/^\| `([A-Za-z]+)` \|/gm),
    ].map((m) => m[1]);
    assert.deepEqual(fields.sort(), Object.keys(historyLineSchema.shape).sort());
  });
});
