// The finder's progress learns of the publication from the 'advisory.published' event: the public ID, the
// revision and the agreed moment, and nothing else of the event; a malformed event is left out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finderProgress } from '../cases/case-progress.js';
import { PUBLICATION_EVENTS } from './events.js';

const at = new Date('2027-01-20T01:00:05Z');
const event = (data: unknown) => ({ caseId: 'c1', type: PUBLICATION_EVENTS.published, at, data });

describe("the publication among the finder's steps", () => {
  it('shows the public ID, the revision and the agreed moment, and no other field of the event', () => {
    const steps = finderProgress([
      event({
        advisoryId: 'internal-uuid',
        publicId: 'JVN#12345678',
        revision: 1,
        publishedAt: '2027-01-20T01:00:00.000Z',
      }),
      event({
        advisoryId: 'internal-uuid',
        publicId: 'JVN#12345678',
        revision: 2,
        publishedAt: '2027-02-01T00:00:00.000Z',
      }),
    ]);
    assert.deepEqual(steps, [
      { kind: 'published', at: new Date('2027-01-20T01:00:00.000Z'), publicId: 'JVN#12345678', revision: 1 },
      { kind: 'published', at: new Date('2027-02-01T00:00:00.000Z'), publicId: 'JVN#12345678', revision: 2 },
    ]);
  });

  it('leaves out an event without a well-formed public ID or revision', () => {
    assert.deepEqual(
      finderProgress([
        event({ publicId: '<script>alert(1)</script>', revision: 1 }),
        event({ publicId: 'JVN#1', revision: '1' }),
        event({ publicId: 'JVN#12345678', revision: 0 }),
        event(null),
      ]),
      [],
    );
  });

  it('falls back to the time of the event when the moment is missing or unreadable', () => {
    const steps = finderProgress([event({ publicId: 'JVNVU#12345678', revision: 1, publishedAt: 'soon' })]);
    assert.deepEqual(steps, [{ kind: 'published', at, publicId: 'JVNVU#12345678', revision: 1 }]);
  });
});
