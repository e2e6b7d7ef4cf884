// 統計用の分類 on real PostgreSQL (buildWorld: a product case, a website case): the coordination body classifies
// its product case and the reception body its website case, through the pages' forms; each save is one
// 'case.classified' event (and audit entry) the statistics then count in the chosen categories instead of
// 未分類; the wrong people are refused, bad codes and the other track's fields are refused with worded field
// errors and nothing written, saving the same again writes nothing, and the form starts from what the data says.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../platform/errors.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { buildWorld, sessionOf, type World } from '../../testing/world.js';
import { computeReport } from '../statistics/compute-report.js';
import { projectStatisticsFacts } from '../statistics/facts.js';
import {
  CASE_CLASSIFIED,
  classifyCase,
  parseClassification,
  showClassification,
  suggestedOperatorType,
} from './classify-case.js';
import { messages } from './messages.js';

const classifiedEvents = (t: TestApp, caseId: string) =>
  t.ctx.db
    .selectFrom('events')
    .select(['data', 'actor_user_id'])
    .where('stream_type', '=', 'case')
    .where('stream_id', '=', caseId)
    .where('type', '=', CASE_CLASSIFIED)
    .orderBy('id')
    .execute();

const countOf = (b: { cumulative: { category: string; count: number }[] }, category: string) =>
  b.cumulative.find((c) => c.category === category)?.count ?? 0;

const refusedWith = (code: string) => (err: unknown) => err instanceof AppError && err.code === code;

describe('classifying a case for the statistics', () => {
  let t: TestApp;
  let w: World;
  const coordinationPath = () => `/coordination/cases/${encodeURIComponent(w.product.reference)}`;
  const websitePath = () => `/website/cases/${encodeURIComponent(w.website.reference)}`;

  before(async () => {
    t = await startTestApp({ now: '2026-12-01T00:00:00Z' });
    w = await buildWorld(t);
  });
  after(() => t.close());

  it('refuses the wrong people: developers, operators, the finder, and staff of the body that does not work the case', async () => {
    const p = w.people;
    for (const who of [p.devA, p.operator, p.finder, p.csirt, p.reception]) {
      await assert.rejects(
        classifyCase(t.ctx, who.actor, { caseId: w.product.caseId, productType: 'router' }),
        refusedWith('forbidden'),
        `product case, ${who.email}`,
      );
    }
    for (const who of [p.devA, p.operator, p.coordinator]) {
      await assert.rejects(
        classifyCase(t.ctx, who.actor, { caseId: w.website.caseId, threat: 'data_tampering' }),
        refusedWith('forbidden'),
        `website case, ${who.email}`,
      );
    }
    await assert.rejects(
      classifyCase(t.ctx, { kind: 'anonymous' }, { caseId: w.website.caseId, threat: 'data_tampering' }),
      refusedWith('unauthenticated'),
    );
    // through the pages: each body's route is refused to the other body
    const reception = await sessionOf(t, p.reception.userId);
    const coordinator = await sessionOf(t, p.coordinator.userId);
    const operator = await sessionOf(t, p.operator.userId);
    assert.equal(
      (await reception.post(`${coordinationPath()}/classification`, { productType: 'router' })).statusCode,
      403,
    );
    assert.equal(
      (await coordinator.post(`${websitePath()}/classification`, { threat: 'data_tampering' })).statusCode,
      403,
    );
    assert.equal(
      (await operator.post(`${websitePath()}/classification`, { threat: 'data_tampering' })).statusCode,
      403,
    );
    assert.equal((await classifiedEvents(t, w.product.caseId)).length, 0);
    assert.equal((await classifiedEvents(t, w.website.caseId)).length, 0);
  });

  it('refuses unknown codes with field errors in Japanese and English, keeps what was chosen, and writes nothing', async () => {
    const coordinator = await sessionOf(t, w.people.coordinator.userId);
    const res = await coordinator.post(`${coordinationPath()}/classification`, {
      productType: 'toaster',
      cause: 'buffer_overflow',
      oss: 'on',
    });
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /ソフトウェア製品の種類を一覧から選んでください。/);
    // what was chosen is still chosen
    assert.match(res.body, /<option value="buffer_overflow" selected/);
    assert.match(res.body, /id="classification-oss"[^>]*checked/);

    const reception = await sessionOf(t, w.people.reception.userId);
    const en = await reception.post(`${websitePath()}/classification`, {
      threat: 'aliens',
      operatorType: 'local_government',
    });
    assert.equal(en.statusCode, 400);
    assert.match(textOf(en.body), /脅威を一覧から選んでください。/);
    assert.match(en.body, /<option value="local_government" selected/);
    assert.equal((await classifiedEvents(t, w.product.caseId)).length, 0);
    assert.equal((await classifiedEvents(t, w.website.caseId)).length, 0);

    // the English wording of the same refusals
    const r = parseClassification('website', { threat: 'aliens', productType: 'router', oss: true });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.deepEqual(Object.keys(r.errors).sort(), ['oss', 'productType', 'threat']);
      // every refusal is a key worded in both catalogs
      for (const key of Object.values(r.errors).flat()) {
        const leaf = key.replace(
          'cases.classification.errors.',
          '',
        ) as keyof typeof messages.en.classification.errors;
        assert.ok(messages.ja.classification.errors[leaf], key);
        assert.ok(messages.en.classification.errors[leaf], key);
      }
      assert.equal(messages.en.classification.errors.threat, 'Choose a threat from the list.');
    }
  });

  it('refuses a software-only field on a website case, and a website field on a product case', async () => {
    await assert.rejects(
      classifyCase(t.ctx, w.people.reception.actor, {
        caseId: w.website.caseId,
        threat: 'data_tampering',
        productType: 'router',
      }),
      (err: unknown) =>
        err instanceof AppError &&
        err.code === 'validation' &&
        err.fields?.productType?.[0] === 'cases.classification.errors.softwareOnly',
    );
    await assert.rejects(
      classifyCase(t.ctx, w.people.reception.actor, { caseId: w.website.caseId, ics: 'on' }),
      (err: unknown) => err instanceof AppError && !!err.fields?.ics,
    );
    await assert.rejects(
      classifyCase(t.ctx, w.people.coordinator.actor, {
        caseId: w.product.caseId,
        operatorType: 'individual',
      }),
      (err: unknown) =>
        err instanceof AppError &&
        err.fields?.operatorType?.[0] === 'cases.classification.errors.websiteOnly',
    );
    const reception = await sessionOf(t, w.people.reception.userId);
    const res = await reception.post(`${websitePath()}/classification`, {
      threat: 'data_tampering',
      cause: 'buffer_overflow',
    });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /ソフトウェア製品の案件だけの項目です/);
    assert.equal((await classifiedEvents(t, w.website.caseId)).length, 0);
  });

  it('counts a classified product case in the chosen product type and cause instead of unclassified', async () => {
    await projectStatisticsFacts(t.ctx.db);
    const before = await computeReport(t.ctx, '2026-12-01');
    assert.ok(countOf(before.softwareByProductType, 'unclassified') >= 1);
    assert.equal(countOf(before.softwareByProductType, 'router'), 0);

    const coordinator = await sessionOf(t, w.people.coordinator.userId);
    const page = await coordinator.get(coordinationPath());
    assert.equal(page.statusCode, 200);
    assert.match(textOf(page.body), /統計用の分類/);
    const res = await coordinator.post(`${coordinationPath()}/classification`, {
      productType: 'router',
      cause: 'buffer_overflow',
      oss: 'on',
      embedded: 'on',
    });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /#classification$/);
    const events = await classifiedEvents(t, w.product.caseId);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]!.data, {
      productType: 'router',
      cause: 'buffer_overflow',
      oss: true,
      embedded: true,
      ics: false,
    });
    assert.equal(events[0]!.actor_user_id, w.people.coordinator.userId);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', w.product.caseId)
      .where('action', '=', CASE_CLASSIFIED)
      .execute();
    assert.equal(audit.length, 1);

    // the saved values are shown on the workspace
    const again = await coordinator.get(coordinationPath());
    assert.match(again.body, /<option value="router" selected/);
    assert.match(textOf(again.body), /統計用の分類を保存/);
    assert.doesNotMatch(textOf(again.body), /case\.classified/);
    assert.match(again.body, /id="classification-embedded"[^>]*checked/);

    await projectStatisticsFacts(t.ctx.db);
    const fact = await t.ctx.db
      .selectFrom('statistics_facts')
      .select(['product_type', 'cause', 'oss', 'embedded', 'ics'])
      .where('key', '=', `report:${w.product.reportId}`)
      .executeTakeFirstOrThrow();
    assert.deepEqual(fact, {
      product_type: 'router',
      cause: 'buffer_overflow',
      oss: true,
      embedded: true,
      ics: false,
    });
    const after = await computeReport(t.ctx, '2026-12-01');
    assert.equal(countOf(after.softwareByProductType, 'router'), 1);
    assert.equal(
      countOf(after.softwareByProductType, 'unclassified'),
      countOf(before.softwareByProductType, 'unclassified') - 1,
    );
    assert.equal(countOf(after.softwareByCause, 'buffer_overflow'), 1);
  });

  it('writes nothing when the same classification is saved again, and a new event when it changes', async () => {
    const same = await classifyCase(t.ctx, w.people.coordinator.actor, {
      caseId: w.product.caseId,
      productType: 'router',
      cause: 'buffer_overflow',
      oss: true,
      embedded: true,
    });
    assert.equal(same.changed, false);
    assert.equal((await classifiedEvents(t, w.product.caseId)).length, 1);
    const changed = await classifyCase(t.ctx, w.people.coordinator.actor, {
      caseId: w.product.caseId,
      productType: 'router',
      cause: '',
    });
    assert.equal(changed.changed, true);
    const events = await classifiedEvents(t, w.product.caseId);
    assert.equal(events.length, 2);
    assert.deepEqual(events[1]!.data, {
      productType: 'router',
      cause: null,
      oss: false,
      embedded: false,
      ics: false,
    });
  });

  it('counts a classified website case in the chosen threat and operator type', async () => {
    await projectStatisticsFacts(t.ctx.db);
    const before = await computeReport(t.ctx, '2026-12-01');
    assert.equal(countOf(before.websiteByThreat, 'personal_information_leak'), 0);

    const reception = await sessionOf(t, w.people.reception.userId);
    const page = await reception.get(websitePath());
    assert.equal(page.statusCode, 200);
    assert.match(textOf(page.body), /統計用の分類/);
    const res = await reception.post(`${websitePath()}/classification`, {
      threat: 'personal_information_leak',
      operatorType: 'unlisted_company',
    });
    assert.equal(res.statusCode, 303);
    const shown = await reception.get(String(res.headers.location));
    assert.match(textOf(shown.body), /分類を保存しました。/);
    // and the history names the event
    assert.match(textOf(shown.body), /統計用の分類を保存しました/);
    assert.doesNotMatch(textOf(shown.body), /case\.classified/);
    assert.match(shown.body, /<option value="personal_information_leak" selected/);
    assert.deepEqual(
      (await classifiedEvents(t, w.website.caseId)).map((e) => e.data),
      [{ threat: 'personal_information_leak', operatorType: 'unlisted_company' }],
    );

    await projectStatisticsFacts(t.ctx.db);
    const after = await computeReport(t.ctx, '2026-12-01');
    assert.equal(countOf(after.websiteByThreat, 'personal_information_leak'), 1);
    assert.equal(
      countOf(after.websiteByThreat, 'unclassified'),
      countOf(before.websiteByThreat, 'unclassified') - 1,
    );
    assert.equal(countOf(after.websiteByOperatorType, 'unlisted_company'), 1);
  });

  it('pre-selects what the data says, as a suggestion only: a local-government operator, an ICS product', async () => {
    assert.equal(
      suggestedOperatorType({ operatorKind: 'company', relayed: true, sector: null }),
      'local_government',
    );
    assert.equal(
      suggestedOperatorType({ operatorKind: 'individual', relayed: false, sector: null }),
      'individual',
    );
    assert.equal(suggestedOperatorType({ operatorKind: 'company', relayed: false, sector: null }), null);

    // a second world's cases, never classified
    const t2 = await startTestApp({ now: '2026-12-01T00:00:00Z' });
    try {
      const w2 = await buildWorld(t2);
      await t2.ctx.db
        .updateTable('directory_entries')
        .set({ operator_kind: 'local_government' })
        .where('organization_id', '=', w2.orgs.operator)
        .execute();
      const web = await showClassification(t2.ctx, w2.people.reception.actor, { caseId: w2.website.caseId });
      assert.equal(web.current, null);
      assert.equal(web.suggested.operatorType, 'local_government');
      assert.deepEqual(web.values, { threat: null, operatorType: 'local_government' });
      const reception = await sessionOf(t2, w2.people.reception.userId);
      const page = await reception.get(`/website/cases/${encodeURIComponent(w2.website.reference)}`);
      assert.match(page.body, /<option value="local_government" selected/);
      assert.match(textOf(page.body), /「地方公共団体」を選んであります（まだ保存されていません）/);
      // a suggestion is not saved
      assert.equal((await classifiedEvents(t2, w2.website.caseId)).length, 0);

      await t2.ctx.db
        .updateTable('coordination_cases')
        .set({ product_category: 'ics' })
        .where('case_id', '=', w2.product.caseId)
        .execute();
      const sw = await showClassification(t2.ctx, w2.people.coordinator.actor, { caseId: w2.product.caseId });
      assert.equal(sw.suggested.ics, true);
      assert.equal((sw.values as { ics: boolean }).ics, true);
      const coordinator = await sessionOf(t2, w2.people.coordinator.userId);
      const ws = await coordinator.get(`/coordination/cases/${encodeURIComponent(w2.product.reference)}`);
      assert.match(ws.body, /id="classification-ics"[^>]*checked/);
    } finally {
      await t2.close();
    }
  });

  it('answers 404 for a malformed or unknown case id, and for a reference of the other track', async () => {
    await assert.rejects(
      classifyCase(t.ctx, w.people.reception.actor, { caseId: 'not-a-uuid', threat: 'other' }),
      refusedWith('not_found'),
    );
    await assert.rejects(
      classifyCase(t.ctx, w.people.reception.actor, {
        caseId: '00000000-0000-4000-8000-000000000000',
        threat: 'other',
      }),
      refusedWith('not_found'),
    );
    const reception = await sessionOf(t, w.people.reception.userId);
    const res = await reception.post(
      `/website/cases/${encodeURIComponent(w.product.reference)}/classification`,
      { threat: 'other' },
    );
    assert.equal(res.statusCode, 404);
  });
});
