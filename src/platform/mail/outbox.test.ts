// A mail's subject is one header line: text put into it (a reference typed by staff, a name) cannot start another
// header, whatever line breaks it carries. The body keeps its lines.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMail } from './outbox.js';

describe('renderMail', () => {
  it('folds line breaks in the subject into spaces and leaves the body alone', () => {
    const { subject, body } = renderMail({
      locale: 'en',
      template: 'portal.mail.acknowledged',
      vars: {
        reference: 'JVN#1\r\nBcc: someone@example.net\rX\nY\u2028Z\u0085W',
        developer: 'Dev\nA',
        link: 'L',
      },
    });
    assert.doesNotMatch(subject, /[\r\n\u0085\u2028\u2029]/);
    assert.match(subject, /^\[JVN#1 Bcc: someone@example\.net X Y Z W\]/);
    assert.match(body, /\n/);
  });
});
