// The demo: one of each kind of party, so a new user can log in and look around right after `npm start`.
// Runs once per database; passwords are random, returned to the caller to print and save (0600), never logged.
// Then the sample cases (seed-cases-demo.ts): a product case under coordination, a website case, a queued report;
// and the sample advisories (seed-advisories-demo.ts), published, so the public database, feeds and CSAF show them.
import type { SystemActor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Role } from '../../platform/db/schema.js';
import { createUser } from '../accounts/create-user.js';
import { createOrganization } from '../admin/create-organization.js';
import { seedDirectoryDemo } from '../directory/seed-directory-demo.js';
import { seedAdvisoriesDemo } from './seed-advisories-demo.js';
import { seedCasesDemo } from './seed-cases-demo.js';

export type DemoCredential = {
  email: string;
  password: string;
  role: Role;
  organization: string;
  mfa: boolean;
};

const SEEDED = 'demo.seeded';

type DemoOrg = {
  key: string;
  type: 'reception_body' | 'coordination_body' | 'product_developer' | 'website_operator';
  nameJa: string;
  nameEn: string;
  users: { email: string; name: string; role: Role }[];
};

const ORGS: DemoOrg[] = [
  {
    key: 'reception',
    type: 'reception_body',
    nameJa: 'デモ受付機関',
    nameEn: 'Demo Reception Body',
    users: [
      { email: 'admin@reception.demo.keikai.test', name: '受付 管理者 / Reception Admin', role: 'admin' },
      {
        email: 'handler@reception.demo.keikai.test',
        name: '受付 担当者 / Reception Handler',
        role: 'handler',
      },
    ],
  },
  {
    key: 'coordination',
    type: 'coordination_body',
    nameJa: 'デモ調整機関',
    nameEn: 'Demo Coordination Body',
    users: [
      { email: 'lead@coordination.demo.keikai.test', name: '調整 責任者 / Coordination Lead', role: 'lead' },
      // writes the sample advisories, which the lead approves (four eyes: never the person who submitted)
      {
        email: 'coordinator@coordination.demo.keikai.test',
        name: '調整 担当者 / Coordinator',
        role: 'handler',
      },
    ],
  },
  {
    key: 'vendor-a',
    type: 'product_developer',
    nameJa: 'デモ製品開発者A株式会社',
    nameEn: 'Demo Developer A Inc.',
    users: [
      {
        email: 'psirt@vendor-a.demo.keikai.test',
        name: '開発者A 窓口 / Developer A PSIRT',
        role: 'org_admin',
      },
    ],
  },
  {
    key: 'vendor-b',
    type: 'product_developer',
    nameJa: 'デモ製品開発者B合同会社',
    nameEn: 'Demo Developer B LLC',
    users: [
      {
        email: 'security@vendor-b.demo.keikai.test',
        name: '開発者B 窓口 / Developer B Security',
        role: 'org_admin',
      },
    ],
  },
  {
    key: 'operator',
    type: 'website_operator',
    nameJa: 'デモウェブサイト運営者',
    nameEn: 'Demo Website Operator',
    users: [
      {
        email: 'webmaster@operator.demo.keikai.test',
        name: 'サイト運営 担当 / Site Operator',
        role: 'org_admin',
      },
    ],
  },
];

const FINDER = { email: 'finder@demo.keikai.test', name: '発見者 デモ / Demo Finder' };

/** Seeds the demo if it has not been seeded; returns the new credentials, or null when it already was. */
export async function seedDemo(ctx: AppContext): Promise<DemoCredential[] | null> {
  const actor: SystemActor = { kind: 'system', label: 'seed-demo' };
  const done = await ctx.db.selectFrom('settings').select('key').where('key', '=', SEEDED).executeTakeFirst();
  if (done) {
    // a run cut short while making the sample cases finishes them at the next start
    await seedCasesSafely(ctx, { onlyIfStarted: true });
    return null;
  }
  // Resumable: a seed cut short (or racing another start) carries on where it stopped instead of failing
  // on the accounts it already made. Accounts made by an earlier, interrupted run keep the password that
  // run printed; they are listed without one here.
  const creds: DemoCredential[] = [];
  for (const org of ORGS) {
    const existing = await ctx.db
      .selectFrom('organizations')
      .select('id')
      .where('type', '=', org.type)
      .where('name_en', '=', org.nameEn)
      .executeTakeFirst();
    const organizationId =
      existing?.id ??
      (await createOrganization(ctx, actor, { type: org.type, nameJa: org.nameJa, nameEn: org.nameEn }))
        .organizationId;
    for (const u of org.users) {
      const staff = org.type === 'reception_body' || org.type === 'coordination_body';
      const password = await createDemoUser(ctx, actor, { ...u, organizationId });
      creds.push({ email: u.email, password, role: u.role, organization: org.nameEn, mfa: staff });
    }
  }
  const finderPassword = await createDemoUser(ctx, actor, {
    email: FINDER.email,
    name: FINDER.name,
    role: 'finder',
    organizationId: null,
  });
  creds.push({
    email: FINDER.email,
    password: finderPassword,
    role: 'finder',
    organization: '-',
    mfa: false,
  });
  // the directory entries of the demo parties: contact windows, products, a domain, a group, a pending request
  await seedDirectoryDemo(ctx);
  await ctx.db
    .insertInto('settings')
    .values({ key: SEEDED, value: JSON.stringify({ at: ctx.clock.now().toISOString() }) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  // after the accounts are recorded as seeded: a failure here must not lose the passwords just made
  await seedCasesSafely(ctx);
  return creds;
}

/**
 * The sample cases, then the sample advisories; a failure is logged (and retried at the next start), never fatal
 * to starting the server.
 */
async function seedCasesSafely(ctx: AppContext, opts: { onlyIfStarted?: boolean } = {}): Promise<void> {
  try {
    if (!(await seedCasesDemo(ctx, opts))) return;
  } catch (err) {
    ctx.log.warn({ err }, 'the demo cases could not be seeded; the next start tries again');
    return;
  }
  try {
    await seedAdvisoriesDemo(ctx);
  } catch (err) {
    ctx.log.warn({ err }, 'the sample advisories could not be seeded; the next start tries again');
  }
}

/** The new account's password, or a note when an earlier run already made it. */
async function createDemoUser(
  ctx: AppContext,
  actor: SystemActor,
  u: { email: string; name: string; role: Role; organizationId: string | null },
): Promise<string> {
  const exists = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', u.email)
    .executeTakeFirst();
  if (exists) return '(created earlier; use "forgot password")';
  const r = await createUser(ctx, actor, {
    email: u.email,
    displayName: u.name,
    organizationId: u.organizationId,
    role: u.role,
  });
  return r.password;
}

export function formatCredentials(creds: DemoCredential[]): string {
  const lines = [
    'keikai demo accounts / デモアカウント (shown once / 一度だけ表示されます)',
    'Staff accounts enrol in TOTP MFA at first login / 職員は初回ログイン時に二要素認証を設定します.',
    '',
  ];
  for (const c of creds) {
    lines.push(
      `${c.role.padEnd(9)} ${c.email.padEnd(42)} ${c.password}   (${c.organization}${c.mfa ? ', MFA' : ''})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
