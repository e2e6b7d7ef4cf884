// The statistics API's documented shapes (zod, for the OpenAPI document): the StatisticsReport (report.ts) as
// JSON, its query, and the shared error body. A compile-time check below keeps the schema and the type equal.
import { z } from 'zod';
import { apiError } from '../../platform/http/api-error.js';
import type { StatisticsReport } from './report.js';

const count = z.number().int().min(0);
const pct = z.number().int().min(0).max(100).describe('whole percent, rounded half up');
const day = z.string().describe('JST calendar day YYYY-MM-DD');
const quarter = z.string().describe("calendar quarter, e.g. '2012Q3'");

const categoryCount = z.object({
  category: z.string().describe('a code of src/domain/statistics-categories.ts, or unclassified'),
  count,
  pct,
});
const breakdown = z.object({
  base: count,
  cumulative: z.array(categoryCount),
  byQuarter: z.array(z.object({ quarter, base: count, counts: z.array(categoryCount) })),
});
const dayBucket = z.object({ from: count, to: count.nullable().describe('null: open last bucket'), count });

export const statisticsReport = z
  .object({
    asOf: day,
    quarter,
    schemeStart: day.describe('届出受付開始'),
    cumulativeByQuarter: z
      .array(
        z.object({
          quarter,
          end: day,
          total: count,
          software: count,
          website: count,
          inQuarter: z.object({ software: count, website: count }),
          businessDays: count,
          perBusinessDay: z.number().min(0),
        }),
      )
      .describe('S1'),
    totals: z.object({ software: count, website: count, total: count }).describe('S2'),
    softwareStatus: z
      .object({
        published: count,
        handledIndividually: count,
        notVulnerable: count,
        inProgress: count,
        notAccepted: count,
        total: count,
      })
      .describe('S3'),
    websiteStatus: z
      .object({
        fixed: count,
        fixedByOperationalWorkaround: count,
        fixedByPageDeletion: count,
        discontinuedAfterAlert: count,
        notVulnerable: count,
        inProgress: count,
        cannotContact: count,
        notAccepted: count,
        total: count,
      })
      .describe('S4'),
    publications: z
      .object({
        total: count,
        domestic: count,
        overseas: count,
        inQuarter: z.object({ domestic: count, overseas: count }),
      })
      .describe('S5'),
    daysToPublication: z
      .object({ base: count, within45: count, within45Pct: pct, histogram: z.array(dayBucket) })
      .describe('S6'),
    softwareByProductType: breakdown.describe('S8'),
    softwareByCause: breakdown.describe('S9'),
    priorityDisclosures: z
      .object({ total: count, cumulative: z.array(categoryCount), inQuarter: z.array(categoryCount) })
      .describe('S10'),
    unreachable: z
      .object({ listed: count, resumed: count, completed: count, stillUnreachable: count })
      .describe('S11'),
    daysToFix: z
      .object({
        base: count,
        within30: count,
        within30Pct: pct,
        within90: count,
        within90Pct: pct,
        histogram: z.array(dayBucket),
        byType: z.array(
          z.object({
            type: z.string(),
            base: count,
            within30: count,
            within90: count,
            histogram: z.array(dayBucket),
          }),
        ),
        within90Trend: z.array(z.object({ quarter, cumulativeFixed: count, within90: count, pct })),
      })
      .describe('S12'),
    websiteByVulnerabilityType: breakdown.describe('S13'),
    websiteByThreat: breakdown.describe('S14'),
    longRunning: z
      .object({
        total: count,
        yearBefore: count,
        buckets: z.array(dayBucket.extend({ byType: z.array(categoryCount) })),
      })
      .describe('S15'),
    websiteByOperatorType: breakdown.describe('S16'),
  })
  .describe('The reporting statistics (届出状況) as of a day: S1–S16 of the quarterly report');

export const statisticsQuery = z.object({
  asOf: z
    .string()
    .optional()
    .describe('YYYY-MM-DD (JST), from the start of acceptance to today; today when absent'),
});

export const errors = { 400: apiError };

// the schema describes exactly the report type, both ways
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _same: Same<z.infer<typeof statisticsReport>, StatisticsReport> = true;
void _same;
