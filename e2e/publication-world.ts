// The world of the publication browser test (issue 5): the coordination test's world (keikai on loopback at a fixed
// moment on the app's ManualClock, its mail worker delivering to a test SMTP server, one watched Chromium) with the
// product case that test leaves behind, made here through the features' own use cases rather than clicked again:
// a finder's report accepted by the reception body; developers A (Japanese) and B (English) in the directory, each
// with a contact window and a user account, A with a product; a vulnerability with CWE, CVSS 3.1 and a CVE ID; both
// developers added and notified; A has fixed it, B is not affected; a publication moment agreed. The staff who
// write and approve the advisory in the browser — a coordinator (handler) and a coordination lead — have accounts
// but no second factor yet: they set it up on their first login, as staff must.
import assert from 'node:assert/strict';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { addParties } from '../src/features/coordination/add-parties.js';
import { addVulnerability } from '../src/features/coordination/add-vulnerability.js';
import { decideSchedule } from '../src/features/coordination/decide-schedule.js';
import { notifyParty } from '../src/features/coordination/notify-party.js';
import { proposeSchedule } from '../src/features/coordination/propose-schedule.js';
import { partiesOf } from '../src/features/coordination/queries.js';
import { recordPartyStatus } from '../src/features/coordination/record-party-status.js';
import { addProduct } from '../src/features/directory/add-product.js';
import { createDirectoryEntry } from '../src/features/directory/create-directory-entry.js';
import { acceptReport } from '../src/features/screening/accept-report.js';
import { makeOrganization, makeUser } from '../src/testing/app.js';
import { softwareReport, submit } from '../src/testing/reports.js';
import { person } from '../src/testing/world.js';
import { CoordinationWorld } from './coordination-world.js';
import { clickAndLoad } from './harness.js';

/** The finder, unmistakable, so a trace of them anywhere public or in a developer's mail is found. */
export const FINDER = {
  name: '鬼灯 朔夜',
  email: 'sakuya.hozuki.7731@finder-mail.example',
  phone: '+81 90-7731-0042',
  organization: '朔夜セキュリティ研究室',
};
export const FINDER_SECRETS = [FINDER.name, FINDER.email, FINDER.phone, FINDER.organization];

export const DEVS = {
  A: {
    nameJa: '陽炎ネットワークス株式会社',
    nameEn: 'Kagerou Networks K.K.',
    window: 'psirt@kagerou.example',
    locale: 'ja' as const,
    productJa: '陽炎ルーター WR-3000',
    productEn: 'Kagerou Router WR-3000',
  },
  B: {
    nameJa: '北風ソフト合同会社',
    nameEn: 'Kitakaze Soft LLC',
    window: 'security@kitakaze.example',
    locale: 'en' as const,
  },
};

export const VULN = {
  titleJa: 'ルーター管理画面の格納型クロスサイト・スクリプティング',
  titleEn: 'Stored cross-site scripting in the router admin console',
  cwe: 'CWE-79',
  cvss31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
  cve: 'CVE-2027-24680',
};

/** The moment agreed with the developers: 2027-02-02 10:00 JST. */
export const AGREED = { local: '2027-02-02T10:00', instant: '2027-02-02T01:00:00.000Z' };

export type Account = { userId: string; email: string; password: string };

export type PublicationCase = {
  reference: string;
  caseId: string;
  coordinator: Account;
  lead: Account;
  devs: Record<'A' | 'B', Account & { organizationId: string }>;
};

const entry = (d: { nameJa: string; nameEn: string; window: string; locale: 'ja' | 'en' }) => ({
  nameJa: d.nameJa,
  nameEn: d.nameEn,
  emails: [d.window],
  phone: null,
  languages: [d.locale],
  locale: d.locale,
  webUrl: null,
  pgpPublicKey: null,
  ndaSignedOn: null,
  ndaVersion: null,
  notes: null,
  operatorKind: null,
  relayViaOrganizationId: null,
});

export class PublicationWorld extends CoordinationWorld {
  /** A new browser with one page, as the intake world's, with more time per action (the machine is shared). */
  override async newPage(opts: BrowserContextOptions = {}): Promise<Page> {
    const page = await super.newPage(opts);
    page.context().setDefaultTimeout(45_000);
    page.context().setDefaultNavigationTimeout(60_000);
    return page;
  }

  /** The coordination test's product case, as it leaves it (see the file's header). */
  async buildCase(): Promise<PublicationCase> {
    const t = this.app;
    const ctx = t.ctx;
    const receptionOrg = await makeOrganization(ctx, 'reception_body', 'Reception');
    const coordinationOrg = await makeOrganization(ctx, 'coordination_body', 'Coordination');
    const reception = await person(t, receptionOrg, 'reception_body', 'handler');
    // who does the coordination's steps here (not the people of the browser)
    const earlier = await person(t, coordinationOrg, 'coordination_body', 'handler');

    const orgs: Record<'A' | 'B', string> = { A: '', B: '' };
    for (const k of ['A', 'B'] as const) {
      orgs[k] = (
        await createDirectoryEntry(ctx, earlier.actor, { type: 'product_developer', ...entry(DEVS[k]) })
      ).organizationId;
    }
    await addProduct(ctx, earlier.actor, orgs.A, {
      nameJa: DEVS.A.productJa,
      nameEn: DEVS.A.productEn,
      purl: null,
      cpe: null,
      category: 'general',
    });

    const report = await submit(
      t,
      softwareReport({
        productName: DEVS.A.productEn,
        developerName: 'Kagerou',
        finder: FINDER,
        consent: {
          identityToCoordinator: false,
          identityToVendor: false,
          directContact: false,
          publicCredit: false,
        },
      }),
    );
    await acceptReport(ctx, reception.actor, {
      trackingNumber: report.trackingNumber,
      expectedState: 'submitted',
      expectedTrack: 'software',
      message: '受理しました。',
    });
    const reference = report.trackingNumber;
    const c = await ctx.db
      .selectFrom('cases')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    for (const k of ['A', 'B'] as const) {
      t.clock.advance(1000); // the parties keep the order they were added in
      await addParties(ctx, earlier.actor, { reference, organizationId: orgs[k] });
    }
    const parties = await partiesOf(ctx.db, c.id);
    for (const p of parties) await notifyParty(ctx, earlier.actor, { reference, partyId: p.id });
    const { vulnerabilityId } = await addVulnerability(ctx, earlier.actor, {
      reference,
      fields: {
        titleJa: VULN.titleJa,
        titleEn: VULN.titleEn,
        cwe: VULN.cwe,
        cvss31: VULN.cvss31,
        cveId: VULN.cve,
      },
    });
    for (const p of parties) {
      const isA = p.organizationId === orgs.A;
      await recordPartyStatus(ctx, earlier.actor, {
        reference,
        fields: {
          partyId: p.id,
          vulnerabilityId,
          status: isA ? 'fixed' : 'not_affected',
          statement: isA ? 'ファームウェア 2.3.9 で修正しました。' : 'Kitakaze does not ship the component.',
        },
      });
    }
    const { proposalId } = await proposeSchedule(ctx, earlier.actor, {
      reference,
      publishAt: AGREED.local,
      timeZone: 'Asia/Tokyo',
      reason: '',
    });
    const agreed = await decideSchedule(ctx, earlier.actor, {
      reference,
      decision: { kind: 'accept', proposalId },
    });
    assert.equal(agreed.agreedPublicationAt?.toISOString(), AGREED.instant, 'the moment is agreed');

    const coordinator = await makeUser(ctx, { organizationId: coordinationOrg, role: 'handler' });
    const lead = await makeUser(ctx, { organizationId: coordinationOrg, role: 'lead' });
    const devs = {
      A: {
        ...(await makeUser(ctx, {
          organizationId: orgs.A,
          role: 'member',
          email: 'a.user@kagerou.example',
          locale: 'ja',
        })),
        organizationId: orgs.A,
      },
      B: {
        ...(await makeUser(ctx, {
          organizationId: orgs.B,
          role: 'member',
          email: 'b.user@kitakaze.example',
          locale: 'en',
        })),
        organizationId: orgs.B,
      },
    };
    return { reference, caseId: c.id, coordinator, lead, devs };
  }
}

/**
 * Presses a button that posts a form, waits for the page that follows, and returns the HTTP status of the POST
 * (303 when it went through, 400 when refused; 0 when nothing was posted). As coordination-world.ts's press, with
 * room for a slow machine: an approval or a save under load can take longer than that one's 30 seconds.
 */
export async function post(page: Page, button: Locator): Promise<number> {
  const posted = page
    .waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest(), {
      timeout: 120_000,
    })
    .catch(() => null);
  await clickAndLoad(page, button);
  return (await posted)?.status() ?? 0;
}
