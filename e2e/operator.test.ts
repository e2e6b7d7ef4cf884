// The operator's pages in a browser beyond the website-track walk (e2e/website.test.ts): a completion report that
// reports a personal-data leak leads to the publication helper, whose draft is saved and previewed in Japanese
// and English; an operator's member signs in and finds the case from the nav link; a link opened from another
// site waits for a button press on this one. axe checks each page, and nothing the operator reads names the finder.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { notifiedWebsiteCase } from '../src/features/operator/testing.js';
import { makeCast } from '../src/features/screening/testing.js';
import { makeOrganization, makeUser } from '../src/testing/app.js';
import { browserSuite, clickAndLoad, expectAccessible, textOf } from './harness.js';
import { pathOf, submitForm, T } from './intake-helpers.js';

const FINDER = { name: '雷電 凪沙', email: 'nagisa.raiden.qwxz@finder.example.org' };

describe('the operator’s leak publication helper and account list in a browser', () => {
  const e2e = browserSuite();

  e2e.test(
    'a link holder reports a leak, drafts the publication and previews it; a member lists the case',
    async ({ app, page, newContext }) => {
      const cast = await makeCast(app);
      const org = await makeOrganization(app.ctx, 'website_operator', 'Leaky Shop');
      const member = await makeUser(app.ctx, { organizationId: org, role: 'member' });
      const c = await notifiedWebsiteCase(app, cast, { operatorOrganizationId: org, finder: FINDER });
      const seen: string[] = [];
      const keep = async () => seen.push(await page.content());

      await page.goto(`/operator/link/${c.token}`);
      assert.equal(pathOf(page), `/operator/cases/${c.reference}`);
      await keep();

      await clickAndLoad(page, page.getByRole('link', { name: T.ja('operator.completion.link') }));
      const label = (key: string) => page.getByLabel(T.ja(key), { exact: true });
      await label('operator.completion.actions.fixed').check();
      await label('operator.completion.whatDone').fill('検索機能をプレースホルダ方式に改修しました。');
      await label('operator.completion.causeBasis.design').check();
      await label('operator.completion.causeDetail.input_check_sql').check();
      await page.locator('#damageActual-personal_data_leak').check();
      await label('operator.completion.q2c').fill('氏名、メールアドレス');
      await label('operator.completion.nextContacts.this_address').check();
      await label('operator.completion.nextEmail').fill('privacy@leaky.example.org');
      await label('operator.completion.reporterOrganization').fill('株式会社リーキーショップ');
      await label('operator.completion.reporterName').fill('佐藤 花子');
      assert.equal(await submitForm(page, '#whatDone'), 303);
      assert.equal(pathOf(page), `/operator/cases/${c.reference}/leak`);
      assert.equal(
        await textOf(page.locator('main .notice[role=status]')),
        T.ja('operator.case.notices.completed'),
      );
      assert.equal(await page.locator('#dataKinds').inputValue(), '氏名、メールアドレス');
      await expectAccessible(page, 'leak publication helper');
      await keep();

      await page.locator('#overview').fill('会員情報が第三者に閲覧された可能性があります。');
      await page.locator('#period').fill('2026-09-01〜2026-10-15');
      await page.locator('#peopleCount').fill('約1,200件');
      await page.locator('#cause').fill('検索機能の入力チェックの不備');
      assert.equal(await submitForm(page, '#overview'), 303);
      const preview = await textOf(page.locator('main pre[lang=ja]'));
      assert.match(preview, /3\. 漏えいしたと推察される件数 約1,200件/);
      assert.match(
        await textOf(page.locator('main pre[lang=en]')),
        /Notice of a leak of personal information/,
      );
      await expectAccessible(page, 'leak publication helper with preview');
      await keep();

      const other = await (await newContext()).newPage();
      await other.goto('/login');
      await other.locator('#email').fill(member.email);
      await other.locator('#password').fill(member.password);
      await submitForm(other, '#password');
      await clickAndLoad(other, other.getByRole('link', { name: T.ja('operator.nav.cases') }));
      assert.equal(pathOf(other), '/operator');
      await expectAccessible(other, 'operator case list');
      await clickAndLoad(other, other.getByRole('link', { name: c.reference }));
      assert.equal(pathOf(other), `/operator/cases/${c.reference}`);
      await expectAccessible(other, 'operator case page (account)');
      seen.push(await other.content());

      for (const html of seen) assert.doesNotMatch(html, /雷電|凪沙|nagisa|raiden/i);
    },
  );

  e2e.test(
    'a link opened from another site shows its handling number and opens the case only on a button press here',
    async ({ app, page, url }) => {
      const cast = await makeCast(app);
      const c = await notifiedWebsiteCase(app, cast, { finder: FINDER });
      const link = url(`/operator/link/${c.token}`);
      // a page of another origin (about:blank, as a webmail or an attacker's page would be) links to it
      await page.setContent(`<a href="${link}">open</a>`);
      await clickAndLoad(page, page.getByRole('link', { name: 'open' }));
      assert.equal(pathOf(page), `/operator/link/${c.token}`, 'the landing page, not the case');
      assert.ok((await textOf(page.locator('main'))).includes(c.reference), 'it names the case it opens');
      assert.equal(
        (await page.context().cookies()).some((k) => k.name === 'keikai_operator_link'),
        false,
        'no case cookie yet',
      );
      await expectAccessible(page, 'operator link landing page');
      await clickAndLoad(page, page.getByRole('button', { name: T.ja('operator.landing.open') }));
      assert.equal(pathOf(page), `/operator/cases/${c.reference}`);
      assert.ok((await textOf(page.locator('main'))).includes(T.ja('operator.case.finder.withheld')));
    },
  );
});
