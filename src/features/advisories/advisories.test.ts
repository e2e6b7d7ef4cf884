// The advisory of a product case, end to end against PostgreSQL: created prefilled from the case (the finder
// credited only with consent, never identified), edited through the page (bad input refused and nothing saved),
// submitted, reviewed by another lead (four eyes; a handler may not approve), approved with a unique public ID,
// scheduled for the agreed moment (and following it when it changes), edited back to draft, corrected after
// publication, and previewed by the case's developers with the other developers masked.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import type { AdvisoryContent } from '../../domain/advisory-document.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { signedIn } from '../../testing/login.js';
import { FINDER } from '../../testing/reports.js';
import { addParties } from '../coordination/add-parties.js';
import { addVulnerability } from '../coordination/add-vulnerability.js';
import { decideSchedule } from '../coordination/decide-schedule.js';
import { notifyParty } from '../coordination/notify-party.js';
import { proposeSchedule } from '../coordination/propose-schedule.js';
import { partiesOf } from '../coordination/queries.js';
import { recordPartyStatus } from '../coordination/record-party-status.js';
import {
  type Bodies,
  bodies,
  type Developer,
  developer,
  productCase,
  type Staff,
  staff,
} from '../coordination/testing.js';
import { addProduct } from '../directory/add-product.js';
import { contentToForm } from './advisory-input.js';
import { approveAdvisory } from './approve-advisory.js';
import { createAdvisory } from './create-advisory.js';
import { CsafRefusedError } from './csaf-approval-check.js';
import { listAdvisories } from './list-advisories.js';
import { releaseCorrection } from './release-correction.js';
import { requestChanges } from './request-changes.js';
import { saveAdvisory } from './save-advisory.js';
import { scheduleAdvisory, unscheduleAdvisory } from './schedule-advisory.js';
import { showAdvisory } from './show-advisory.js';
import { showPrerelease } from './show-prerelease.js';
import { startCorrection } from './start-correction.js';
import { openApproved, openContent, sealContent, workingCopySha256 } from './store.js';
import { submitAdvisory } from './submit-advisory.js';

describe('advisories', () => {
  let t: TestApp;
  let b: Bodies;
  let lead2: Staff;
  let devA: Developer;
  let devB: Developer;
  let devC: Developer;
  let keyed: Developer;

  before(async () => {
    t = await startTestApp({ now: '2026-11-05T01:00:00Z' });
    b = await bodies(t);
    lead2 = await staff(t, b.coordinationOrg, 'coordination_body', 'lead');
    devA = await developer(t, 'Alpha Soft');
    devB = await developer(t, 'Beta Works');
    devC = await developer(t, 'Gamma Plugins');
    const { publicKey } = await openpgp.generateKey({
      userIDs: [{ email: 'psirt@keyed.example' }],
      type: 'ecc',
      curve: 'ed25519Legacy',
      format: 'armored',
    });
    keyed = await developer(t, 'Keyed Soft', { pgpPublicKey: publicKey });
    await addProduct(t.ctx, b.coordinator.actor, devA.organizationId, {
      nameJa: 'アルファCMS',
      nameEn: 'Alpha CMS',
      purl: 'pkg:npm/alpha-cms',
      cpe: null,
      category: 'general',
    });
    await addProduct(t.ctx, b.coordinator.actor, devB.organizationId, {
      nameJa: 'ベータゲート',
      nameEn: 'Beta Gate',
      purl: null,
      cpe: null,
      category: 'general',
    });
  });
  after(() => t.close());

  /** A case with the given developers notified, one vulnerability (sealed description, CVSS) and statuses. */
  async function caseWith(devs: Developer[], over: Record<string, unknown> = {}) {
    const k = await productCase(t, b, over);
    for (const d of devs) {
      // a second apart, so the parties (and the advisory's developers) keep the order they were added in
      t.clock.advance(1000);
      await addParties(t.ctx, b.coordinator.actor, {
        reference: k.reference,
        organizationId: d.organizationId,
      });
    }
    const parties = await partiesOf(t.ctx.db, k.caseId);
    for (const p of parties)
      await notifyParty(t.ctx, b.coordinator.actor, { reference: k.reference, partyId: p.id });
    const { vulnerabilityId } = await addVulnerability(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: {
        titleJa: '格納型クロスサイトスクリプティング',
        titleEn: 'Stored cross-site scripting',
        description: 'コメント欄の処理に不備 SEALED-DESCRIPTION-1',
        cwe: 'CWE-79',
        cvss31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
        cveId: 'CVE-2026-10001',
      },
    });
    for (const p of parties)
      await recordPartyStatus(t.ctx, b.coordinator.actor, {
        reference: k.reference,
        fields: {
          partyId: p.id,
          vulnerabilityId,
          status: p.organizationId === devA.organizationId ? 'fixed' : 'investigating',
          statement: `${p.nameEn} statement STATEMENT-${p.nameEn.split(' ')[0]}`,
        },
      });
    const { advisoryId } = await createAdvisory(t.ctx, b.coordinator.actor, { caseId: k.caseId });
    return { ...k, advisoryId, parties };
  }

  const row = (id: string) =>
    t.ctx.db.selectFrom('advisories').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const contentOf = async (id: string): Promise<AdvisoryContent> => {
    const r = await row(id);
    return openContent(t.ctx.secrets, r.id, r.content_enc);
  };
  const events = async (caseId: string) =>
    (
      await t.ctx.db
        .selectFrom('events')
        .select('type')
        .where('stream_id', '=', caseId)
        .where('type', 'like', 'advisory.%')
        .orderBy('id')
        .execute()
    ).map((e) => e.type);

  /** What the review page sends: the reference and the sha-256 of the copy it shows. */
  const reviewed = async (k: { reference: string; advisoryId: string }) => ({
    reference: k.reference,
    reviewedSha256: await workingCopySha256(t.ctx.db, t.ctx.secrets, k.advisoryId),
  });

  /** A copy with an overview saved and submitted for review by `by`. */
  async function submitted(devs: Developer[], by: Staff) {
    const k = await caseWith(devs);
    const c = await contentOf(k.advisoryId);
    await saveAdvisory(t.ctx, by.actor, {
      reference: k.reference,
      fields: { ...contentToForm(c), 'overview.ja': '概要' },
    });
    await submitAdvisory(t.ctx, by.actor, { reference: k.reference });
    return k;
  }

  /** A complete copy saved, submitted by the handler and approved by lead2. */
  async function approved(devs: Developer[] = [devA]) {
    const k = await caseWith(devs);
    const c = await contentOf(k.advisoryId);
    await saveAdvisory(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: { ...contentToForm(c), 'overview.ja': '概要です。', 'overview.en': 'Overview.' },
    });
    await submitAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    const a = await approveAdvisory(t.ctx, lead2.actor, await reviewed(k));
    return { ...k, publicId: a.publicId };
  }

  async function agree(reference: string, publishAt: string) {
    const { proposalId } = await proposeSchedule(t.ctx, b.coordinator.actor, {
      reference,
      publishAt,
      timeZone: 'Asia/Tokyo',
      reason: '',
    });
    await decideSchedule(t.ctx, b.coordinator.actor, { reference, decision: { kind: 'accept', proposalId } });
  }

  it('creates one advisory per case, prefilled from the case, the finder credited with the chosen name only', async () => {
    const k = await caseWith([devA, devB]);
    const again = await createAdvisory(t.ctx, b.coordinator.actor, { caseId: k.caseId });
    assert.deepEqual(again, { advisoryId: k.advisoryId, created: false });
    const r = await row(k.advisoryId);
    assert.equal(r.kind, 'jvnvu', 'two developers: a coordinated advisory');
    assert.equal(r.state, 'draft');
    assert.ok(!r.content_enc.includes('Alpha'), 'sealed');
    const c = await contentOf(k.advisoryId);
    assert.deepEqual(
      c.developers.map((d) => [d.slug, d.name.en]),
      [
        ['alpha-soft', 'Alpha Soft'],
        ['beta-works', 'Beta Works'],
      ],
    );
    assert.deepEqual(
      c.products.map((p) => [p.key, p.developerSlug, p.name.en, p.purl]),
      [
        ['p1', 'alpha-soft', 'Alpha CMS', 'pkg:npm/alpha-cms'],
        ['p2', 'beta-works', 'Beta Gate', null],
      ],
    );
    const v = c.vulnerabilities[0];
    assert.equal(v?.title.ja, '格納型クロスサイトスクリプティング');
    assert.match(v?.description.ja ?? '', /SEALED-DESCRIPTION-1/);
    assert.equal(v?.cweId, 'CWE-79');
    assert.deepEqual([v?.cvss31?.score, v?.cvss31?.severity, v?.cveId], [6.1, 'medium', 'CVE-2026-10001']);
    assert.deepEqual(
      c.vendorStatuses.map((s) => [s.developerSlug, s.vulnerabilityOrdinal, s.status]),
      [
        ['alpha-soft', 1, 'fixed'],
        ['beta-works', 1, 'under_investigation'],
      ],
    );
    assert.match(c.vendorStatuses[0]?.statement.ja ?? '', /STATEMENT-Alpha/);
    assert.deepEqual(c.credits, [{ ja: FINDER.creditName, en: FINDER.creditName }]);
    assert.equal(c.receivedOn, '2026-11-05');
    assert.deepEqual(c.contact, t.ctx.config.orgName);
    const json = JSON.stringify(c);
    for (const identity of [FINDER.name, FINDER.email, FINDER.phone, FINDER.organization])
      assert.ok(!json.includes(identity), `no ${identity} in the copy`);
    assert.deepEqual(await events(k.caseId), ['advisory.created']);
  });

  it('credits nobody when the finder did not consent to public credit, and is a JVN# with one developer', async () => {
    const k = await caseWith([devA], {
      consent: {
        identityToCoordinator: false,
        identityToVendor: false,
        directContact: false,
        publicCredit: false,
      },
    });
    const c = await contentOf(k.advisoryId);
    assert.deepEqual(c.credits, []);
    assert.ok(!JSON.stringify(c).includes(FINDER.creditName));
    assert.equal((await row(k.advisoryId)).kind, 'jvn');
  });

  it('refuses bad input on the page with a worded error, keeps what was typed and saves nothing', async () => {
    const k = await caseWith([devA]);
    const url = `/coordination/cases/${encodeURIComponent(k.reference)}/advisory`;
    const browser = await signedIn(t, b.coordinator.userId);
    const page = await browser.get(url);
    assert.equal(page.status, 200);
    assert.match(page.body, /Alpha CMS/);
    const before = (await row(k.advisoryId)).content_enc;
    const form = contentToForm(await contentOf(k.advisoryId));
    const cases: [string, Record<string, string>, string, RegExp][] = [
      ['an invalid purl', { 'product.0.purl': 'not a purl BADPURL' }, 'product.0.purl', /purl/],
      ['a bad CVSS vector', { 'vuln.0.cvss31': 'CVSS:3.1/AV:X' }, 'vuln.0.cvss31', /CVSS/],
      ['an unknown CWE', { 'vuln.0.cwe': 'CWE-99999' }, 'vuln.0.cwe', /CWE-99999/],
      [
        'a javascript: link',
        { 'ref.0.url': 'javascript:alert(1)', 'ref.0.title': 'x' },
        'ref.0.url',
        /https?:\/\//,
      ],
      ['no Japanese title', { 'title.ja': '' }, 'title.ja', /日本語のタイトル/],
    ];
    for (const [what, bad, field, message] of cases) {
      const res = await browser.post(url, { ...form, ...bad, 'overview.ja': 'TYPED-OVERVIEW' }, url);
      assert.equal(res.status, 400, what);
      assert.match(res.body, message, what);
      assert.ok(res.body.includes(`id="${field}"`), `${what}: the field is shown`);
      assert.ok(res.body.includes('TYPED-OVERVIEW'), `${what}: what was typed is kept`);
      assert.equal((await row(k.advisoryId)).content_enc, before, `${what}: nothing saved`);
    }
    // a good save is kept
    const ok = await browser.post(url, { ...form, 'overview.ja': '概要 SAVED-1' }, url);
    assert.equal(ok.status, 303);
    assert.equal((await contentOf(k.advisoryId)).overview.ja, '概要 SAVED-1');
  });

  it('submits, asks for changes with a required note, and approves by another lead with a public ID', async () => {
    const k = await caseWith([devA]);
    // without the Japanese overview nothing is submitted
    await assert.rejects(
      submitAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference }),
      (e: { fields?: Record<string, string[]> }) => !!e.fields?.['overview.ja'],
    );
    const c = await contentOf(k.advisoryId);
    await saveAdvisory(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: { ...contentToForm(c), 'overview.ja': '概要です。' },
    });
    await submitAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    assert.equal((await row(k.advisoryId)).state, 'in_review');
    await assert.rejects(requestChanges(t.ctx, lead2.actor, { reference: k.reference, note: '  ' }), {
      code: 'validation',
    });
    await requestChanges(t.ctx, lead2.actor, {
      reference: k.reference,
      note: '英語の概要を書いてください。',
    });
    assert.equal((await row(k.advisoryId)).state, 'draft');
    await submitAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    // the review page shows the copy as it will be published, in both languages
    const reviewer = await signedIn(t, lead2.userId);
    const review = await reviewer.get(
      `/coordination/cases/${encodeURIComponent(k.reference)}/advisory/review`,
    );
    assert.equal(review.status, 200);
    assert.match(review.body, /概要です。/);
    assert.match(review.body, /name="reviewedSha256"/);
    const res = await reviewer.post(
      `/coordination/cases/${encodeURIComponent(k.reference)}/advisory/approve`,
      { reviewedSha256: /name="reviewedSha256" value="([0-9a-f]{64})"/.exec(review.body)?.[1] ?? '' },
      `/coordination/cases/${encodeURIComponent(k.reference)}/advisory/review`,
    );
    assert.equal(res.status, 303);
    const r = await row(k.advisoryId);
    assert.equal(r.state, 'approved');
    assert.match(r.public_id ?? '', /^JVN#\d{8}$/);
    assert.equal(r.approved_by, lead2.userId);
    const approvedCopy = openApproved(t.ctx.secrets, r.id, r.approved_content_enc as string);
    assert.equal(approvedCopy.overview.ja, '概要です。');
    const reviews = await t.ctx.db
      .selectFrom('advisory_reviews')
      .select(['decision', 'content_sha256'])
      .where('advisory_id', '=', r.id)
      .orderBy('at')
      .execute();
    assert.deepEqual(
      reviews.map((x) => x.decision),
      ['changes_requested', 'approved'],
    );
    assert.equal(reviews[1]?.content_sha256, r.approved_content_sha256);
    assert.deepEqual(await events(k.caseId), [
      'advisory.created',
      'advisory.saved',
      'advisory.submitted',
      'advisory.changes_requested',
      'advisory.submitted',
      'advisory.approved',
    ]);
    // the developer is told, encrypted-or-not, with no advisory text in the mail
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['subject', 'body_text'])
      .where('to_address', '=', devA.email)
      .where('template', '=', 'advisories.mail.prereleaseReady')
      .execute();
    assert.equal(mails.length, 1);
    assert.ok(!mails[0]?.body_text.includes('概要です。'));
    assert.match(mails[0]?.body_text ?? '', /\/portal\/cases\/.+\/advisory/);
  });

  it('says on the page what a submission lacks, showing the stored copy again; approval is bound to the text reviewed', async () => {
    const k = await caseWith([devA]);
    const url = `/coordination/cases/${encodeURIComponent(k.reference)}/advisory`;
    const browser = await signedIn(t, b.coordinator.userId);
    const res = await browser.post(`${url}/submit`, {}, url);
    assert.equal(res.status, 400);
    assert.match(res.body, /日本語の概要が必要です/);
    assert.ok(
      res.body.includes('格納型クロスサイトスクリプティング'),
      'the form still shows the stored copy',
    );
    assert.equal((await row(k.advisoryId)).state, 'draft');
    const c = await contentOf(k.advisoryId);
    await saveAdvisory(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: { ...contentToForm(c), 'overview.ja': '概要' },
    });
    await submitAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    await assert.rejects(
      approveAdvisory(t.ctx, lead2.actor, { reference: k.reference, reviewedSha256: 'f'.repeat(64) }),
      { code: 'conflict', messageKey: 'advisories.errors.changedSinceReview' },
    );
    assert.equal((await row(k.advisoryId)).state, 'in_review');
  });

  it('mails a developer with an OpenPGP key the pre-release notice encrypted, its subject free of details', async () => {
    const k = await approved([keyed]);
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['subject', 'body_text'])
      .where('to_address', '=', keyed.email)
      .where('template', '=', 'advisories.mail.prereleaseReady')
      .execute();
    assert.equal(mails.length, 1);
    assert.match(mails[0]?.body_text ?? '', /^-----BEGIN PGP MESSAGE-----/);
    assert.ok(!(mails[0]?.subject ?? '').includes('格納型'));
    assert.ok((mails[0]?.subject ?? '').includes(k.reference));
  });

  it('refuses approval by the person who submitted it (four eyes) and by a handler', async () => {
    const k = await submitted([devA], b.coordinator2);
    await assert.rejects(approveAdvisory(t.ctx, b.coordinator2.actor, await reviewed(k)), {
      code: 'forbidden',
      messageKey: 'advisories.errors.ownSubmission',
    });
    // through the page: the submitter is told why
    const submitter = await signedIn(t, b.coordinator2.userId);
    const url = `/coordination/cases/${encodeURIComponent(k.reference)}/advisory`;
    const res = await submitter.post(`${url}/approve`, {}, url);
    assert.equal(res.status, 403);
    assert.match(res.body, /cannot approve it/);
    await assert.rejects(approveAdvisory(t.ctx, b.coordinator.actor, await reviewed(k)), {
      code: 'forbidden',
    });
    const r = await row(k.advisoryId);
    assert.equal(r.state, 'in_review');
    assert.equal(r.public_id, null);
  });

  it('refuses to approve a copy whose CSAF document would be invalid, saying why in both languages, saving nothing', async () => {
    const k = await submitted([devA], b.coordinator);
    // the copy in review names a vulnerability but no product and no developer's status
    const bare: AdvisoryContent = { ...(await contentOf(k.advisoryId)), products: [], vendorStatuses: [] };
    await t.ctx.db
      .updateTable('advisories')
      .set({ content_enc: sealContent(t.ctx.secrets, k.advisoryId, bare) })
      .where('id', '=', k.advisoryId)
      .execute();
    const eventsBefore = await events(k.caseId);
    await assert.rejects(approveAdvisory(t.ctx, lead2.actor, await reviewed(k)), (e: unknown) => {
      assert.ok(e instanceof CsafRefusedError);
      assert.equal(e.code, 'conflict');
      assert.deepEqual(e.problems, [{ key: 'advisories.errors.csaf.noProduct', vars: { n: 1 } }]);
      return true;
    });
    const url = `/coordination/cases/${encodeURIComponent(k.reference)}/advisory`;
    for (const [locale, words] of [
      ['ja', /承認できません。[\s\S]*脆弱性 1 には影響を受ける製品がありません。/],
      ['en', /cannot be approved[\s\S]*Vulnerability 1 has no affected product\./],
    ] as const) {
      await t.ctx.db.updateTable('users').set({ locale }).where('id', '=', lead2.userId).execute();
      const reviewer = await signedIn(t, lead2.userId);
      const res = await reviewer.post(`${url}/approve`, await reviewed(k), `${url}/review`);
      assert.equal(res.status, 409, locale);
      assert.match(res.body, words);
    }
    await t.ctx.db.updateTable('users').set({ locale: 'ja' }).where('id', '=', lead2.userId).execute();
    const r = await row(k.advisoryId);
    assert.deepEqual(
      [r.state, r.public_id, r.approved_content_enc, r.approved_at],
      ['in_review', null, null, null],
      'nothing saved, no public ID taken',
    );
    assert.deepEqual(await events(k.caseId), eventsBefore);
    const reviews = await t.ctx.db
      .selectFrom('advisory_reviews')
      .select('id')
      .where('advisory_id', '=', k.advisoryId)
      .execute();
    assert.deepEqual(reviews, []);
  });

  it('gives two advisories approved at once different public IDs', async () => {
    const ks = [];
    for (let i = 0; i < 2; i++) {
      const k = await submitted([devA], b.coordinator);
      ks.push(k);
    }
    const ids = await Promise.all(
      ks.map(async (k) => (await approveAdvisory(t.ctx, lead2.actor, await reviewed(k))).publicId),
    );
    assert.notEqual(ids[0], ids[1]);
    for (const id of ids) assert.match(id, /^JVN#\d{8}$/);
  });

  it('schedules only for an agreed moment in the future, follows a new agreed moment, and unschedules', async () => {
    const k = await approved();
    await assert.rejects(
      scheduleAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference }),
      (e: { fields?: Record<string, string[]> }) => e.fields?._?.[0] === 'advisories.errors.noAgreedMoment',
    );
    // through the page: the reason is shown
    const browser = await signedIn(t, b.coordinator.userId);
    const url = `/coordination/cases/${encodeURIComponent(k.reference)}/advisory`;
    const res = await browser.post(`${url}/schedule`, {}, url);
    assert.equal(res.status, 400);
    assert.match(res.body, /公表日時が合意されていません/);

    await agree(k.reference, '2027-01-20T10:00');
    const s = await scheduleAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    assert.equal(s.scheduledFor.toISOString(), '2027-01-20T01:00:00.000Z');
    const jobs = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('pgboss.job' as 'events')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('name' as 'type', '=', 'publication.publish-due')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const sent = await jobs();
    assert.ok(sent >= 1, 'the publish job is woken for the moment');
    // coordination agrees another moment: the schedule follows in the same transaction
    await agree(k.reference, '2027-01-27T10:00');
    const r = await row(k.advisoryId);
    assert.equal(r.state, 'scheduled');
    assert.equal(r.scheduled_for?.toISOString(), '2027-01-27T01:00:00.000Z');
    assert.equal(await jobs(), sent + 1);
    await unscheduleAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    const u = await row(k.advisoryId);
    assert.deepEqual([u.state, u.scheduled_for], ['approved', null]);
  });

  it('refuses to schedule for an agreed moment that has passed', async () => {
    const k = await approved();
    await agree(k.reference, '2026-12-01T10:00');
    const now = t.clock.now();
    t.clock.set(new Date('2026-12-02T00:00:00Z'));
    try {
      await assert.rejects(
        scheduleAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference }),
        (e: { fields?: Record<string, string[]> }) =>
          e.fields?._?.[0] === 'advisories.errors.agreedMomentPassed',
      );
      assert.equal((await row(k.advisoryId)).state, 'approved');
    } finally {
      t.clock.set(now);
    }
  });

  it('takes an approved or scheduled copy back to draft when it is edited, with a warning', async () => {
    const k = await approved();
    await agree(k.reference, '2027-02-01T10:00');
    await scheduleAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    const browser = await signedIn(t, b.coordinator.userId);
    const url = `/coordination/cases/${encodeURIComponent(k.reference)}/advisory`;
    const page = await browser.get(url);
    assert.match(page.body, /保存すると下書きに戻り/);
    const form = contentToForm(await contentOf(k.advisoryId));
    const res = await browser.post(url, { ...form, 'overview.ja': '修正した概要' }, url);
    assert.equal(res.status, 303);
    assert.match(String(res.headers.location), /draft=1/);
    const r = await row(k.advisoryId);
    assert.deepEqual([r.state, r.scheduled_for, r.approved_at, r.approved_by], ['draft', null, null, null]);
    assert.equal(r.public_id, k.publicId, 'the public ID stays');
    const after = await browser.get(String(res.headers.location));
    assert.match(after.body, /下書きに戻しました/);
  });

  it('starts a correction after publication only with a Japanese change note, then releases it now', async () => {
    const k = await approved();
    // what the publish step does at publication
    await t.ctx.db
      .updateTable('advisories')
      .set({
        state: 'published',
        published_revision: 1,
        first_published_at: t.clock.now(),
        last_published_at: t.clock.now(),
      })
      .where('id', '=', k.advisoryId)
      .execute();
    await assert.rejects(saveAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference, fields: {} }), {
      code: 'conflict',
    });
    await assert.rejects(
      startCorrection(t.ctx, b.coordinator.actor, {
        reference: k.reference,
        fields: { changeNoteEn: 'Only English' },
      }),
      (e: { fields?: Record<string, string[]> }) => !!e.fields?.changeNoteJa,
    );
    assert.equal((await row(k.advisoryId)).state, 'published');
    await startCorrection(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: { changeNoteJa: '修正版の情報を追記', changeNoteEn: 'Added the fixed version' },
    });
    const r = await row(k.advisoryId);
    assert.deepEqual([r.state, r.change_note_ja], ['draft', '修正版の情報を追記']);
    // clearing the change note in the editor makes the submission refuse
    const form = contentToForm(await contentOf(k.advisoryId));
    await saveAdvisory(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: { ...form, changeNoteJa: '', changeNoteEn: '' },
    });
    await assert.rejects(
      submitAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference }),
      (e: { fields?: Record<string, string[]> }) =>
        e.fields?.changeNoteJa?.[0] === 'advisories.errors.changeNoteRequired',
    );
    await saveAdvisory(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: { ...form, 'solution.ja': '1.5 に更新してください。', changeNoteJa: '対策方法を追記' },
    });
    await submitAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    // the re-review lists what changed since the published copy
    const reviewer = await signedIn(t, lead2.userId);
    const review = await reviewer.get(
      `/coordination/cases/${encodeURIComponent(k.reference)}/advisory/review`,
    );
    assert.match(review.body, /solution\.ja/);
    const a = await approveAdvisory(t.ctx, lead2.actor, await reviewed(k));
    assert.equal(a.publicId, k.publicId, 'a correction keeps its ID');
    await releaseCorrection(t.ctx, b.coordinator.actor, { reference: k.reference });
    const done = await row(k.advisoryId);
    assert.equal(done.state, 'scheduled');
    assert.equal(done.scheduled_for?.toISOString(), t.clock.now().toISOString());
  });

  it('shows the developers the approved copy, the other developers masked, and nobody else', async () => {
    const k = await caseWith([devA, devB]);
    const url = `/portal/cases/${encodeURIComponent(k.reference)}/advisory`;
    const a = await signedIn(t, devA.member.userId);
    // a draft never submitted is not shown
    const early = await a.get(url);
    assert.equal(early.status, 200);
    assert.ok(!early.body.includes('SEALED-DESCRIPTION-1'));
    const c = await contentOf(k.advisoryId);
    await saveAdvisory(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: {
        ...contentToForm(c),
        'overview.ja': 'Beta Works と Alpha Soft の製品に影響',
        'overview.en': 'x',
      },
    });
    await submitAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    await approveAdvisory(t.ctx, lead2.actor, await reviewed(k));
    await agree(k.reference, '2027-03-01T10:00');
    await scheduleAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });

    const page = await a.get(url);
    assert.equal(page.status, 200);
    assert.match(page.body, /Alpha CMS/);
    assert.match(page.body, /STATEMENT-Alpha/);
    assert.match(page.body, /他の開発者（1）/);
    for (const hidden of ['Beta Works', 'ベータゲート', 'Beta Gate', 'STATEMENT-Beta'])
      assert.ok(!page.body.includes(hidden), `A does not see ${hidden}`);
    assert.match(page.body, /2027-03-01 10:00 JST/);
    const pb = await showPrerelease(t.ctx, devB.member.actor, { reference: k.reference });
    const bJson = JSON.stringify(pb.copy?.content);
    assert.ok(
      bJson.includes('STATEMENT-Beta') && !bJson.includes('STATEMENT-Alpha') && !bJson.includes('Alpha Soft'),
    );
    // the portal case page links to it
    const casePage = await a.get(`/portal/cases/${encodeURIComponent(k.reference)}`);
    assert.ok(casePage.body.includes(`/portal/cases/${encodeURIComponent(k.reference)}/advisory`));

    // a developer of another case, and staff-only pages, get the same 404 as a missing case
    await caseWith([devC]);
    const other = await signedIn(t, devC.member.userId);
    assert.equal((await other.get(url)).status, 404);
    assert.equal((await other.get('/portal/cases/NO-SUCH-CASE/advisory')).status, 404);
    await assert.rejects(showPrerelease(t.ctx, devC.member.actor, { reference: k.reference }), {
      code: 'not_found',
    });
    assert.equal(
      (await a.get(`/coordination/cases/${encodeURIComponent(k.reference)}/advisory`)).status,
      403,
    );
  });

  it('lists every advisory for staff and links the workspace to the case’s advisory', async () => {
    const k = await caseWith([devA]);
    const browser = await signedIn(t, b.coordinator.userId);
    const list = await browser.get('/coordination/advisories');
    assert.equal(list.status, 200);
    assert.ok(list.body.includes(`/coordination/cases/${encodeURIComponent(k.reference)}/advisory`));
    const workspace = await browser.get(`/coordination/cases/${encodeURIComponent(k.reference)}`);
    assert.ok(workspace.body.includes(`/coordination/cases/${encodeURIComponent(k.reference)}/advisory`));
  });

  it('never shows the developers a text not yet approved: nothing before approval, then the last approved copy with a note while a change is in review', async () => {
    const k = await caseWith([devA, devB]);
    const c = await contentOf(k.advisoryId);
    const save = (overview: string) =>
      saveAdvisory(t.ctx, b.coordinator.actor, {
        reference: k.reference,
        fields: { ...contentToForm(c), 'overview.ja': overview, 'overview.en': 'x' },
      });
    await save('FIRST-TEXT-UNREVIEWED');
    await submitAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    const url = `/portal/cases/${encodeURIComponent(k.reference)}/advisory`;
    const a = await signedIn(t, devA.member.userId);
    const inReview = await a.get(url);
    assert.equal(inReview.status, 200);
    assert.ok(!inReview.body.includes('FIRST-TEXT-UNREVIEWED'), 'the copy in review is not shown');
    assert.match(inReview.body, /まだ確認いただける版はありません/);
    assert.equal((await showPrerelease(t.ctx, devA.member.actor, { reference: k.reference })).copy, null);
    await approveAdvisory(t.ctx, lead2.actor, await reviewed(k));
    await save('SECOND-TEXT-UNREVIEWED');
    await submitAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    const p = await showPrerelease(t.ctx, devA.member.actor, { reference: k.reference });
    assert.equal(p.copy?.content.overview.ja, 'FIRST-TEXT-UNREVIEWED');
    assert.equal(p.copy?.revisionPending, true);
    const page = await a.get(url);
    assert.ok(!page.body.includes('SECOND-TEXT-UNREVIEWED'));
    assert.match(page.body, /前回承認された版を表示しています/);
  });

  it('refuses approval by a lead who wrote or edited the copy since the last approval, even when another submitted it', async () => {
    const k = await caseWith([devA]);
    const c = await contentOf(k.advisoryId);
    // lead2 edits, the handler submits
    await saveAdvisory(t.ctx, lead2.actor, {
      reference: k.reference,
      fields: { ...contentToForm(c), 'overview.ja': '概要（リーダーが編集）' },
    });
    await submitAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    await assert.rejects(approveAdvisory(t.ctx, lead2.actor, await reviewed(k)), {
      code: 'forbidden',
      messageKey: 'advisories.errors.ownEdit',
    });
    const p = await showAdvisory(t.ctx, lead2.actor, { reference: k.reference });
    assert.deepEqual([p.viewerEdited, p.mayReview], [true, false]);
    const browser = await signedIn(t, lead2.userId);
    const url = `/coordination/cases/${encodeURIComponent(k.reference)}/advisory`;
    const review = await browser.get(`${url}/review`);
    assert.match(review.body, /前回の承認以降にこの版を作成・編集しました/);
    assert.ok(!review.body.includes('name="reviewedSha256"'));
    const res = await browser.post(`${url}/approve`, await reviewed(k), `${url}/review`);
    assert.equal(res.status, 403);
    assert.match(res.body, /作成・編集した人は承認できません/);
    assert.equal((await row(k.advisoryId)).state, 'in_review');
    // a lead who did not touch it approves; after that approval, lead2's earlier edit no longer counts
    const lead3 = await staff(t, b.coordinationOrg, 'coordination_body', 'lead');
    await approveAdvisory(t.ctx, lead3.actor, await reviewed(k));
    assert.equal((await row(k.advisoryId)).state, 'approved');
    await saveAdvisory(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: { ...contentToForm(await contentOf(k.advisoryId)), 'overview.ja': '概要（担当者が再編集）' },
    });
    await submitAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    await approveAdvisory(t.ctx, lead2.actor, await reviewed(k));
    assert.equal((await row(k.advisoryId)).state, 'approved');
  });

  it('requires the sha-256 of the reviewed text to approve, saying so in a field error', async () => {
    const k = await submitted([devA], b.coordinator);
    for (const reviewedSha256 of [undefined, '', 42]) {
      await assert.rejects(
        approveAdvisory(t.ctx, lead2.actor, { reference: k.reference, reviewedSha256 }),
        (e: { code?: string; fields?: Record<string, string[]> }) =>
          e.code === 'validation' &&
          e.fields?.reviewedSha256?.[0] === 'advisories.errors.reviewedSha256Required',
      );
    }
    const browser = await signedIn(t, lead2.userId);
    const url = `/coordination/cases/${encodeURIComponent(k.reference)}/advisory`;
    const res = await browser.post(`${url}/approve`, {}, `${url}/review`);
    assert.equal(res.status, 400);
    assert.match(res.body, /どの内容を確認したかが分かりません/);
    assert.equal((await row(k.advisoryId)).state, 'in_review');
  });

  it('warns the coordinator at submission and approval where the text names a developer, without refusing', async () => {
    const k = await caseWith([devA, devB]);
    await t.ctx.db
      .insertInto('directory_domains')
      .values({ organization_id: devB.organizationId, domain: 'beta-works.example' })
      .execute();
    const c = await contentOf(k.advisoryId);
    const slugB = c.developers.find((d) => d.name.en === 'Beta Works')?.slug as string;
    await saveAdvisory(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      fields: {
        ...contentToForm({
          ...c,
          references: [
            { kind: 'other', title: 'PSIRT', url: 'https://beta-works.example/psirt/2026-01' },
            { kind: 'other', title: 'Note', url: 'https://notes.example/x' },
          ],
        }),
        'overview.ja': 'ＢＥＴＡ　ＷＯＲＫＳ の製品、詳細は betaworks.example で',
        'overview.en': 'x',
        'contact.ja': 'Beta Works PSIRT 窓口',
      },
    });
    const s = await submitAdvisory(t.ctx, b.coordinator.actor, { reference: k.reference });
    const fields = s.mentions.map((m) => m.field);
    for (const f of ['overview.ja', 'contact.ja', 'reference 1 url'])
      assert.ok(fields.includes(f), `${f} in ${fields.join(', ')}`);
    assert.ok(s.mentions.every((m) => m.developerSlug === slugB));
    const browser = await signedIn(t, b.coordinator.userId);
    const url = `/coordination/cases/${encodeURIComponent(k.reference)}/advisory`;
    const editor = await browser.get(url);
    assert.match(editor.body, /本文に製品開発者の名称などがあります/);
    assert.match(editor.body, /overview\.ja/);
    const review = await (await signedIn(t, lead2.userId)).get(`${url}/review`);
    assert.match(review.body, /本文に製品開発者の名称などがあります/);
    const a = await approveAdvisory(t.ctx, lead2.actor, await reviewed(k));
    assert.ok(a.mentions.length > 0);
    // and developer A's copy has it all masked, the reference on B's domain left out
    const p = await showPrerelease(t.ctx, devA.member.actor, { reference: k.reference });
    const json = JSON.stringify(p.copy?.content).toLowerCase();
    for (const hidden of [
      'ｂｅｔａ',
      'beta works',
      'betaworks.example',
      'beta-works.example',
      'ベータワークス',
    ])
      assert.ok(!json.includes(hidden), `${hidden} hidden`);
    assert.deepEqual(
      p.copy?.content.references.map((r) => r.url),
      ['https://notes.example/x'],
    );
  });

  it('lists the advisories a page at a time and says how many there are', async () => {
    await caseWith([devA]);
    const all = await t.ctx.db.selectFrom('advisories').select('id').execute();
    assert.ok(all.length >= 3);
    const first = await listAdvisories(t.ctx, b.coordinator.actor, { page: 1, pageSize: 2 });
    assert.deepEqual([first.total, first.page, first.pages], [all.length, 1, Math.ceil(all.length / 2)]);
    const seen = new Set<string>();
    for (let page = 1; page <= first.pages; page++) {
      const l = await listAdvisories(t.ctx, b.coordinator.actor, { page, pageSize: 2 });
      for (const r of l.rows) seen.add(r.id);
    }
    assert.equal(seen.size, all.length, 'every advisory on some page, none twice');
    const beyond = await listAdvisories(t.ctx, b.coordinator.actor, { page: 999, pageSize: 2 });
    assert.equal(beyond.page, first.pages);
    const browser = await signedIn(t, b.coordinator.userId);
    const html = (await browser.get('/coordination/advisories?page=abc')).body;
    assert.match(html, new RegExp(`全${all.length}件中 1〜`));
  });
});
