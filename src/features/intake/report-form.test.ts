import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorsForForm, readReportForm, reportInputFromForm } from './report-form.js';
import { reportSchema } from './report-input.js';

const field = (value: string) => ({ type: 'field', fieldname: 'x', value });
const file = (filename: string, data: string, truncated = false) => ({
  type: 'file',
  filename,
  _buf: Buffer.from(data),
  file: { truncated },
});

describe('reading a report form', () => {
  it('reads multipart fields and url-encoded strings alike, ticked boxes as true', () => {
    const multipart = readReportForm({
      productName: field('CMS'),
      attestLawful: field('on'),
      description: field('d'),
    });
    const encoded = readReportForm({ productName: 'CMS', attestLawful: 'on', description: 'd' });
    assert.deepEqual(multipart.values, encoded.values);
    assert.equal(encoded.values.attestLawful, true);
    assert.equal(encoded.values.consentDirectContact, false);
  });

  it('keeps chosen files, marks a cut-off one, and ignores an empty file input', () => {
    const r = readReportForm({
      attachments: [file('', ''), file('a.txt', 'hello'), file('big.bin', 'xx', true)],
    });
    assert.deepEqual(
      r.files.map((f) => [f.filename, f.data.toString(), f.truncated]),
      [
        ['a.txt', 'hello', false],
        ['big.bin', 'xx', true],
      ],
    );
    assert.deepEqual(readReportForm({ attachments: file('', '') }).files, []);
    assert.deepEqual(readReportForm({ attachments: field('') }).files, []);
  });

  it('notices the trap field only when something is in it', () => {
    assert.equal(readReportForm({ homepage: '' }).honeypotFilled, false);
    assert.equal(readReportForm({ homepage: field('  ') }).honeypotFilled, false);
    assert.equal(readReportForm({ homepage: field('http://spam') }).honeypotFilled, true);
  });

  it('takes the first of repeated fields and ignores objects that are not form parts', () => {
    const r = readReportForm({ productName: ['one', 'two'], steps: { value: 'forged' } });
    assert.equal(r.values.productName, 'one');
    assert.equal(r.values.steps, undefined);
  });
});

describe('mapping a form onto the report schema', () => {
  it('builds a valid software report, leaving out the countermeasure unless it is the developer form', () => {
    const values = readReportForm({
      productName: 'CMS',
      description: 'd',
      steps: 's',
      finderEmail: 'A@Example.org',
      consentDirectContact: 'on',
      countermeasure: 'fixed',
      attestLawful: 'on',
    }).values;
    const input = reportSchema.parse(reportInputFromForm('software', values, 'en'));
    assert.equal(input.track, 'software');
    assert.equal(input.locale, 'en');
    assert.equal(input.finder.email, 'a@example.org');
    assert.equal(input.consent.directContact, true);
    assert.equal(input.track === 'software' && input.countermeasure, undefined);
    const own = reportSchema.parse(reportInputFromForm('own-product', values, 'ja'));
    assert.equal(own.track === 'software' && own.countermeasure, 'fixed');
  });

  it('sends an unchosen vulnerability type as missing, so the message says to choose one', () => {
    const values = readReportForm({
      siteUrl: 'https://x.example',
      vulnerabilityType: '',
      description: 'd',
      steps: 's',
    }).values;
    const r = reportSchema.safeParse(reportInputFromForm('website', values, 'ja'));
    assert.equal(r.success, false);
    const issue = r.error?.issues.find((i) => i.path[0] === 'vulnerabilityType');
    assert.equal(issue?.message, 'intake.validation.chooseType');
  });

  it('files errors under the form field that caused them', () => {
    assert.deepEqual(
      errorsForForm({
        'finder.email': ['bad'],
        'consent.creditName': ['long'],
        siteUrl: ['url'],
        'attachments.0': ['x'],
      }),
      { finderEmail: ['bad'], creditName: ['long'], siteUrl: ['url'], attachments: ['x'] },
    );
  });
});
