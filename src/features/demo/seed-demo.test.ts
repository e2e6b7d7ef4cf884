import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { requiresMfa } from '../../platform/auth/actor.js';
import { PASSWORD_MIN_LENGTH, verifyPassword } from '../../platform/auth/passwords.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { affectedOfReports } from '../cases/report-brief.js';
import { openStatement } from '../coordination/sealing.js';
import { ADVISORIES_SEEDED } from './seed-advisories-demo.js';
import {
  CASES_SEEDED,
  CASES_STARTED,
  DEMO_PEOPLE,
  DEMO_WEBSITE_DOMAIN,
  demoPublicationMoment,
} from './seed-cases-demo.js';
import { type DemoCredential, formatCredentials, seedDemo } from './seed-demo.js';

/** Every row a (re-)seed could add or change, to compare before and after. */
async function footprint(t: TestApp) {
  const tables = [
    'users',
    'organizations',
    'directory_entries',
    'reports',
    'cases',
    'events',
    'audit_log',
    'mail_messages',
    'report_messages',
    'coordination_cases',
    'coordination_vulnerabilities',
    'coordination_parties',
    'coordination_statuses',
    'coordination_schedule_proposals',
    'coordination_contact_attempts',
    'website_cases',
    'website_notices',
    'settings',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const r = await t.ctx.db
      .selectFrom(table as 'events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  const states = await t.ctx.db.selectFrom('reports').select(['id', 'state']).orderBy('id').execute();
  const parties = await t.ctx.db
    .selectFrom('coordination_parties')
    .select(['id', 'notified_at', 'acknowledged_at'])
    .orderBy('id')
    .execute();
  const website = await t.ctx.db.selectFrom('website_cases').selectAll().orderBy('case_id').execute();
  return { counts: out, rows: JSON.stringify({ states, parties, website }) };
}

const orgOf = async (t: TestApp, email: string) =>
  (
    await t.ctx.db
      .selectFrom('users')
      .select('organization_id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).organization_id as string;

/** The reports and cases of the sample advisories (seed-advisories-demo.test.ts looks at those). */
async function samples(t: TestApp) {
  const rows = await t.ctx.db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where((eb) =>
      eb.or([eb('key', 'like', 'demo.sample-report:%'), eb('key', 'like', 'publication.sample-case:%')]),
    )
    .execute();
  const value = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as { reportId?: string };
  return {
    reports: rows.flatMap((r) => (r.key.startsWith('demo.') ? [value(r.value).reportId as string] : [])),
    cases: rows.flatMap((r) => (r.key.startsWith('publication.') ? [r.key.split(':')[1] as string] : [])),
  };
}

/** The demo's cases as the seed left them (not the sample advisories' cases). */
async function demoCases(t: TestApp) {
  const sampleCases = (await samples(t)).cases;
  const cases = (
    await t.ctx.db
      .selectFrom('cases')
      .select(['id', 'reference', 'track', 'report_id', 'state'])
      .orderBy('handed_over_at')
      .execute()
  ).filter((c) => !sampleCases.includes(c.id));
  const product = cases.find((c) => c.track === 'software');
  const website = cases.find((c) => c.track === 'website');
  const parties = product
    ? await t.ctx.db
        .selectFrom('coordination_parties')
        .selectAll()
        .where('case_id', '=', product.id)
        .orderBy('added_at')
        .execute()
    : [];
  return { cases, product, website, parties };
}

describe('the demo seed', () => {
  let t: TestApp;
  let creds: DemoCredential[];
  before(async () => {
    t = await startTestApp();
    const first = await seedDemo(t.ctx);
    assert.ok(first, 'the first seed returns credentials');
    creds = first;
  });
  after(() => t.close());

  it('seeds only once: a second call returns null and adds or changes nothing, cases included', async () => {
    const before = await footprint(t);
    assert.equal(await seedDemo(t.ctx), null);
    assert.deepEqual(await footprint(t), before);
    t.clock.advance(60_000); // and a later start changes nothing either
    assert.equal(await seedDemo(t.ctx), null);
    assert.deepEqual(await footprint(t), before);
  });

  it('opens a product case from the demo finder’s report, accepted by the demo reception handler', async () => {
    const { product } = await demoCases(t);
    assert.ok(product, 'a product case');
    assert.equal(product.state, 'open');
    const report = await t.ctx.db
      .selectFrom('reports')
      .innerJoin('users', 'users.id', 'reports.finder_user_id')
      .select(['reports.state', 'reports.source', 'users.email'])
      .where('reports.id', '=', product.report_id!)
      .executeTakeFirstOrThrow();
    assert.deepEqual(report, { state: 'accepted', source: 'form', email: DEMO_PEOPLE.finder });
    const accepted = await t.ctx.db
      .selectFrom('events')
      .innerJoin('users', 'users.id', 'events.actor_user_id')
      .select('users.email')
      .where('events.stream_id', '=', product.report_id!)
      .where('events.type', '=', 'report.accepted')
      .executeTakeFirstOrThrow();
    assert.equal(accepted.email, DEMO_PEOPLE.receptionHandler);
    const affected = await affectedOfReports(t.ctx, [product.report_id!]);
    assert.match(affected.get(product.report_id!) ?? '', /^【デモ】/);
  });

  it('coordinates it as the demo lead: one marked vulnerability, Developers A and B added and notified', async () => {
    const { product, parties } = await demoCases(t);
    const vulnerabilities = await t.ctx.db
      .selectFrom('coordination_vulnerabilities')
      .selectAll()
      .where('case_id', '=', product!.id)
      .execute();
    assert.equal(vulnerabilities.length, 1);
    const v = vulnerabilities[0]!;
    assert.match(v.title_ja, /^【デモ】/);
    assert.match(v.title_en, /^\[Demo\]/);
    assert.equal(v.cwe_id, 'CWE-79');
    assert.match(v.cvss31_vector ?? '', /^CVSS:3\.1\//);
    assert.ok(v.cvss31_score !== null);
    const lead = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', DEMO_PEOPLE.coordinationLead)
      .executeTakeFirstOrThrow();
    assert.equal(v.created_by, lead.id);

    const a = await orgOf(t, DEMO_PEOPLE.developerA);
    const b = await orgOf(t, DEMO_PEOPLE.developerB);
    assert.deepEqual(parties.map((p) => p.organization_id).sort(), [a, b].sort());
    assert.ok(
      parties.every((p) => p.notified_at !== null && p.removed_at === null && p.added_by === lead.id),
    );
    const mail = await t.ctx.db
      .selectFrom('mail_messages')
      .select('to_address')
      .where('related_id', '=', product!.id)
      .where('template', 'like', 'coordination.mail.notified%')
      .execute();
    // every address of each contact window (Developer A has two)
    assert.deepEqual(mail.map((m) => m.to_address).sort(), [
      'psirt@vendor-a.demo.keikai.test',
      'security@vendor-b.demo.keikai.test',
      'support@vendor-a.demo.keikai.test',
    ]);
    const cc = await t.ctx.db
      .selectFrom('coordination_cases')
      .select(['start_date', 'target_date', 'product_category'])
      .where('case_id', '=', product!.id)
      .executeTakeFirstOrThrow();
    assert.ok(cc.start_date && cc.target_date, 'the clock started with the first notification');
    assert.equal(cc.product_category, 'iot');
  });

  it('has Developer A acknowledge and say, as its org_admin in the portal, that it is affected', async () => {
    const { parties } = await demoCases(t);
    const a = await orgOf(t, DEMO_PEOPLE.developerA);
    const partyA = parties.find((p) => p.organization_id === a)!;
    const partyB = parties.find((p) => p.organization_id !== a)!;
    const userA = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', DEMO_PEOPLE.developerA)
      .executeTakeFirstOrThrow();
    assert.equal(partyA.acknowledged_by, userA.id);
    assert.ok(partyA.acknowledged_at);
    assert.equal(partyB.acknowledged_at, null, 'Developer B has not answered yet');
    const statuses = await t.ctx.db.selectFrom('coordination_statuses').selectAll().execute();
    assert.equal(statuses.length, 1);
    const s = statuses[0]!;
    assert.equal(s.party_id, partyA.id);
    assert.equal(s.status, 'affected');
    assert.equal(s.updated_by, userA.id);
    assert.match(
      openStatement(t.ctx.secrets, s.party_id, s.vulnerability_id, s.statement_enc) ?? '',
      /^【デモ】/,
    );
  });

  it('proposes a publication moment about 40 days ahead, 10:00 Japan time, to both developers', async () => {
    const { product } = await demoCases(t);
    const proposals = await t.ctx.db
      .selectFrom('coordination_schedule_proposals')
      .selectAll()
      .where('case_id', '=', product!.id)
      .execute();
    assert.equal(proposals.length, 1);
    const p = proposals[0]!;
    assert.equal(p.state, 'proposed');
    assert.equal(p.proposed_by, 'coordinator');
    assert.equal(p.entered_time_zone, 'Asia/Tokyo');
    const days = (p.publish_at.getTime() - t.clock.now().getTime()) / 86_400_000;
    assert.ok(days > 39 && days < 46, `${days} days ahead`);
    assert.equal(
      new Date(p.publish_at.getTime() + 9 * 3_600_000).toISOString().slice(0, 16),
      demoPublicationMoment(p.created_at),
    );
    const told = await t.ctx.db
      .selectFrom('mail_messages')
      .select('to_address')
      .where('related_id', '=', product!.id)
      .where('template', 'like', 'coordination.mail.scheduleProposed%')
      .execute();
    assert.equal(told.length, 3, 'both developers, at every address of their contact windows');
  });

  it('opens a website case with the demo operator as contact and sends it the first notice', async () => {
    const { website } = await demoCases(t);
    assert.ok(website, 'a website case');
    const w = await t.ctx.db
      .selectFrom('website_cases')
      .selectAll()
      .where('case_id', '=', website.id)
      .executeTakeFirstOrThrow();
    assert.equal(w.operator_organization_id, await orgOf(t, DEMO_PEOPLE.operator));
    assert.equal(w.contact_source, 'directory');
    assert.equal(w.stage, 'contact_requested');
    assert.ok(w.first_notice_at);
    const notices = await t.ctx.db
      .selectFrom('website_notices')
      .select(['kind', 'to_address'])
      .where('case_id', '=', website.id)
      .execute();
    assert.deepEqual(notices, [{ kind: 'contact_request', to_address: DEMO_PEOPLE.operator }]);
    const domain = await t.ctx.db
      .selectFrom('directory_domains')
      .select('organization_id')
      .where('domain', '=', DEMO_WEBSITE_DOMAIN)
      .executeTakeFirstOrThrow();
    assert.equal(domain.organization_id, w.operator_organization_id);
    const site = (await affectedOfReports(t.ctx, [website.report_id!])).get(website.report_id!) ?? '';
    assert.ok(site.includes(DEMO_WEBSITE_DOMAIN), site);
  });

  it('leaves one more software report in the reception queue, submitted and undecided', async () => {
    const sampleReports = (await samples(t)).reports;
    const reports = (
      await t.ctx.db
        .selectFrom('reports')
        .select(['id', 'state', 'track', 'decided_at'])
        .orderBy('submitted_at')
        .orderBy('tracking_number')
        .execute()
    ).filter((r) => !sampleReports.includes(r.id));
    assert.deepEqual(
      reports.map((r) => [r.track, r.state]),
      [
        ['software', 'accepted'],
        ['website', 'accepted'],
        ['software', 'submitted'],
      ],
    );
    const queued = reports[2]!;
    assert.equal(queued.decided_at, null);
    const cases = await t.ctx.db
      .selectFrom('cases')
      .select('id')
      .where('report_id', '=', queued.id)
      .execute();
    assert.equal(cases.length, 0);
    assert.match((await affectedOfReports(t.ctx, [queued.id])).get(queued.id) ?? '', /^【デモ】/);
  });

  it('sends mail only to the outbox and to demo addresses', async () => {
    const mail = await t.ctx.db.selectFrom('mail_messages').select(['to_address', 'status']).execute();
    assert.ok(mail.length > 0);
    assert.ok(
      mail.every((m) => m.to_address.endsWith('demo.keikai.test')),
      JSON.stringify(mail),
    );
  });

  it('creates the five demo organizations, one of each kind of party', async () => {
    const orgs = await t.ctx.db
      .selectFrom('organizations')
      .select(['type', 'name_en', 'name_ja', 'sector'])
      .orderBy('name_en')
      .execute();
    assert.deepEqual(
      orgs.map((o) => [o.name_en, o.type]),
      [
        ['Demo Coordination Body', 'coordination_body'],
        ['Demo Developer A Inc.', 'product_developer'],
        ['Demo Developer B LLC', 'product_developer'],
        ['Demo Reception Body', 'reception_body'],
        ['Demo Website Operator', 'website_operator'],
      ],
    );
    assert.ok(orgs.every((o) => o.name_ja.length > 0 && o.sector === null));
  });

  it('creates eight users with the roles described, each in the right organization', async () => {
    const users = await t.ctx.db
      .selectFrom('users')
      .leftJoin('organizations', 'organizations.id', 'users.organization_id')
      .select(['users.email', 'users.role', 'organizations.name_en as org'])
      .orderBy('users.email')
      .execute();
    assert.deepEqual(
      users.map((u) => [u.email, u.role, u.org]),
      [
        ['admin@reception.demo.keikai.test', 'admin', 'Demo Reception Body'],
        ['coordinator@coordination.demo.keikai.test', 'handler', 'Demo Coordination Body'],
        ['finder@demo.keikai.test', 'finder', null],
        ['handler@reception.demo.keikai.test', 'handler', 'Demo Reception Body'],
        ['lead@coordination.demo.keikai.test', 'lead', 'Demo Coordination Body'],
        ['psirt@vendor-a.demo.keikai.test', 'org_admin', 'Demo Developer A Inc.'],
        ['security@vendor-b.demo.keikai.test', 'org_admin', 'Demo Developer B LLC'],
        ['webmaster@operator.demo.keikai.test', 'org_admin', 'Demo Website Operator'],
      ],
    );
    assert.equal(creds.length, 8);
    assert.deepEqual(creds.map((c) => c.email).sort(), users.map((u) => u.email).sort());
  });

  it('returns a distinct password per account that is long enough and actually works', async () => {
    assert.equal(new Set(creds.map((c) => c.password)).size, creds.length);
    for (const c of creds) {
      assert.ok(c.password.length >= PASSWORD_MIN_LENGTH, `${c.email}: ${c.password.length} characters`);
      const row = await t.ctx.db
        .selectFrom('users')
        .select('password_hash')
        .where('email', '=', c.email)
        .executeTakeFirstOrThrow();
      assert.ok(row.password_hash?.startsWith('$argon2id$'), 'stored as an argon2id hash');
      assert.equal(await verifyPassword(row.password_hash, c.password), true, c.email);
    }
  });

  it('flags exactly the staff accounts as needing MFA, as the login will require', async () => {
    const users = await t.ctx.db
      .selectFrom('users')
      .leftJoin('organizations', 'organizations.id', 'users.organization_id')
      .select(['users.email', 'users.role', 'organizations.type'])
      .execute();
    for (const c of creds) {
      const u = users.find((x) => x.email === c.email)!;
      assert.equal(c.mfa, requiresMfa(u.role, u.type), c.email);
    }
    assert.deepEqual(
      creds
        .filter((c) => c.mfa)
        .map((c) => c.role)
        .sort(),
      ['admin', 'handler', 'handler', 'lead'],
    );
  });

  it('records that it seeded, and writes who created each account to the audit trail', async () => {
    const setting = await t.ctx.db
      .selectFrom('settings')
      .select('key')
      .where('key', '=', 'demo.seeded')
      .execute();
    assert.equal(setting.length, 1);
    const created = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_label'])
      .where('action', '=', 'user.created')
      .execute();
    assert.equal(created.length, 8);
    assert.ok(created.every((r) => r.actor_label.includes('seed-demo')));
  });

  it('prints one line per account with its password, marking the MFA ones', () => {
    const text = formatCredentials(creds);
    for (const c of creds) {
      const line = text.split('\n').find((l) => l.includes(c.email));
      assert.ok(line?.includes(c.password), c.email);
      assert.equal(line?.includes(', MFA'), c.mfa, c.email);
    }
  });

  it('gives no sample cases to a demo seeded before they existed (its finder’s reports are its own)', async () => {
    await t.ctx.db.deleteFrom('settings').where('key', 'in', [CASES_SEEDED, CASES_STARTED]).execute();
    const before = await footprint(t);
    assert.equal(await seedDemo(t.ctx), null);
    assert.deepEqual(await footprint(t), before);
  });
});

describe('an interrupted demo seed', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('carries on where it stopped instead of failing on the accounts already made', async () => {
    const { createOrganization } = await import('../admin/create-organization.js');
    const { createUser } = await import('../accounts/create-user.js');
    const system = { kind: 'system' as const, label: 'test' };
    // the first run made the reception body and its admin, then stopped
    const { organizationId } = await createOrganization(t.ctx, system, {
      type: 'reception_body',
      nameJa: 'デモ受付機関',
      nameEn: 'Demo Reception Body',
    });
    await createUser(t.ctx, system, {
      email: 'admin@reception.demo.keikai.test',
      displayName: 'x',
      organizationId,
      role: 'admin',
    });
    // … and Developer B with a directory entry whose OpenPGP key cannot encrypt, so notifying it fails below
    const b = await createOrganization(t.ctx, system, {
      type: 'product_developer',
      nameJa: 'デモ製品開発者B合同会社',
      nameEn: 'Demo Developer B LLC',
    });
    await t.ctx.db
      .insertInto('directory_entries')
      .values({
        organization_id: b.organizationId,
        emails: [DEMO_PEOPLE.developerB],
        pgp_public_key:
          '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot a key\n-----END PGP PUBLIC KEY BLOCK-----',
        updated_at: t.clock.now(),
      })
      .execute();
    const creds = await seedDemo(t.ctx);
    assert.ok(creds, 'the accounts are returned even though the cases could not all be made');
    assert.equal(creds.length, 8);
    assert.match(creds.find((c) => c.email.startsWith('admin@'))!.password, /created earlier/);
    const orgs = await t.ctx.db.selectFrom('organizations').select('id').execute();
    assert.equal(orgs.length, 5);
    assert.equal(await seedDemo(t.ctx), null);
  });

  it('stops the sample cases where a step failed, and finishes them at the next start without repeating any', async () => {
    const settings = async () =>
      (await t.ctx.db.selectFrom('settings').select('key').where('key', 'like', 'demo.%').execute())
        .map((r) => r.key)
        .filter((k) => !k.startsWith('demo.sample-report:'))
        .sort();
    assert.deepEqual(await settings(), [CASES_STARTED, 'demo.seeded']);
    let { cases, parties } = await demoCases(t);
    assert.equal(cases.length, 1, 'only the product case so far');
    const a = await orgOf(t, DEMO_PEOPLE.developerA);
    assert.deepEqual(
      parties.map((p) => [p.organization_id === a, p.notified_at !== null]).sort(),
      [
        [false, false],
        [true, true],
      ],
      'Developer A notified; B could not be',
    );

    // Developer B's unusable key is removed; the next start finishes the demo
    await t.ctx.db
      .updateTable('directory_entries')
      .set({ pgp_public_key: null })
      .where('organization_id', '=', await orgOf(t, DEMO_PEOPLE.developerB))
      .execute();
    t.clock.advance(60_000);
    assert.equal(await seedDemo(t.ctx), null);
    assert.deepEqual(await settings(), [ADVISORIES_SEEDED, CASES_SEEDED, CASES_STARTED, 'demo.seeded']);
    ({ cases, parties } = await demoCases(t));
    assert.deepEqual(cases.map((c) => c.track).sort(), ['software', 'website']);
    assert.ok(parties.length === 2 && parties.every((p) => p.notified_at !== null));
    const sampleReports = (await samples(t)).reports;
    const reports = (await t.ctx.db.selectFrom('reports').select(['id', 'track', 'state']).execute()).filter(
      (r) => !sampleReports.includes(r.id),
    );
    assert.equal(reports.length, 3, 'no report submitted twice');
    assert.equal(reports.filter((r) => r.state === 'submitted').length, 1);
    const count = async (
      table: 'coordination_vulnerabilities' | 'coordination_statuses' | 'website_notices',
    ) =>
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    assert.equal(Number(await count('coordination_vulnerabilities')), 1);
    assert.equal(Number(await count('coordination_statuses')), 1);
    assert.equal(Number(await count('website_notices')), 1);
    const acks = await t.ctx.db
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'coordination.party-acknowledged')
      .where('stream_id', 'not in', (await samples(t)).cases)
      .execute();
    assert.equal(acks.length, 1, 'Developer A acknowledged once');
  });
});
