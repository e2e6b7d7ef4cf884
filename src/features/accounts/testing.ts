// Test helpers for the accounts pages: mail sent to a person, and the links in it.
// (The test browser and signing in are in src/testing/.)
import type { TestApp } from '../../testing/app.js';

/** Mail queued for an address, newest first. */
export function mailTo(t: TestApp, email: string) {
  return t.ctx.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('to_address', '=', email.toLowerCase())
    .orderBy('created_at', 'desc')
    .execute();
}

/** The path of the first link to this site in a text, e.g. `/password/reset/…`. */
export function linkIn(text: string, prefix: string): string {
  const m = new RegExp(`https?://[^/\\s]+(${prefix.replace(/[/]/g, '\\/')}[A-Za-z0-9_-]+)`).exec(text);
  if (!m?.[1]) throw new Error(`no ${prefix} link in: ${text}`);
  return m[1];
}
