import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, formatInstant } from '../../../domain/time.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { jstDate, jstInstant } from './parts.js';

describe('JST dates of the public pages', () => {
  it('give the same text as the general formatter with Asia/Tokyo, across years and day boundaries', () => {
    const v = { locale: 'ja' } as ViewContext;
    const zone = { locale: 'ja' as const, timeZone: 'Asia/Tokyo' };
    const instants = [
      '2005-01-01T00:00:00.000Z',
      '2026-12-31T14:59:59.999Z',
      '2026-12-31T15:00:00.000Z',
      '2024-02-28T15:30:00.000Z',
      '1999-06-30T23:59:00.000Z',
    ];
    for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2030, 0, 1); t += 7_777_777_777 / 97) {
      instants.push(new Date(Math.floor(t / 60_000) * 60_000).toISOString());
    }
    for (const at of instants) {
      assert.equal(jstDate(v, at), formatDate(new Date(at), zone), at);
      assert.equal(jstInstant(v, new Date(at)), formatInstant(new Date(at), zone), at);
    }
  });
});
