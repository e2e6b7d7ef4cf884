// Per-request decorations: who is asking, in which language and zone. Set once in an onRequest hook.
import type { Actor } from '../auth/actor.js';
import type { Locale } from '../db/schema.js';
import type { T } from '../i18n/i18n.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    t: T;
    timeZone: string;
    /** the raw session token from the cookie, when there is a live session */
    sessionToken: string | null;
  }
}
