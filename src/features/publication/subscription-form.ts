// The subscription form's rules (one schema for the page and the use case): an address and a language.
import { z } from 'zod';

export const subscriptionForm = z.object({
  email: z
    .string()
    .trim()
    .pipe(
      z
        .email({ message: 'publication.subscribe.errors.email' })
        .max(254, { message: 'publication.subscribe.errors.email' }),
    )
    .transform((e) => e.toLowerCase()),
  locale: z.enum(['ja', 'en'], { message: 'publication.subscribe.errors.language' }),
});

export type SubscriptionInput = z.input<typeof subscriptionForm>;

/** The schema's issues as catalog keys by field (the reader's page words them). */
export function subscriptionErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of error.issues) {
    const key = String(i.path[0] ?? '_');
    out[key] = [...(out[key] ?? []), i.message];
  }
  return out;
}
