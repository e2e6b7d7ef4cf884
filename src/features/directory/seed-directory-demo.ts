// The directory part of the demo (called by the demo seed after it made the demo organizations and users): the
// demo developers' and operator's entries, products, a domain, a group of developers, and one change request
// waiting for the coordination body. Idempotent: an organization that already has an entry is left alone.
// Written as the system (no staff actor exists while seeding), each change with its event and audit entry.
import { audit } from '../../platform/audit.js';
import type { SystemActor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { appendEvent } from '../../platform/events.js';
import type { ContactSnapshot } from './entry-store.js';
import type { OperatorKind, ProductCategory } from './product-category.js';

type DemoEntry = {
  nameEn: string;
  emails: string[];
  phone: string | null;
  languages: ('ja' | 'en')[];
  locale: 'ja' | 'en';
  webUrl: string | null;
  nda: { on: string; version: string } | null;
  operatorKind?: OperatorKind;
  products?: {
    nameJa: string;
    nameEn: string;
    purl: string | null;
    cpe: string | null;
    category: ProductCategory;
  }[];
  domains?: string[];
};

export const DEMO_DIRECTORY: DemoEntry[] = [
  {
    nameEn: 'Demo Developer A Inc.',
    emails: ['psirt@vendor-a.demo.keikai.test', 'support@vendor-a.demo.keikai.test'],
    phone: '03-0000-0001',
    languages: ['ja', 'en'],
    locale: 'ja',
    webUrl: 'https://vendor-a.demo.keikai.test/',
    nda: { on: '2026-04-01', version: 'v2' },
    products: [
      {
        nameJa: 'デモルーター RT-100',
        nameEn: 'Demo Router RT-100',
        purl: null,
        cpe: 'cpe:2.3:h:demo_developer_a:rt-100:-:*:*:*:*:*:*:*',
        category: 'iot',
      },
      {
        nameJa: 'デモ制御装置 PLC-1',
        nameEn: 'Demo Controller PLC-1',
        purl: null,
        cpe: 'cpe:2.3:o:demo_developer_a:plc-1_firmware:1.0:*:*:*:*:*:*:*',
        category: 'ics',
      },
    ],
  },
  {
    nameEn: 'Demo Developer B LLC',
    emails: ['security@vendor-b.demo.keikai.test'],
    phone: null,
    languages: ['en'],
    locale: 'en',
    webUrl: null,
    nda: null,
    products: [
      {
        nameJa: 'デモルーター用ライブラリ',
        nameEn: 'Demo router library',
        purl: 'pkg:npm/demo-router-lib@2.3.0',
        cpe: null,
        category: 'general',
      },
    ],
  },
  {
    nameEn: 'Demo Website Operator',
    emails: ['webmaster@operator.demo.keikai.test'],
    phone: '06-0000-0002',
    languages: ['ja'],
    locale: 'ja',
    webUrl: 'https://shop.demo.keikai.test/',
    nda: null,
    operatorKind: 'company',
    domains: ['shop.demo.keikai.test'],
  },
];

export const DEMO_GROUP = 'ルーター製品開発者 / Router developers';

async function orgByName(db: Database, nameEn: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'type', 'name_ja', 'name_en'])
    .where('name_en', '=', nameEn)
    .where('type', 'in', ['product_developer', 'csirt', 'website_operator'])
    .executeTakeFirst();
}

export async function seedDirectoryDemo(ctx: AppContext): Promise<void> {
  const actor: SystemActor = { kind: 'system', label: 'seed-demo' };
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const developers: string[] = [];
    for (const d of DEMO_DIRECTORY) {
      const org = await orgByName(trx, d.nameEn);
      if (!org) continue;
      if (org.type === 'product_developer') developers.push(org.id);
      const has = await trx
        .selectFrom('directory_entries')
        .select('organization_id')
        .where('organization_id', '=', org.id)
        .executeTakeFirst();
      if (has) continue;
      await trx
        .insertInto('directory_entries')
        .values({
          organization_id: org.id,
          emails: d.emails,
          phone: d.phone,
          languages: d.languages,
          locale: d.locale,
          web_url: d.webUrl,
          nda_signed_on: d.nda?.on ?? null,
          nda_version: d.nda?.version ?? null,
          operator_kind: d.operatorKind ?? null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      for (const p of d.products ?? []) {
        await trx
          .insertInto('directory_products')
          .values({
            organization_id: org.id,
            name_ja: p.nameJa,
            name_en: p.nameEn,
            purl: p.purl,
            cpe: p.cpe,
            category: p.category,
            created_at: now,
          })
          .execute();
      }
      for (const domain of d.domains ?? []) {
        await trx
          .insertInto('directory_domains')
          .values({ organization_id: org.id, domain, created_at: now })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      await appendEvent(trx, {
        streamType: 'organization',
        streamId: org.id,
        type: 'directory.entry-created',
        actorUserId: null,
        data: { demo: true },
        at: now,
      });
      await audit(trx, {
        actor,
        action: 'directory.entry-created',
        subject: { type: 'organization', id: org.id },
      });

      // Developer A asks for a new phone number: a request waiting in the coordination body's queue
      const requester = await trx
        .selectFrom('users')
        .select('id')
        .where('organization_id', '=', org.id)
        .where('role', '=', 'org_admin')
        .where('disabled_at', 'is', null)
        .orderBy('created_at')
        .executeTakeFirst();
      if (d === DEMO_DIRECTORY[0] && requester) {
        const before: ContactSnapshot = {
          nameJa: org.name_ja,
          nameEn: org.name_en,
          emails: d.emails,
          phone: d.phone,
          languages: d.languages,
          locale: d.locale,
          webUrl: d.webUrl,
          pgpPublicKey: null,
          pgpFingerprint: null,
        };
        const proposed = { ...before, phone: '03-0000-0099' };
        const r = await trx
          .insertInto('directory_change_requests')
          .values({
            organization_id: org.id,
            requested_by: requester.id,
            before: JSON.stringify(before),
            proposed: JSON.stringify(proposed),
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendEvent(trx, {
          streamType: 'organization',
          streamId: org.id,
          type: 'directory.change-requested',
          actorUserId: requester.id,
          data: { requestId: r.id, changed: ['phone'], demo: true },
          at: now,
        });
      }
    }
    const group = await trx
      .selectFrom('directory_groups')
      .select('id')
      .where('name', '=', DEMO_GROUP)
      .executeTakeFirst();
    if (!group && developers.length > 0) {
      const g = await trx
        .insertInto('directory_groups')
        .values({ name: DEMO_GROUP, description: null, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const id of developers) {
        await trx
          .insertInto('directory_group_members')
          .values({ group_id: g.id, organization_id: id, added_at: now })
          .execute();
      }
      await appendEvent(trx, {
        streamType: 'directory_group',
        streamId: g.id,
        type: 'directory.group-created',
        actorUserId: null,
        data: { name: DEMO_GROUP, members: developers, demo: true },
        at: now,
      });
      await audit(trx, {
        actor,
        action: 'directory.group-created',
        subject: { type: 'directory_group', id: g.id },
      });
    }
  });
}
