// The JSON body of every refused /api/v1 request, as error-handler.ts's sendError writes it: a stable code, a
// message in the Accept-Language language, and (for bad input) the messages per field. One definition, so the
// OpenAPI document describes every feature's errors alike.
import { z } from 'zod';

export const apiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional().describe('Messages per field'),
  }),
});
