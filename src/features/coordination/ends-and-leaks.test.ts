// Ends of coordination tell the reception body and, through it, the finder (a mail restricted to the reception
// body); the case closes except when ready for publication. The finder's identity never reaches a developer's
// mail, the workspace or a CSIRT's status report without consent; a developer with a key gets only ciphertext.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { makeOrganization, startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import { FINDER } from '../../testing/reports.js';
import { showMyCase } from '../portal/show-my-case.js';
import { addParties } from './add-parties.js';
import { addVulnerability } from './add-vulnerability.js';
import { endCoordination } from './end-coordination.js';
import { notifyParty } from './notify-party.js';
import { proposeSchedule } from './propose-schedule.js';
import { partiesOf } from './queries.js';
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

const IDENTITY = [FINDER.name, FINDER.email, FINDER.phone, FINDER.organization, FINDER.creditName];
const leaks = (s: string) => IDENTITY.filter((x) => s.includes(x));

describe('ends of coordination and the finder identity', () => {
  let t: TestApp;
  let b: Bodies;
  let plain: Developer;
  let keyed: Developer;

  before(async () => {
    t = await startTestApp({ now: '2026-11-10T01:00:00Z' });
    b = await bodies(t);
    plain = await developer(t, 'Plain Soft', { locale: 'en' });
    const { publicKey } = await openpgp.generateKey({
      userIDs: [{ email: 'psirt@keyed.example' }],
      type: 'ecc',
      curve: 'ed25519Legacy',
      format: 'armored',
    });
    keyed = await developer(t, 'Keyed', { pgpPublicKey: publicKey });
  });
  after(() => t.close());

  async function worked(over: Record<string, unknown> = {}) {
    const k = await productCase(t, b, over);
    for (const d of [plain, keyed]) {
      await addParties(t.ctx, b.coordinator.actor, {
        reference: k.reference,
        organizationId: d.organizationId,
      });
    }
    for (const p of await partiesOf(t.ctx.db, k.caseId)) {
      await notifyParty(t.ctx, b.coordinator.actor, { reference: k.reference, partyId: p.id });
    }
    await addVulnerability(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: { titleJa: 'XSS', titleEn: 'XSS', cwe: 'CWE-79' },
    });
    await sendCoordinatorMessage(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      to: 'all',
      body: '修正版の見通しを教えてください',
    });
    await proposeSchedule(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      publishAt: '2027-01-20T10:00',
      timeZone: 'Asia/Tokyo',
      reason: '',
    });
    return k;
  }

  it('closes the case on "not a vulnerability" and tells the parties, the reception body and the finder', async () => {
    const k = await worked();
    const browser = await signedIn(t, b.coordinator.userId);
    const res = await browser.post(
      `${workspaceUrl(k.reference)}/end`,
      { kind: 'not_vulnerability', reason: '仕様どおりの動作であり脆弱性ではない' },
      workspaceUrl(k.reference),
    );
    assert.equal(res.status, 303);
    const c = await t.ctx.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', k.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(c.state, 'closed');
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('related_id', '=', k.caseId)
      .execute();
    const toFinder = mails.filter((m) => m.to_address === FINDER.email);
    assert.equal(toFinder.length, 1);
    assert.equal(toFinder[0]!.template, 'coordination.mail.endedFinder.not_vulnerability');
    assert.equal(toFinder[0]!.restricted_to, 'reception_body');
    assert.match(toFinder[0]!.body_text, new RegExp(k.reference.replace('#', '\\#')));
    const toReception = mails.filter((m) => m.to_address === b.reception.email);
    assert.equal(toReception[0]?.template, 'coordination.mail.endedReception.not_vulnerability');
    assert.match(toReception[0]!.body_text, /仕様どおりの動作/);
    assert.ok(
      mails.some(
        (m) => m.to_address === plain.email && m.template === 'coordination.mail.ended.not_vulnerability',
      ),
    );
    // the reception body sees the ending on its case page
    const reception = await signedIn(t, b.reception.userId);
    assert.match(
      textOf((await reception.get(`/cases/${encodeURIComponent(k.reference)}`)).body),
      /調整を終了/,
    );
    // nothing more can be changed
    const before = await footprint(t);
    const again = await browser.post(
      `${workspaceUrl(k.reference)}/vulnerabilities`,
      { titleJa: 'x', titleEn: 'x' },
      workspaceUrl(k.reference),
    );
    assert.equal(again.status, 409);
    assert.deepEqual(await footprint(t), before);
  });

  it('keeps the case open when ready for publication', async () => {
    const k = await worked();
    const browser = await signedIn(t, b.coordinator.userId);
    await browser.post(
      `${workspaceUrl(k.reference)}/end`,
      { kind: 'ready_for_publication', reason: '全社の対策完了' },
      workspaceUrl(k.reference),
    );
    const c = await t.ctx.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', k.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(c.state, 'open');
    const cc = await t.ctx.db
      .selectFrom('coordination_cases')
      .selectAll()
      .where('case_id', '=', k.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(cc.end_kind, 'ready_for_publication');
  });

  it('keeps the end reason in the staff-only history: never on a developer’s portal page, its JSON or its mail', async () => {
    const k = await worked();
    const reason = '社内判断メモ: 再現できず INTERNAL-7731';
    await endCoordination(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: { kind: 'no_new_handling', reason },
    });
    const ended = await t.ctx.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', k.caseId)
      .where('type', '=', 'coordination.ended')
      .executeTakeFirstOrThrow();
    assert.equal((ended.data as { note?: string }).note, reason);
    // staff read it in the history
    const coordinator = await signedIn(t, b.coordinator.userId);
    assert.match(textOf((await coordinator.get(workspaceUrl(k.reference))).body), /INTERNAL-7731/);
    // a developer reads no events: its page, its JSON and its mail leave the reason out
    const developerBrowser = await signedIn(t, plain.member.userId);
    const portal = await developerBrowser.get(`/portal/cases/${encodeURIComponent(k.reference)}`);
    assert.equal(portal.status, 200);
    assert.doesNotMatch(portal.body, /INTERNAL-7731/);
    const shown = await showMyCase(t.ctx, plain.member.actor, { reference: k.reference });
    assert.doesNotMatch(JSON.stringify(shown), /INTERNAL-7731/, 'what the page and the JSON API are made of');
    const toDevelopers = await t.ctx.db
      .selectFrom('mail_messages')
      .select('body_text')
      .where('related_id', '=', k.caseId)
      .where('to_address', 'in', [plain.email, keyed.email])
      .execute();
    assert.ok(toDevelopers.length > 0);
    for (const m of toDevelopers) assert.doesNotMatch(m.body_text, /INTERNAL-7731/);
  });

  it('refuses an end without a reason, and changes nothing', async () => {
    const k = await worked();
    const browser = await signedIn(t, b.coordinator.userId);
    await browser.get(workspaceUrl(k.reference));
    const before = await footprint(t);
    const res = await browser.post(
      `${workspaceUrl(k.reference)}/end`,
      { kind: 'developer_notifies_users', reason: '' },
      workspaceUrl(k.reference),
    );
    assert.equal(res.status, 400);
    assert.deepEqual(await footprint(t), before);
  });

  it('never puts the finder identity in a developer’s mail or the workspace; a keyed developer gets ciphertext only', async () => {
    const k = await worked();
    const dev = await t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('related_id', '=', k.caseId)
      .where('to_address', 'in', [plain.email, keyed.email])
      .execute();
    assert.ok(dev.length >= 6);
    for (const m of dev) assert.deepEqual(leaks(`${m.subject}\n${m.body_text}`), [], m.template);
    for (const m of dev.filter((x) => x.to_address === keyed.email)) {
      assert.match(m.body_text, /^-----BEGIN PGP MESSAGE-----/);
      assert.doesNotMatch(m.subject, /XSS|Example CMS/);
    }
    assert.ok(dev.filter((x) => x.to_address === plain.email).every((m) => m.locale === 'en'));
    const page = await (await signedIn(t, b.coordinator.userId)).get(workspaceUrl(k.reference));
    assert.equal(page.status, 200);
    assert.deepEqual(leaks(page.body), []);
    assert.deepEqual(leaks(textOf(page.body)), []);
    // the announcement is in the workspace's announcements, a private message in that developer's thread
    assert.match(textOf(page.body), /修正版の見通しを教えてください/);
    const [p] = await partiesOf(t.ctx.db, k.caseId);
    await sendCoordinatorMessage(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      to: { partyId: p!.id },
      body: '個別の質問です',
    });
    const again = (await (await signedIn(t, b.coordinator.userId)).get(workspaceUrl(k.reference))).body;
    const thread = again.slice(again.indexOf(`${p!.nameJa}`, again.indexOf('id="messages"')));
    assert.match(thread.slice(0, thread.indexOf('</details>')), /個別の質問です/);
  });

  it('allows direct finder contact only when the finder consented', async () => {
    const refused = await worked();
    const [p] = await partiesOf(t.ctx.db, refused.caseId);
    const browser = await signedIn(t, b.coordinator.userId);
    const no = await browser.post(
      `${workspaceUrl(refused.reference)}/parties/${p!.id}/finder-contact`,
      { allow: 'yes' },
      workspaceUrl(refused.reference),
    );
    assert.equal(no.status, 400);
    const consented = await worked({
      consent: {
        identityToCoordinator: false,
        identityToVendor: true,
        directContact: true,
        publicCredit: false,
      },
    });
    const [q] = await partiesOf(t.ctx.db, consented.caseId);
    const yes = await browser.post(
      `${workspaceUrl(consented.reference)}/parties/${q!.id}/finder-contact`,
      { allow: 'yes' },
      workspaceUrl(consented.reference),
    );
    assert.equal(yes.status, 303);
    const [after] = await partiesOf(t.ctx.db, consented.caseId);
    assert.equal(after!.finderContactAllowed, true);
    // still nothing of the finder in the workspace
    assert.deepEqual(leaks((await browser.get(workspaceUrl(consented.reference))).body), []);
  });

  it('records a case from an overseas CSIRT with its fixed moment, and reports status back without finder data', async () => {
    const csirt = await makeOrganization(t.ctx, 'csirt', 'CERT Example');
    await t.ctx.db
      .insertInto('directory_entries')
      .values({
        organization_id: csirt,
        emails: ['cert@cert.example'],
        locale: 'en',
        languages: ['en'],
        updated_at: t.clock.now(),
      })
      .execute();
    const browser = await signedIn(t, b.coordinator.userId);
    assert.equal((await browser.get('/coordination/csirt-cases/new')).status, 200);
    const bad = await browser.post(
      '/coordination/csirt-cases/new',
      {
        csirtOrganizationId: csirt,
        csirtReference: 'VU#123456',
        receivedOn: '2026-11-09',
        publishAt: '2026-11-01T09:00',
        timeZone: 'America/New_York',
      },
      '/coordination/csirt-cases/new',
    );
    assert.equal(bad.status, 400);
    assert.match(textOf(bad.body), /公表日時は現在より後にしてください/);
    const res = await browser.post(
      '/coordination/csirt-cases/new',
      {
        csirtOrganizationId: csirt,
        csirtReference: 'VU#123456',
        receivedOn: '2026-11-09',
        publishAt: '2027-01-12T12:00',
        timeZone: 'America/New_York',
      },
      '/coordination/csirt-cases/new',
    );
    assert.equal(res.status, 303);
    const c = await t.ctx.db
      .selectFrom('cases')
      .selectAll()
      .where('origin', '=', 'csirt')
      .executeTakeFirstOrThrow();
    assert.match(c.reference, /^CSIRT-2026-\d{5}$/);
    const cc = await t.ctx.db
      .selectFrom('coordination_cases')
      .selectAll()
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    assert.equal(cc.schedule_fixed_by_csirt, true);
    assert.equal(cc.agreed_publication_at?.toISOString(), '2027-01-12T17:00:00.000Z');
    await addParties(t.ctx, b.coordinator.actor, {
      reference: c.reference,
      organizationId: plain.organizationId,
    });
    const page = await browser.get(workspaceUrl(c.reference));
    assert.match(textOf(page.body), /海外CSIRTが設定（優先）/);
    // the CSIRT moves its date: recorded as its proposal and, once agreed, still the CSIRT's schedule
    await browser.post(
      `${workspaceUrl(c.reference)}/schedule`,
      {
        publishAt: '2027-01-19T12:00',
        timeZone: 'America/New_York',
        reason: 'CERT moved it',
        fromCsirt: 'on',
      },
      workspaceUrl(c.reference),
    );
    const moved = await t.ctx.db
      .selectFrom('coordination_schedule_proposals')
      .selectAll()
      .where('case_id', '=', c.id)
      .where('state', '=', 'proposed')
      .executeTakeFirstOrThrow();
    assert.equal(moved.proposed_by, 'csirt');
    await browser.post(
      `${workspaceUrl(c.reference)}/schedule/decide`,
      { proposalId: moved.id, decision: 'accept' },
      workspaceUrl(c.reference),
    );
    const still = await t.ctx.db
      .selectFrom('coordination_cases')
      .selectAll()
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    assert.equal(still.schedule_fixed_by_csirt, true);
    assert.equal(still.agreed_publication_at?.toISOString(), '2027-01-19T17:00:00.000Z');
    const report = await browser.post(
      `${workspaceUrl(c.reference)}/csirt-report`,
      {},
      workspaceUrl(c.reference),
    );
    assert.equal(report.status, 303);
    const sent = await t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('to_address', '=', 'cert@cert.example')
      .executeTakeFirstOrThrow();
    assert.match(sent.body_text, /Plain Soft/);
    assert.match(sent.body_text, /2027-01-20 02:00 JST/);
    assert.deepEqual(leaks(sent.body_text), []);
  });
});
