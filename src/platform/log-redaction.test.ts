import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactUrl, requestSerializer } from './log-redaction.js';

describe('request URLs in logs', () => {
  it('hides the credential in secret links', () => {
    assert.equal(redactUrl('/reports/follow-up/abcDEF_123-x'), '/reports/follow-up/[redacted]');
    assert.equal(redactUrl('/reports/follow-up/abc/messages'), '/reports/follow-up/[redacted]/messages');
    assert.equal(redactUrl('/password/reset/tok'), '/password/reset/[redacted]');
    assert.equal(redactUrl('/invitations/tok'), '/invitations/[redacted]');
    assert.equal(redactUrl('/operator/link/tok'), '/operator/link/[redacted]');
  });

  it('keeps only the names of query parameters', () => {
    assert.equal(
      redactUrl('/admin/audit?actor=taro%40example.jp&action=login'),
      '/admin/audit?actor=…&action=…',
    );
    assert.equal(redactUrl('/login?'), '/login');
  });

  it('leaves ordinary paths alone and logs no address or headers', () => {
    assert.equal(redactUrl('/reception/reports/IPA%2300000001'), '/reception/reports/IPA%2300000001');
    assert.deepEqual(requestSerializer({ method: 'GET', url: '/x?y=1', id: 'r1' }), {
      method: 'GET',
      url: '/x?y=…',
      id: 'r1',
    });
  });
});
