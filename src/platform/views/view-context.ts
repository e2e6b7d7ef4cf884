// What every page needs to render: language, translator, viewer, CSRF token and where it is.
import type { Actor } from '../auth/actor.js';
import type { Locale } from '../db/schema.js';
import type { T } from '../i18n/i18n.js';

export interface ViewContext {
  locale: Locale;
  t: T;
  actor: Actor;
  timeZone: string;
  csrfToken: string;
  /** the path of this page, for the language switch to come back to */
  path: string;
}
