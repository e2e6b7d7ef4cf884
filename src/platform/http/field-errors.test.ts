import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors.js';
import { translator } from '../i18n/i18n.js';
import { fieldErrorsOf, postedValues, wordedFields } from './field-errors.js';

const en = { t: translator('en') };

describe('a use case refusal as field errors', () => {
  it('words catalog keys in the reader’s language and keeps worded messages as they are', () => {
    const err = new AppError('validation', 'errors.validation', {
      name: ['errors.validation'],
      url: ['Invalid URL: expected https'],
    });
    assert.deepEqual(fieldErrorsOf(en, err), {
      name: [translator('en')('errors.validation')],
      url: ['Invalid URL: expected https'],
    });
    assert.notEqual(fieldErrorsOf({ t: translator('ja') }, err).name?.[0], fieldErrorsOf(en, err).name?.[0]);
  });

  it('puts an error without fields under the form-wide `_`', () => {
    assert.deepEqual(wordedFields(en.t, new AppError('conflict', 'errors.conflict')), {
      _: [translator('en')('errors.conflict')],
    });
  });

  it('throws on anything that is not a validation error', () => {
    const conflict = new AppError('conflict', 'errors.conflict');
    assert.throws(
      () => fieldErrorsOf(en, conflict),
      (e) => e === conflict,
    );
    const boom = new Error('boom');
    assert.throws(
      () => fieldErrorsOf(en, boom),
      (e) => e === boom,
    );
  });
});

describe('the posted text shown again', () => {
  it('keeps the text fields and leaves out lists, files and a missing body', () => {
    assert.deepEqual(postedValues({ name: '例', emails: ['a@x', 'b@x'], count: 3, _csrf: 't' }), {
      name: '例',
      _csrf: 't',
    });
    assert.deepEqual(postedValues(undefined), {});
  });
});
