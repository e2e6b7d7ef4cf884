// The document of a revision, as a pure rule: dated at the agreed moment, the first note defaulted, a correction
// keeping the first moment and the earlier revisions, and refused without a change note or a title.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyContent } from '../../domain/advisory-document.js';
import { buildAdvisoryDocument, type PublicationInput } from './build-document.js';

const content = { ...emptyContent(), title: { ja: 'タイトル', en: 'Title' } };
const input = (over: Partial<PublicationInput> = {}): PublicationInput => ({
  content,
  publicId: 'JVN#12345678',
  kind: 'jvn',
  revision: 1,
  moment: new Date('2027-01-20T01:00:00Z'),
  firstPublishedAt: null,
  previous: [],
  note: { ja: null, en: null },
  ...over,
});

describe('building the document of a revision', () => {
  it('dates the first revision at the agreed moment with the initial note, not a sample, from nowhere else', () => {
    const r = buildAdvisoryDocument(input());
    assert.ok(r.ok);
    assert.equal(r.doc.firstPublishedAt, '2027-01-20T01:00:00.000Z');
    assert.equal(r.doc.lastUpdatedAt, '2027-01-20T01:00:00.000Z');
    assert.deepEqual(r.doc.revisions, [
      {
        revision: 1,
        publishedAt: '2027-01-20T01:00:00.000Z',
        note: { ja: '初版公開', en: 'Initial publication' },
      },
    ]);
    assert.equal(r.doc.sample, false);
    assert.equal(r.doc.source, null);
    assert.equal(r.doc.id, 'JVN#12345678');
    assert.equal(r.doc.title.en, 'Title');
  });

  it('keeps a first note the editor gave', () => {
    const r = buildAdvisoryDocument(input({ note: { ja: '公開しました', en: 'Published' } }));
    assert.ok(r.ok);
    assert.deepEqual(r.doc.revisions[0]?.note, { ja: '公開しました', en: 'Published' });
  });

  it('keeps the first moment and the earlier revisions in a correction', () => {
    const r = buildAdvisoryDocument(
      input({
        revision: 2,
        moment: new Date('2027-02-01T00:00:00Z'),
        firstPublishedAt: new Date('2027-01-20T01:00:00Z'),
        previous: [
          { revision: 1, publishedAt: '2027-01-20T01:00:00.000Z', note: { ja: '初版公開', en: '' } },
        ],
        note: { ja: '修正', en: 'Fixed' },
      }),
    );
    assert.ok(r.ok);
    assert.equal(r.doc.revision, 2);
    assert.equal(r.doc.firstPublishedAt, '2027-01-20T01:00:00.000Z');
    assert.equal(r.doc.lastUpdatedAt, '2027-02-01T00:00:00.000Z');
    assert.deepEqual(
      r.doc.revisions.map((x) => [x.revision, x.note.ja]),
      [
        [1, '初版公開'],
        [2, '修正'],
      ],
    );
  });

  it('never dates a correction before the first publication', () => {
    const r = buildAdvisoryDocument(
      input({
        revision: 2,
        moment: new Date('2027-01-01T00:00:00Z'),
        firstPublishedAt: new Date('2027-01-20T01:00:00Z'),
        previous: [{ revision: 1, publishedAt: '2027-01-20T01:00:00.000Z', note: { ja: '初版', en: '' } }],
        note: { ja: '修正', en: '' },
      }),
    );
    assert.ok(r.ok);
    assert.equal(r.doc.lastUpdatedAt, '2027-01-20T01:00:00.000Z');
  });

  it('refuses a correction without a change note, one with revisions missing, and a content without a title', () => {
    const previous = [{ revision: 1, publishedAt: '2027-01-20T01:00:00.000Z', note: { ja: '初版', en: '' } }];
    assert.deepEqual(buildAdvisoryDocument(input({ revision: 2, previous, note: { ja: '  ', en: 'x' } })), {
      ok: false,
      reason: 'no_change_note',
    });
    assert.deepEqual(buildAdvisoryDocument(input({ revision: 3, previous, note: { ja: '修正', en: '' } })), {
      ok: false,
      reason: 'revisions_out_of_order',
    });
    assert.deepEqual(
      buildAdvisoryDocument(input({ content: { ...content, title: { ja: ' ', en: 'Title' } } })),
      { ok: false, reason: 'no_title' },
    );
  });
});
