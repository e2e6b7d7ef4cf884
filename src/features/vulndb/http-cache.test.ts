// Conditional GETs of the public API: strong tags that differ with their parts, If-None-Match lists, weak
// comparison and *, and If-Modified-Since at second precision.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ifNoneMatch, notModifiedSince, strongEtag } from './http-cache.js';

describe('conditional GETs', () => {
  it('makes a quoted strong tag that changes with any part', () => {
    const a = strongEtag(['advisory-v1', 'JVN#1', 1]);
    assert.match(a, /^"[A-Za-z0-9_-]+"$/);
    assert.equal(strongEtag(['advisory-v1', 'JVN#1', 1]), a);
    assert.notEqual(strongEtag(['advisory-v1', 'JVN#1', 2]), a);
    assert.notEqual(strongEtag(['advisory-v1', 'JVN#', '11']), strongEtag(['advisory-v1', 'JVN#1', '1']));
  });

  it('matches If-None-Match as a list, weakly, or *', () => {
    const tag = '"abc"';
    assert.equal(ifNoneMatch(undefined, tag), false);
    assert.equal(ifNoneMatch('"abc"', tag), true);
    assert.equal(ifNoneMatch('"x", W/"abc"', tag), true);
    assert.equal(ifNoneMatch('*', tag), true);
    assert.equal(ifNoneMatch('"abcd"', tag), false);
    assert.equal(ifNoneMatch('', tag), false);
  });

  it('compares If-Modified-Since to the second and ignores a bad date', () => {
    const at = new Date('2026-11-20T01:00:00.400Z');
    assert.equal(notModifiedSince(at.toUTCString(), at), true);
    assert.equal(notModifiedSince(new Date('2026-11-20T00:59:59Z').toUTCString(), at), false);
    assert.equal(notModifiedSince('yesterday', at), false);
    assert.equal(notModifiedSince(undefined, at), false);
  });
});
