import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, isValidTimeZone, loadConfig } from './config.js';

const SECRET = 'a'.repeat(40);

/** The message of the ConfigError that `env` causes. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    return err.message;
  }
  assert.fail(`configuration ${JSON.stringify(env)} was accepted`);
}

describe('configuration', () => {
  it('has working defaults for a development machine', () => {
    const c = loadConfig({});
    assert.equal(c.env, 'development');
    assert.equal(c.port, 8080);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.publicUrl, 'http://localhost:8080');
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.dataDir, resolve('./var'));
    assert.equal(c.secret, undefined);
    assert.equal(c.logLevel, 'info');
    assert.equal(c.worker, 'in-process');
    assert.equal(c.secureCookies, false);
    assert.equal(c.trustProxy, false);
    assert.equal(c.defaultTimeZone, 'Asia/Tokyo');
    assert.deepEqual(c.session, { idleMinutes: 60, maxHours: 12 });
    assert.deepEqual(c.login, { maxFailures: 5, lockMinutes: 15 });
    assert.equal(c.mail.smtpUrl, undefined);
  });

  it('ignores environment variables that are not its own', () => {
    const c = loadConfig({ PATH: '/usr/bin', HOME: '/root', SOMETHING_ELSE: 'x' });
    assert.equal(c.port, 8080);
  });

  it('reads PORT, and derives the public URL from it unless PUBLIC_URL is set', () => {
    assert.equal(loadConfig({ PORT: '3000' }).port, 3000);
    assert.equal(loadConfig({ PORT: '3000' }).publicUrl, 'http://localhost:3000');
    assert.equal(loadConfig({ PORT: '0' }).port, 0);
    const c = loadConfig({ PUBLIC_URL: 'https://vuln.example.jp/' });
    assert.equal(c.publicUrl, 'https://vuln.example.jp');
    assert.equal(c.secureCookies, true, 'an https public URL turns on secure cookies');
  });

  for (const port of ['abc', '70000', '-1', '8080.5', '', '0x50', '1e3']) {
    it(`refuses PORT=${JSON.stringify(port)}, naming PORT and saying what it must be`, () => {
      const msg = refusal({ PORT: port });
      assert.match(msg, /PORT/);
      assert.match(msg, /whole number from 0 to 65535/);
      assert.match(msg, /e\.g\. PORT=8080/);
    });
  }

  for (const url of ['mysql://u:p@h/db', 'localhost:5432/keikai', '']) {
    it(`refuses DATABASE_URL=${JSON.stringify(url)}, naming it and showing a postgres:// example`, () => {
      const msg = refusal({ DATABASE_URL: url });
      assert.match(msg, /DATABASE_URL/);
      assert.match(msg, /postgres:\/\//);
      assert.match(msg, /e\.g\./);
    });
  }

  it('accepts postgres:// and postgresql:// URLs', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u:p@h/db' }).databaseUrl, 'postgres://u:p@h/db');
    assert.equal(loadConfig({ DATABASE_URL: 'postgresql://h/db' }).databaseUrl, 'postgresql://h/db');
  });

  for (const zone of ['Mars/Olympus_Mons', 'JST+9', '']) {
    it(`refuses KEIKAI_DEFAULT_TIME_ZONE=${JSON.stringify(zone)}, with an IANA example`, () => {
      const msg = refusal({ KEIKAI_DEFAULT_TIME_ZONE: zone });
      assert.match(msg, /KEIKAI_DEFAULT_TIME_ZONE/);
      assert.match(msg, /IANA/);
      assert.match(msg, /Asia\/Tokyo/);
    });
  }

  it('accepts any IANA zone as the default time zone', () => {
    assert.equal(
      loadConfig({ KEIKAI_DEFAULT_TIME_ZONE: 'America/New_York' }).defaultTimeZone,
      'America/New_York',
    );
    assert.equal(isValidTimeZone('Asia/Kolkata'), true);
    assert.equal(isValidTimeZone('Not/AZone'), false);
  });

  it('refuses to run in production without KEIKAI_SECRET, and says how to make one', () => {
    const msg = refusal({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db' });
    assert.match(msg, /KEIKAI_SECRET/);
    assert.match(msg, /production/);
    assert.match(msg, /openssl rand/);
    const c = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db', KEIKAI_SECRET: SECRET });
    assert.equal(c.env, 'production');
    assert.equal(c.secret, SECRET);
  });

  it('refuses a short KEIKAI_SECRET in any mode', () => {
    const msg = refusal({ KEIKAI_SECRET: 'too-short' });
    assert.match(msg, /KEIKAI_SECRET/);
    assert.match(msg, /at least 32 characters/);
  });

  it('reports every invalid variable at once, one per line', () => {
    const msg = refusal({ PORT: 'x', KEIKAI_LOG_LEVEL: 'loud', KEIKAI_WORKER: 'maybe' });
    assert.match(msg, /^ {2}PORT: /m);
    assert.match(msg, /^ {2}KEIKAI_LOG_LEVEL: /m);
    assert.match(msg, /^ {2}KEIKAI_WORKER: /m);
  });

  it('seeds the demo by default on the embedded database', () => {
    assert.equal(loadConfig({}).demo, true);
  });

  it('does not seed the demo by default on a real database (DATABASE_URL)', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://h/db' }).demo, false);
  });

  it('lets KEIKAI_DEMO override the default either way', () => {
    assert.equal(loadConfig({ KEIKAI_DEMO: 'false' }).demo, false);
    assert.equal(loadConfig({ KEIKAI_DEMO: '0' }).demo, false);
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://h/db', KEIKAI_DEMO: 'yes' }).demo, true);
    assert.match(refusal({ KEIKAI_DEMO: 'perhaps' }), /KEIKAI_DEMO/);
  });

  it('names the CVE CNA by its settings: no org id by default, a short name made from the English org name', () => {
    assert.deepEqual(loadConfig({}).publication.cveAssigner, {
      orgId: undefined,
      shortName: 'keikai_vulnerability_desk',
    });
    assert.equal(
      loadConfig({ KEIKAI_ORG_NAME_EN: 'JPCERT/CC' }).publication.cveAssigner.shortName,
      'JPCERT_CC',
    );
    assert.deepEqual(
      loadConfig({
        KEIKAI_CVE_ASSIGNER_ORG_ID: ' 6A1F2B3C-4D5E-4F60-8A7B-9C0D1E2F3A4B ',
        KEIKAI_CVE_ASSIGNER_SHORT_NAME: 'jpcert',
      }).publication.cveAssigner,
      { orgId: '6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b', shortName: 'jpcert' },
    );
  });

  for (const orgId of ['not-a-uuid', '6a1f2b3c-4d5e-1f60-8a7b-9c0d1e2f3a4b', '']) {
    it(`refuses KEIKAI_CVE_ASSIGNER_ORG_ID=${JSON.stringify(orgId)}, asking for a version 4 UUID with an example`, () => {
      const msg = refusal({ KEIKAI_CVE_ASSIGNER_ORG_ID: orgId });
      assert.match(msg, /KEIKAI_CVE_ASSIGNER_ORG_ID: .*version 4 UUID \(e\.g\. [0-9a-f-]{36}\)/);
    });
  }

  for (const shortName of ['j', 'x'.repeat(33)]) {
    it(`refuses KEIKAI_CVE_ASSIGNER_SHORT_NAME of ${shortName.length} characters, asking for 2 to 32`, () => {
      assert.match(
        refusal({ KEIKAI_CVE_ASSIGNER_SHORT_NAME: shortName }),
        /KEIKAI_CVE_ASSIGNER_SHORT_NAME: .*2 to 32 characters/,
      );
    });
  }
});
