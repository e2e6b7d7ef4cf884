import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addQuarters,
  bucketIndex,
  bucketRanges,
  CATEGORY_LISTS,
  categoryOrUnclassified,
  DEFAULT_BUCKETS,
  invalidBuckets,
  isCategoryCode,
  isDay,
  offGrid,
  PRODUCT_TYPES,
  quarterEnd,
  quarterOf,
  quarterStart,
  STATISTICS_DAY_GRID,
  trailingQuarters,
  yearBefore,
} from './statistics-categories.js';

describe('statistics categories', () => {
  it('lists web application software first among product types, and no code twice in any list', () => {
    assert.equal(PRODUCT_TYPES[0], 'web_application');
    for (const [name, list] of Object.entries(CATEGORY_LISTS))
      assert.equal(new Set(list).size, list.length, `${name} has a code twice`);
  });

  it('reports an unknown or missing code as unclassified', () => {
    assert.equal(categoryOrUnclassified('threat', 'fake_information'), 'fake_information');
    assert.equal(categoryOrUnclassified('threat', 'xss'), 'unclassified');
    assert.equal(categoryOrUnclassified('operatorType', null), 'unclassified');
    assert.equal(isCategoryCode('websiteVulnerabilityType', 'sql_injection'), true);
    assert.equal(isCategoryCode('cause', 42), false);
  });
});

describe('quarters', () => {
  it('puts the last day of a quarter in it and the next day in the next', () => {
    assert.equal(quarterOf('2012-09-30'), '2012Q3');
    assert.equal(quarterOf('2012-10-01'), '2012Q4');
    assert.equal(quarterOf('2012-12-31'), '2012Q4');
    assert.equal(quarterOf('2013-01-01'), '2013Q1');
  });

  it('knows where quarters start and end, leap years included', () => {
    assert.equal(quarterStart('2012Q3'), '2012-07-01');
    assert.equal(quarterEnd('2012Q3'), '2012-09-30');
    assert.equal(quarterEnd('2012Q1'), '2012-03-31');
    assert.equal(quarterEnd('2021Q4'), '2021-12-31');
    assert.throws(() => quarterEnd('2012Q5'), RangeError);
  });

  it('steps over year boundaries and gives trailing windows oldest first', () => {
    assert.equal(addQuarters('2012Q1', -1), '2011Q4');
    assert.equal(addQuarters('2011Q4', 1), '2012Q1');
    assert.equal(addQuarters('2012Q3', -11), '2009Q4');
    assert.deepEqual(trailingQuarters('2012Q3', 12).slice(0, 2), ['2009Q4', '2010Q1']);
    assert.equal(trailingQuarters('2012Q3', 12).at(-1), '2012Q3');
    assert.equal(trailingQuarters('2012Q3', 8)[0], '2010Q4');
  });

  it('accepts only real days, and takes a year back from 29 February to the 28th', () => {
    assert.equal(isDay('2012-02-29'), true);
    assert.equal(isDay('2013-02-29'), false);
    assert.equal(isDay('2012-9-30'), false);
    assert.equal(isDay(20120930), false);
    assert.equal(yearBefore('2021-12-31'), '2020-12-31');
    assert.equal(yearBefore('2012-02-29'), '2011-02-28');
  });
});

describe('buckets', () => {
  it('keeps the headline boundaries 45, 30 and 90 on bucket edges by default', () => {
    assert.ok(DEFAULT_BUCKETS.daysToPublication.includes(46));
    assert.ok(DEFAULT_BUCKETS.daysToFix.includes(31));
    assert.ok(DEFAULT_BUCKETS.daysToFix.includes(91));
    assert.equal(DEFAULT_BUCKETS.longRunning[0], 90);
    assert.equal(offGrid(DEFAULT_BUCKETS.daysToPublication), null);
    assert.equal(offGrid(DEFAULT_BUCKETS.daysToFix), null);
    assert.match(offGrid([0, 7]) ?? '', /7/);
    for (const b of [31, 46, 91]) assert.ok((STATISTICS_DAY_GRID as readonly number[]).includes(b));
  });

  it('places days in buckets with the last bucket open', () => {
    const bounds = [0, 31, 91];
    assert.equal(bucketIndex(bounds, 30), 0);
    assert.equal(bucketIndex(bounds, 31), 1);
    assert.equal(bucketIndex(bounds, 90), 1);
    assert.equal(bucketIndex(bounds, 91), 2);
    assert.equal(bucketIndex(bounds, -1), -1);
    assert.deepEqual(bucketRanges(bounds), [
      { from: 0, to: 30 },
      { from: 31, to: 90 },
      { from: 91, to: null },
    ]);
  });

  it('refuses bounds that do not rise or are not whole days', () => {
    assert.equal(invalidBuckets([0, 30, 90]), null);
    assert.ok(invalidBuckets([]));
    assert.ok(invalidBuckets([0, 30, 30]));
    assert.ok(invalidBuckets([0, 1.5]));
    assert.ok(invalidBuckets([-1, 5]));
  });
});
