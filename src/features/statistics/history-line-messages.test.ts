// The history file's per-line errors in Japanese and English: every message the checks give for a broad set
// of bad lines has a Japanese template, and the command's line format reads naturally in both languages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatLineError, parseHistoryLine } from './history-line.js';
import { hasJapanese, lineMessage } from './history-line-messages.js';

const sw = { id: 'SW-1', track: 'software', receivedOn: '2012-07-02' };
const web = { id: 'WEB-1', track: 'website', receivedOn: '2012-07-02' };
const BAD: unknown[] = [
  { ...sw, receivedOn: '2012-02-30' },
  { ...sw, receivedOn: '1899-12-31' },
  { ...sw, id: 'a\u0001b' },
  { ...sw, acceptedOn: '2012-07-01' },
  { ...sw, notifiedOn: '2012-07-03' },
  {
    ...web,
    startOn: '2012-07-03',
    oss: true,
    priorityDisclosures: [{ sector: 'gas', disclosedOn: '2012-07-03' }],
  },
  { ...web, origin: 'developer_self' },
  { ...sw, acceptedOn: '2012-07-03', notAcceptedOn: '2012-07-04' },
  { ...sw, notAcceptedOn: '2012-07-04', startOn: '2012-07-05' },
  { ...sw, outcome: 'not_vulnerable' },
  { ...sw, outcome: 'fixed', outcomeOn: '2012-08-01' },
  { ...sw, outcome: 'handled_individually', outcomeOn: '2012-08-01' },
  { ...web, outcome: 'fixed', outcomeOn: '2012-08-01' },
  { ...web, outcome: 'not_vulnerable', outcomeOn: '2012-08-01', fixAction: 'fixed' },
  { ...sw, outcome: 'published', outcomeOn: '2012-08-01' },
  {
    ...sw,
    acceptedOn: '2012-07-03',
    outcome: 'published',
    outcomeOn: '2012-08-01',
    publishedOn: '2012-08-02',
  },
  {
    ...sw,
    acceptedOn: '2012-07-03',
    outcome: 'not_vulnerable',
    outcomeOn: '2012-08-01',
    publishedOn: '2012-08-02',
  },
  { ...sw, publishedOn: '2012-08-02' },
  { ...sw, origin: 'overseas_csirt' },
  { ...sw, reclassifiedOn: '2012-08-01' },
  { ...sw, reclassifiedFrom: 'software', reclassifiedOn: '2012-08-01' },
  { ...web, notAcceptedOn: '2012-07-05', reclassifiedFrom: 'software', reclassifiedOn: '2012-08-01' },
  {
    ...sw,
    acceptedOn: '2012-07-03',
    publishedOn: '2012-07-05',
    reclassifiedFrom: 'website',
    reclassifiedOn: '2012-08-01',
  },
  { ...sw, unreachableResumedOn: '2012-08-01', unreachableCompletedOn: '2012-08-02' },
  {
    ...sw,
    priorityDisclosures: [
      { sector: 'gas', disclosedOn: '2012-07-03' },
      { sector: 'gas', disclosedOn: '2012-07-03' },
    ],
  },
  { ...sw, track: 'hardware' },
  { ...sw, colour: 'blue' },
  { id: 'x', track: 'software' },
];

describe('history line errors in Japanese and English', () => {
  it('has a Japanese template for every message the checks give', () => {
    const messages = new Set<string>();
    for (const line of BAD) {
      const r = parseHistoryLine(JSON.stringify(line), 3);
      assert.equal(r.ok, false, JSON.stringify(line));
      if (!r.ok) for (const e of r.errors) messages.add(e.message);
    }
    for (const text of ['{"id":', '[1]']) {
      const r = parseHistoryLine(text, 3);
      if (!r.ok) for (const e of r.errors) messages.add(e.message);
    }
    messages.add('"A-1" is already the id of line 1');
    assert.ok(messages.size >= 25, `${messages.size} distinct messages`);
    for (const m of messages) assert.ok(hasJapanese(m), `no Japanese for: ${m}`);
  });

  it('prints the line, field and message in the reader language', () => {
    const e = { line: 12, field: 'reclassifiedOn', message: 'must not be after notAcceptedOn (2012-02-01)' };
    assert.equal(formatLineError(e), 'line 12, reclassifiedOn: must not be after notAcceptedOn (2012-02-01)');
    assert.equal(
      formatLineError(e, 'ja'),
      '12 行目、reclassifiedOn: 不受理の日（notAcceptedOn: 2012-02-01）より後にはできません',
    );
    assert.equal(lineMessage('something new', 'ja'), 'something new', 'an unknown message stays English');
  });
});
