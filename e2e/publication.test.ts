// Publication in a real browser, end to end (issue 5, "How it is checked", first bullet): the product case the
// coordination test leaves (developers notified, statuses set, a publication moment agreed; publication-world.ts)
// is written up by a coordinator in the editor, Japanese and English side by side, and submitted for review; a
// coordination lead (another person, signed in with a second factor) reviews and approves it, which gives it its
// public ID; the coordinator schedules it for the agreed moment; developer A opens the pre-release copy in the
// portal and sees its own name with B masked (and B the other way round). Then the clock passes the moment and the
// publish job runs as the worker would run it, and the advisory is public: found on /advisories by a Japanese word
// of its title, its page in Japanese and English, both feeds, the JSON API, and its CSAF document — listed in the
// provider's index.txt, valid by the validator's mandatory tests, its .asc signature verifying with the provider's
// key. The finder's mail names the public ID, and each developer gets its mail in its language. axe checks the
// editor, the review page and the public advisory page.
//
// The steps share one server, mail catcher, clock and browser, and run in order.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import * as openpgp from 'openpgp';
import type { Page } from 'playwright-core';
import { advisorySlug } from '../src/domain/advisory-document.js';
import { validateCsaf } from '../src/exports/csaf-validate.js';
import { publishDueJob } from '../src/features/publication/jobs/publish-due-job.js';
import {
  errorsOn,
  everythingOn,
  expectNone,
  noticeOf,
  passwordLogIn,
  pathOf,
  START,
} from './coordination-world.js';
import { clickAndLoad, expectAccessible, stepSuite, switchLanguage, textOf } from './harness.js';
import { staffLogIn, T } from './intake-helpers.js';
import {
  AGREED,
  DEVS,
  FINDER,
  FINDER_SECRETS,
  type PublicationCase,
  PublicationWorld,
  post,
  VULN,
} from './publication-world.js';

const staffT = T.ja;

/** What the coordinator writes: distinctive enough to be found on every public surface. */
const WRITTEN = {
  titleJa: '陽炎ルーター WR-3000 の管理画面における格納型クロスサイト・スクリプティングの脆弱性',
  titleEn: 'Kagerou Router WR-3000: stored cross-site scripting in the admin console',
  searchJa: '管理画面',
  overviewJa:
    '陽炎ネットワークス株式会社が提供する陽炎ルーター WR-3000 には、格納型 XSS の脆弱性が存在します。',
  overviewEn: 'Kagerou Router WR-3000 provided by Kagerou Networks K.K. has a stored XSS vulnerability.',
  impactJa: '管理者のブラウザ上で任意のスクリプトが実行される可能性があります。',
  impactEn: 'An arbitrary script may run in the administrator’s browser.',
  solutionJa: 'ファームウェアを 2.3.9 以降に更新してください。',
  solutionEn: 'Update the firmware to 2.3.9 or later.',
  cvss31: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N',
  purl: 'pkg:generic/kagerou/wr-3000-firmware',
  versionsJa: '2.3.0 から 2.3.8 まで',
  versionsEn: '2.3.0 through 2.3.8',
  refUrl: 'https://www.kagerou.example/security/2027-001',
  refTitle: 'Kagerou Networks security notice 2027-001',
};

describe('publishing an advisory in a browser', () => {
  const world = new PublicationWorld();
  const { step } = stepSuite(world);
  let k: PublicationCase;
  let coordinator: Page;
  let lead: Page;
  let publicId = '';
  let slug = '';
  const editor = () => `/coordination/cases/${encodeURIComponent(k.reference)}/advisory`;
  /** a form of the editor's page by where it posts */
  const formTo = (page: Page, path: string) =>
    page.locator(`main form[action="${editor()}${path}"]`).getByRole('button');
  const abs = (path: string) => new URL(path, world.baseUrl).toString();
  async function fetched(path: string): Promise<{ status: number; body: string; type: string }> {
    const res = await fetch(abs(path), { redirect: 'manual' });
    return { status: res.status, body: await res.text(), type: res.headers.get('content-type') ?? '' };
  }

  step('the coordination case is ready: developers notified, statuses set, a moment agreed', async () => {
    // the world starts on the coordination test's clock
    assert.equal(world.app.clock.now().toISOString(), START);
    k = await world.buildCase();
  });

  step(
    'a coordinator creates the advisory and writes it up in Japanese and English side by side',
    async (t) => {
      coordinator = await world.newPage();
      await staffLogIn(coordinator, world.app, k.coordinator.email, k.coordinator.password);
      await coordinator.goto(editor());
      assert.equal(await post(coordinator, formTo(coordinator, '/create')), 303, 'the advisory is created');
      assert.equal(await noticeOf(coordinator), staffT('advisories.page.notices.created'));
      const form = coordinator.locator('form#editor');
      // prefilled from the case: the vulnerability, its CVE ID, both developers and their statuses
      assert.equal(await form.locator('[name="vuln.0.cve"]').inputValue(), VULN.cve);
      assert.equal(await form.locator('[name="vuln.0.cvss31"]').inputValue(), VULN.cvss31);
      assert.equal(await form.locator('[name="product.0.nameJa"]').inputValue(), DEVS.A.productJa);
      const statusFields = await form.locator('select[name^="status."][name$=".1.value"]').all();
      assert.equal(statusFields.length, 2, 'a status for each developer');
      await expectAccessible(coordinator, 'the advisory editor');

      const fill = (name: string, value: string) => form.locator(`[name="${name}"]`).fill(value);
      await fill('title.ja', WRITTEN.titleJa);
      await fill('title.en', WRITTEN.titleEn);
      await fill('overview.ja', WRITTEN.overviewJa);
      await fill('overview.en', WRITTEN.overviewEn);
      await fill('impact.ja', WRITTEN.impactJa);
      await fill('impact.en', WRITTEN.impactEn);
      await fill('solution.ja', WRITTEN.solutionJa);
      await fill('solution.en', WRITTEN.solutionEn);
      await fill('vuln.0.cvss31', WRITTEN.cvss31);
      await fill('product.0.versionsJa', WRITTEN.versionsJa);
      await fill('product.0.versionsEn', WRITTEN.versionsEn);
      await fill('product.0.fixedVersion', '2.3.9');
      // an invalid purl is refused with the error at the field, and what was typed is kept
      await fill('product.0.purl', 'not a purl');
      await form.locator('[name="ref.0.kind"]').selectOption('vendor');
      await fill('ref.0.title', WRITTEN.refTitle);
      await fill('ref.0.url', WRITTEN.refUrl);
      const save = () =>
        coordinator.locator('form#editor').getByRole('button', { name: staffT('advisories.form.save') });
      assert.equal(await post(coordinator, save()), 400, 'an invalid purl is refused');
      const again = coordinator.locator('form#editor');
      assert.equal(await again.locator('[name="product.0.purl"]').getAttribute('aria-invalid'), 'true');
      assert.ok((await errorsOn(coordinator)).length > 0, 'the error summary names it');
      assert.equal(
        await again.locator('[name="title.ja"]').inputValue(),
        WRITTEN.titleJa,
        'the title is kept',
      );
      await again.locator('[name="product.0.purl"]').fill(WRITTEN.purl);
      // the statuses: A fixed, B not affected (as the developers said)
      for (const field of await again.locator('select[name^="status."][name$=".1.value"]').all()) {
        const name = (await field.getAttribute('name')) as string;
        const legend = await textOf(
          again
            .locator('fieldset', { has: coordinator.locator(`[name="${name}"]`) })
            .locator('legend')
            .first(),
        );
        await field.selectOption(legend.includes(DEVS.A.nameJa) ? 'fixed' : 'not_affected');
      }
      const saved = await post(coordinator, save());
      assert.equal(saved, 303, `the copy is saved (HTTP ${saved}: ${await errorsOn(coordinator)})`);
      assert.equal(await noticeOf(coordinator), staffT('advisories.page.notices.saved'));

      assert.equal(await post(coordinator, formTo(coordinator, '/submit')), 303, 'submitted for review');
      assert.equal(await noticeOf(coordinator), staffT('advisories.page.notices.submitted'));
      await expectAccessible(coordinator, 'the advisory editor, in review');
      expectNone(await everythingOn(coordinator), [FINDER.name, FINDER.email], 'the editor (no consent)');
      t.diagnostic(`case ${k.reference}`);
    },
  );

  step(
    'a coordination lead reviews both languages and approves; the advisory gets its public ID',
    async (t) => {
      lead = await world.newPage();
      await staffLogIn(lead, world.app, k.lead.email, k.lead.password);
      await lead.goto(`${editor()}/review`);
      const review = await textOf(lead.locator('main'));
      for (const text of [
        WRITTEN.titleJa,
        WRITTEN.titleEn,
        WRITTEN.overviewJa,
        WRITTEN.overviewEn,
        WRITTEN.purl,
      ]) {
        assert.ok(review.includes(text), `the review shows ${text}`);
      }
      await expectAccessible(lead, 'the review page');
      const began = Date.now();
      assert.equal(await post(lead, formTo(lead, '/approve')), 303, 'approved');
      t.diagnostic(`approval and the page after it: ${Date.now() - began} ms`);
      assert.equal(await noticeOf(lead), staffT('advisories.page.notices.approved'));
      const row = await world.app.ctx.db
        .selectFrom('advisories')
        .select(['public_id', 'state', 'approved_by'])
        .where('case_id', '=', k.caseId)
        .executeTakeFirstOrThrow();
      assert.equal(row.state, 'approved');
      assert.equal(row.approved_by, k.lead.userId);
      assert.match(row.public_id ?? '', /^JVNVU#\d{8}$/, 'two developers: a JVNVU# ID');
      publicId = row.public_id as string;
      slug = advisorySlug(publicId);
      assert.ok((await textOf(lead.locator('main'))).includes(publicId), 'the page shows the public ID');
    },
  );

  step('the coordinator schedules it for the agreed moment', async () => {
    await coordinator.goto(editor());
    assert.equal(await post(coordinator, formTo(coordinator, '/schedule')), 303, 'scheduled');
    assert.equal(await noticeOf(coordinator), staffT('advisories.page.notices.scheduled'));
    assert.ok((await textOf(coordinator.locator('main'))).includes('2027-02-02'), 'the moment is shown');
    const row = await world.app.ctx.db
      .selectFrom('advisories')
      .select(['state', 'scheduled_for'])
      .where('case_id', '=', k.caseId)
      .executeTakeFirstOrThrow();
    assert.deepEqual([row.state, row.scheduled_for?.toISOString()], ['scheduled', AGREED.instant]);
    // nothing public yet
    assert.equal((await fetched(`/advisories/${slug}`)).status, 404);
    assert.equal((await fetched(`/api/v1/advisories/${slug}`)).status, 404);
    assert.ok(!(await fetched('/feeds/atom.xml')).body.includes(publicId));
  });

  step('each developer opens the pre-release copy: its own name, the other developer masked', async () => {
    const checks = [
      {
        key: 'A' as const,
        own: DEVS.A.nameJa,
        other: [DEVS.B.nameJa, DEVS.B.nameEn],
        masked: '他の開発者（1）',
      },
      {
        key: 'B' as const,
        own: DEVS.B.nameEn,
        other: [DEVS.A.nameJa, DEVS.A.nameEn, DEVS.A.productJa, DEVS.A.productEn],
        masked: 'Another developer (1)',
      },
    ];
    for (const c of checks) {
      const page = await world.newPage(c.key === 'B' ? { locale: 'en-US' } : {});
      const account = k.devs[c.key];
      await passwordLogIn(page, account.email, account.password);
      const res = await page.goto(`/portal/cases/${encodeURIComponent(k.reference)}/advisory`);
      assert.equal(res?.status(), 200, `${c.key} opens the pre-release copy`);
      const text = await textOf(page.locator('main'));
      assert.ok(text.includes(c.own), `${c.key} sees its own name: ${text.slice(0, 400)}`);
      assert.ok(text.includes(c.masked), `${c.key} sees the other developer masked`);
      expectNone(await everythingOn(page), [...c.other, ...FINDER_SECRETS], `${c.key}'s pre-release copy`);
      assert.equal(pathOf(page), `/portal/cases/${k.reference}/advisory`);
    }
  });

  step('the clock passes the agreed moment and the publish job runs', async () => {
    world.app.clock.set(new Date(Date.parse(AGREED.instant) + 60_000));
    // as the worker runs it every minute (the payload is ignored)
    await publishDueJob(world.app.ctx).run({}, { attempt: 1, finalAttempt: false });
    const row = await world.app.ctx.db
      .selectFrom('public_advisories')
      .select(['id', 'revision', 'first_published_at'])
      .where('id', '=', publicId)
      .executeTakeFirstOrThrow();
    assert.equal(row.revision, 1);
    assert.equal(row.first_published_at.toISOString(), AGREED.instant, 'dated at the agreed moment');
  });

  step('a visitor finds it by a Japanese word and reads it in Japanese and English', async () => {
    const page = await world.newPage();
    await page.goto('/advisories');
    await page.getByLabel('キーワード').fill(WRITTEN.searchJa);
    await clickAndLoad(page, page.getByRole('button', { name: '検索', exact: true }));
    assert.match(page.url(), /q=/);
    await clickAndLoad(page, page.getByRole('link', { name: publicId }));
    assert.equal(pathOf(page), `/advisories/${slug}`);
    assert.ok((await textOf(page.locator('h1'))).includes(WRITTEN.titleJa), 'the Japanese title');
    const ja = await textOf(page.locator('main'));
    for (const text of [publicId, WRITTEN.overviewJa, DEVS.A.nameJa, VULN.cve, WRITTEN.purl]) {
      assert.ok(ja.includes(text), `the page shows ${text}`);
    }
    expectNone(await everythingOn(page), FINDER_SECRETS, 'the public advisory');
    await expectAccessible(page, 'the public advisory (ja)');

    await switchLanguage(page, 'English');
    assert.ok((await textOf(page.locator('h1'))).includes(WRITTEN.titleEn), 'the English title');
    assert.ok((await textOf(page.locator('main'))).includes(WRITTEN.overviewEn), 'the English overview');
    await expectAccessible(page, 'the public advisory (en)');
  });

  step('it is in both feeds and the JSON API', async () => {
    for (const [path, words] of [
      ['/feeds/jvnrss.rdf', [publicId, WRITTEN.titleJa]],
      ['/feeds/jvnrss.rdf?lang=en', [publicId, WRITTEN.titleEn]],
      ['/feeds/atom.xml', [publicId, WRITTEN.titleJa]],
      ['/feeds/atom.xml?lang=en', [publicId, WRITTEN.titleEn.replace('’', '')]],
    ] as const) {
      const r = await fetched(path);
      assert.equal(r.status, 200, path);
      for (const w of words) assert.ok(r.body.includes(w), `${path} has ${w}`);
    }
    const list = await fetched(`/api/v1/advisories?q=${encodeURIComponent(WRITTEN.searchJa)}`);
    assert.equal(list.status, 200);
    assert.ok(list.body.includes(publicId), 'the search API finds it');
    for (const id of [slug, encodeURIComponent(publicId)]) {
      const one = await fetched(`/api/v1/advisories/${id}`);
      assert.equal(one.status, 200, `/api/v1/advisories/${id}`);
      const json = JSON.parse(one.body) as unknown;
      const text = JSON.stringify(json);
      for (const w of [publicId, WRITTEN.titleJa, WRITTEN.titleEn, VULN.cve]) assert.ok(text.includes(w), w);
    }
  });

  step('its CSAF document is listed, valid and signed', async () => {
    const index = await fetched('/.well-known/csaf/white/index.txt');
    const line = index.body
      .split('\n')
      .find((l) => l.includes(slug.toLowerCase().replace(/^jvnvu/, 'jvnvu_')));
    assert.ok(line, `index.txt lists the document: ${index.body}`);
    assert.match(line, /^2027\//, 'in the year of its publication');
    const path = `/.well-known/csaf/white/${line.trim()}`;
    const file = await fetch(abs(path));
    assert.equal(file.status, 200);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const doc = JSON.parse(new TextDecoder().decode(bytes)) as { document: { tracking: { id: string } } };
    assert.equal(doc.document.tracking.id, publicId);
    const validation = await validateCsaf(doc);
    assert.deepEqual(validation.errors, [], 'the CSAF document passes the mandatory tests');
    assert.equal(validation.valid, true);

    const metadata = JSON.parse((await fetched('/.well-known/csaf/provider-metadata.json')).body) as {
      public_openpgp_keys: { url: string; fingerprint: string }[];
    };
    const keyUrl = new URL(metadata.public_openpgp_keys[0]!.url);
    const key = await fetched(keyUrl.pathname);
    assert.equal(key.status, 200);
    const publicKey = await openpgp.readKey({ armoredKey: key.body });
    const asc = await fetched(`${path}.asc`);
    assert.equal(asc.status, 200);
    const verification = await openpgp.verify({
      message: await openpgp.createMessage({ binary: bytes }),
      signature: await openpgp.readSignature({ armoredSignature: asc.body }),
      verificationKeys: publicKey,
    });
    await verification.signatures[0]!.verified; // throws when the signature does not verify
  });

  step('the finder and the developers are mailed about the publication, each in its language', async () => {
    const url = `${world.baseUrl}/advisories/${slug}`;
    const finderSubject = T.ja('publication.mail.published.finder.subject', {
      trackingNumber: k.reference,
      advisoryId: publicId,
    });
    const finder = await world.mail.waitFor(FINDER.email, finderSubject, 60_000);
    assert.ok(finder.text?.includes(publicId), 'the finder’s mail names the public ID');
    assert.ok(finder.text?.includes(url), 'and links to the advisory');
    assert.equal((await world.mail.all(FINDER.email, finderSubject)).length, 1, 'once');
    for (const key of ['A', 'B'] as const) {
      const d = DEVS[key];
      const subject = T[d.locale]('publication.mail.published.developer.subject', {
        reference: k.reference,
        advisoryId: publicId,
      });
      const mail = await world.mail.waitFor(d.window, subject, 60_000);
      assert.equal(mail.language, d.locale, `${key}'s mail is in ${d.locale}`);
      assert.ok(mail.text?.includes(url), `${key}'s mail links to the advisory`);
      assert.ok(
        mail.text?.includes(d.locale === 'ja' ? WRITTEN.titleJa : WRITTEN.titleEn),
        `${key}'s mail has the title in its language`,
      );
      assert.equal((await world.mail.all(d.window, subject)).length, 1, `${key} is mailed once`);
      expectNone(`${mail.subject}\n${mail.text}\n${mail.html ?? ''}`, FINDER_SECRETS, `${key}'s mail`);
    }
  });
});
