// A developer's OpenPGP key that expired (or was revoked) after it was registered blocks no one: the sweep reminds
// the other parties and records a failed attempt for that one; saving a vulnerability, an announcement, a proposal
// or an end mails the others, records the gap and tells the coordinator; notifying that developer asks for the
// directory's key to be renewed. The log names no address.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { makeOrganization, startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import { addParties } from './add-parties.js';
import { addVulnerability } from './add-vulnerability.js';
import { editVulnerability } from './edit-vulnerability.js';
import { endCoordination } from './end-coordination.js';
import { notifyParty } from './notify-party.js';
import { openCsirtCase } from './open-csirt-case.js';
import { proposeSchedule } from './propose-schedule.js';
import { partiesOf } from './queries.js';
import { reportStatusToCsirt } from './report-status-to-csirt.js';
import { runCoordinationSweep } from './run-coordination-sweep.js';
import { sendCoordinatorMessage } from './send-message.js';
import {
  type Bodies,
  bodies,
  type Developer,
  developer,
  footprint,
  productCase,
  workspaceUrl,
} from './testing.js';

async function key(expired: boolean): Promise<string> {
  const { publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ email: 'psirt@expiring.example' }],
    format: 'armored',
    ...(expired ? { date: new Date(Date.now() - 10 * 86_400_000), keyExpirationTime: 86_400 } : {}),
  });
  return publicKey;
}

describe('a party whose OpenPGP key became unusable', () => {
  let t: TestApp;
  let b: Bodies;
  let expiring: Developer;
  let plain: Developer;
  const logged: string[] = [];

  before(async () => {
    t = await startTestApp({ now: '2026-11-17T01:00:00Z' });
    b = await bodies(t);
    expiring = await developer(t, 'Expiring Keys', { pgpPublicKey: await key(false) });
    plain = await developer(t, 'Plain Mail');
    // what the app logs, to check it names no address
    const warn = t.ctx.log.warn.bind(t.ctx.log);
    (t.ctx.log as { warn: unknown }).warn = (...args: unknown[]) => {
      logged.push(JSON.stringify(args));
      return (warn as (...a: unknown[]) => void)(...args);
    };
  });
  after(() => t.close());

  /** A case with both developers notified (the key still valid), then the key expires in the directory. */
  const setKey = async (armored: string) =>
    t.ctx.db
      .updateTable('directory_entries')
      .set({ pgp_public_key: armored })
      .where('organization_id', '=', expiring.organizationId)
      .execute();

  async function notifiedCase(at: string) {
    t.clock.set(at);
    await setKey(await key(false));
    const k = await productCase(t, b);
    for (const d of [expiring, plain]) {
      await addParties(t.ctx, b.coordinator.actor, {
        reference: k.reference,
        organizationId: d.organizationId,
      });
    }
    const parties = await partiesOf(t.ctx.db, k.caseId);
    for (const p of parties) {
      await notifyParty(t.ctx, b.coordinator.actor, { reference: k.reference, partyId: p.id });
    }
    await setKey(await key(true));
    const partyOf = (d: Developer) => parties.find((p) => p.organizationId === d.organizationId)!.id;
    return { ...k, expiringParty: partyOf(expiring), plainParty: partyOf(plain) };
  }

  const mailsTo = (d: Developer, caseId: string, template: string) =>
    t.ctx.db
      .selectFrom('mail_messages')
      .select('id')
      .where('to_address', '=', d.email)
      .where('related_id', '=', caseId)
      .where('template', '=', `coordination.mail.${template}`)
      .execute();

  const attempts = (partyId: string) =>
    t.ctx.db
      .selectFrom('coordination_contact_attempts')
      .select(['outcome', 'note', 'automatic'])
      .where('party_id', '=', partyId)
      .where('note', 'like', 'key unusable%')
      .orderBy('at')
      .orderBy('id')
      .execute();

  it('the sweep still reminds the others and records a failed attempt for it, once', async () => {
    const k = await notifiedCase('2026-11-17T01:00:00Z');
    t.clock.set('2026-11-25T00:00:00Z'); // the first reminder is due (see sweep.test.ts)
    const r = await runCoordinationSweep(t.ctx);
    assert.equal(r.reminders, 2, 'both reminders count as made');
    await runCoordinationSweep(t.ctx);
    assert.equal((await mailsTo(plain, k.caseId, 'ackReminder')).length, 1);
    assert.equal((await mailsTo(expiring, k.caseId, 'ackReminder')).length, 0);
    assert.deepEqual(await attempts(k.expiringParty), [
      { outcome: 'other', note: 'key unusable: ack_reminder #1', automatic: true },
    ]);
    assert.ok(logged.some((l) => l.includes(k.expiringParty) && l.includes('OpenPGP')));
    assert.ok(!logged.some((l) => l.includes(expiring.email)), 'the log names no address');
  });

  it('the target notices still reach the others', async () => {
    const k = await notifiedCase('2026-11-17T01:00:00Z');
    await t.ctx.db
      .updateTable('coordination_cases')
      .set({ target_date: '2026-11-20' })
      .where('case_id', '=', k.caseId)
      .execute();
    t.clock.set('2026-11-21T00:00:00Z');
    await runCoordinationSweep(t.ctx);
    assert.equal((await mailsTo(plain, k.caseId, 'targetPassed')).length, 1);
    assert.equal((await mailsTo(expiring, k.caseId, 'targetPassed')).length, 0);
    assert.deepEqual(
      (await attempts(k.expiringParty)).map((a) => a.note),
      ['key unusable: targetPassed'],
    );
    const passed = await t.ctx.db
      .selectFrom('coordination_reminders')
      .select('kind')
      .where('case_id', '=', k.caseId)
      .where('kind', '=', 'target_passed')
      .execute();
    assert.equal(passed.length, 1);
  });

  it('adding and editing a vulnerability save, mail the others, record the gap and tell the coordinator', async () => {
    const k = await notifiedCase('2026-12-01T01:00:00Z');
    const added = await addVulnerability(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: { titleJa: 'XSS', titleEn: 'XSS', cwe: 'CWE-79' },
    });
    assert.equal(added.keyUnusable, 1);
    const edited = await editVulnerability(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      vulnerabilityId: added.vulnerabilityId,
      fields: { titleJa: 'XSS（管理画面）', titleEn: 'XSS (admin)', cwe: 'CWE-79' },
    });
    assert.equal(edited.keyUnusable, 1);
    assert.equal((await mailsTo(plain, k.caseId, 'vulnerabilitiesUpdated')).length, 2);
    assert.equal((await mailsTo(expiring, k.caseId, 'vulnerabilitiesUpdated')).length, 0);
    assert.deepEqual(await attempts(k.expiringParty), [
      { outcome: 'other', note: 'key unusable: vulnerabilitiesUpdated', automatic: true },
      { outcome: 'other', note: 'key unusable: vulnerabilitiesUpdated', automatic: true },
    ]);

    // through the workspace: saved, with a notice naming the gap in the coordinator's language
    const browser = await signedIn(t, b.coordinator.userId);
    const res = await browser.post(
      `${workspaceUrl(k.reference)}/vulnerabilities`,
      { titleJa: 'CSRF', titleEn: 'CSRF', cwe: 'CWE-352' },
      workspaceUrl(k.reference),
    );
    assert.equal(res.status, 303);
    const location = String(res.headers.location);
    assert.match(location, /notice=saved&keys=1/);
    const page = textOf((await browser.get(location)).body);
    assert.match(page, /保存しました。/);
    assert.match(page, /1 件の開発者には、名簿の OpenPGP 公開鍵が期限切れか失効/);
  });

  it('announcements, proposals and the end of coordination go to the others as well', async () => {
    const k = await notifiedCase('2026-12-01T01:00:00Z');
    const sent = await sendCoordinatorMessage(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      to: 'all',
      body: '状況を教えてください',
    });
    assert.deepEqual([sent.mailed, sent.keyUnusable], [1, 1]);
    const direct = await sendCoordinatorMessage(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      to: { partyId: k.expiringParty },
      body: '鍵の更新をお願いします',
    });
    assert.deepEqual([direct.mailed, direct.keyUnusable], [0, 1], 'the message is kept in the thread');
    const proposed = await proposeSchedule(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      publishAt: '2027-02-10T10:00',
      timeZone: 'Asia/Tokyo',
      reason: '',
    });
    assert.equal(proposed.keyUnusable, 1);
    const ended = await endCoordination(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: { kind: 'not_vulnerability', reason: '仕様どおり' },
    });
    assert.equal(ended.keyUnusable, 1);
    for (const template of ['announcement', 'scheduleProposed', 'ended.not_vulnerability']) {
      assert.equal((await mailsTo(plain, k.caseId, template)).length, 1, template);
      assert.equal((await mailsTo(expiring, k.caseId, template)).length, 0, template);
    }
    assert.deepEqual((await attempts(k.expiringParty)).map((a) => a.note).sort(), [
      'key unusable: announcement',
      'key unusable: ended.not_vulnerability',
      'key unusable: message',
      'key unusable: scheduleProposed',
    ]);
  });

  it('notifying that developer again is refused with a request to renew the key, and changes nothing', async () => {
    const k = await notifiedCase('2026-12-01T01:00:00Z');
    await assert.rejects(
      notifyParty(t.ctx, b.coordinator.actor, { reference: k.reference, partyId: k.expiringParty }),
      (e: unknown) =>
        (e as { fields?: Record<string, string[]> }).fields?.partyId?.[0] ===
        'coordination.errors.keyUnusable',
    );
  });
  it('a status report to an overseas CSIRT whose key expired is refused with the reason, and changes nothing', async () => {
    t.clock.set('2026-12-01T01:00:00Z');
    const cert = await makeOrganization(t.ctx, 'csirt', 'Expired CERT');
    await t.ctx.db
      .insertInto('directory_entries')
      .values({
        organization_id: cert,
        emails: ['cert@expired-cert.example'],
        locale: 'en',
        languages: ['en'],
        pgp_public_key: await key(true),
        updated_at: t.clock.now(),
      })
      .execute();
    const { reference } = await openCsirtCase(t.ctx, b.coordinator.actor, {
      fields: { csirtOrganizationId: cert, csirtReference: 'VU#1', receivedOn: '2026-11-30' },
    });
    const before = await footprint(t);
    await assert.rejects(
      reportStatusToCsirt(t.ctx, b.coordinator.actor, { reference }),
      (e: unknown) =>
        (e as { fields?: Record<string, string[]> }).fields?.csirt?.[0] === 'coordination.errors.keyUnusable',
    );
    assert.deepEqual(await footprint(t), before);
  });
});
