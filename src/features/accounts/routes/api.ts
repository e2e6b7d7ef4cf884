// The caller of the API, as its bearer token says. Session cookies grant nothing here (see server.ts).
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import type { App } from '../../../platform/http/server.js';
import { getAccount } from '../get-account.js';

const organizationTypes = [
  'reception_body',
  'coordination_body',
  'product_developer',
  'website_operator',
  'csirt',
  'critical_infrastructure',
  'si_vendor',
] as const;

export const meResponse = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(['handler', 'lead', 'admin', 'org_admin', 'member', 'finder']),
    organization: z
      .object({ id: z.uuid(), type: z.enum(organizationTypes), nameJa: z.string(), nameEn: z.string() })
      .nullable()
      .describe('null for an individual finder'),
    locale: z.enum(['ja', 'en']),
    timeZone: z.string().describe('IANA time zone, e.g. Asia/Tokyo'),
  })
  .describe('The account the bearer token belongs to');

const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export function apiRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/me',
    {
      schema: {
        summary: 'Who am I',
        description:
          'The account behind the bearer token: id, e-mail, role and organization. / 呼び出し元のアカウント',
        tags: ['accounts'],
        security: [{ bearer: [] }],
        response: { 200: meResponse, 401: errorResponse },
      },
    },
    async (req) => {
      const a = await getAccount(ctx, req.actor);
      return {
        id: a.id,
        email: a.email,
        displayName: a.displayName,
        role: a.role,
        organization: a.organization,
        locale: a.locale,
        timeZone: a.timeZone,
      };
    },
  );
}
