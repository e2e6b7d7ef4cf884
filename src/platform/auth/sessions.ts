// Server-side sessions in PostgreSQL. The cookie holds a random token; the table holds only its SHA-256.
// Sessions expire when idle and at an absolute limit, and can be revoked (log out, log out everywhere).
import type { Config } from '../../config.js';
import type { Clock } from '../clock.js';
import { randomToken, sha256Hex } from '../crypto.js';
import type { Database } from '../db/database.js';
import { type Actor, type MfaPending, requiresMfa, type UserActor } from './actor.js';

export function sessionCookieName(config: Config): string {
  // __Host- binds the cookie to this exact origin; browsers only accept it over HTTPS
  return config.secureCookies ? '__Host-keikai_session' : 'keikai_session';
}

export async function createSession(
  db: Database,
  deps: { clock: Clock; config: Config },
  input: { userId: string; mfaVerified: boolean; ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomToken();
  const now = deps.clock.now();
  await db
    .insertInto('sessions')
    .values({
      id_hash: sha256Hex(token),
      user_id: input.userId,
      mfa_verified_at: input.mfaVerified ? now : null,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + deps.config.session.maxHours * 3600_000),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

export async function markSessionMfaVerified(db: Database, token: string, at: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ mfa_verified_at: at })
    .where('id_hash', '=', sha256Hex(token))
    .execute();
}

export async function revokeSession(db: Database, token: string, at: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id_hash', '=', sha256Hex(token))
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeAllSessions(db: Database, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The user's columns an actor is made of (with whether it may act at all), for every way of signing in. */
export const userActorColumns = [
  'users.id',
  'users.email',
  'users.display_name',
  'users.role',
  'users.organization_id',
  'users.locale',
  'users.time_zone',
  'users.totp_enabled_at',
  'users.disabled_at',
  'organizations.type as organization_type',
  'organizations.disabled_at as organization_disabled_at',
] as const;

/** The actor behind a session cookie, or null when the session is unknown, expired, revoked or disabled. */
export async function actorFromSession(
  db: Database,
  deps: { clock: Clock; config: Config },
  token: string,
): Promise<Actor | null> {
  const now = deps.clock.now();
  const idleCutoff = new Date(now.getTime() - deps.config.session.idleMinutes * 60_000);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([...userActorColumns, 'sessions.mfa_verified_at', 'sessions.last_seen_at'])
    .where('sessions.id_hash', '=', sha256Hex(token))
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('sessions.last_seen_at', '>', idleCutoff)
    .executeTakeFirst();
  if (!row || row.disabled_at || row.organization_disabled_at) return null;
  // refresh the idle timer at most once a minute, not on every request
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('id_hash', '=', sha256Hex(token))
      .execute();
  }
  const mfaNeeded = requiresMfa(row.role, row.organization_type) || row.totp_enabled_at !== null;
  if (mfaNeeded && !row.mfa_verified_at) {
    const pending: MfaPending = {
      kind: 'mfa_pending',
      userId: row.id,
      email: row.email,
      locale: row.locale,
      timeZone: row.time_zone,
      enrolled: row.totp_enabled_at !== null,
    };
    return pending;
  }
  return toUserActor(row, 'session');
}

/** API tokens: `kk_<prefix>_<secret>`, stored as SHA-256; they act with the rights of their user. */
export async function actorFromApiToken(
  db: Database,
  clock: Clock,
  token: string,
): Promise<UserActor | null> {
  if (!/^kk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{20,}$/.test(token)) return null;
  const now = clock.now();
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([...userActorColumns, 'api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', sha256Hex(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]))
    .executeTakeFirst();
  if (!row || row.disabled_at || row.organization_disabled_at) return null;
  // staff must have a second factor: a token issued before they enrolled acts only once they have
  if (requiresMfa(row.role, row.organization_type) && !row.totp_enabled_at) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
  }
  return toUserActor(row, 'token');
}

export function toUserActor(
  row: {
    id: string;
    email: string;
    display_name: string;
    role: UserActor['role'];
    organization_id: string | null;
    organization_type: UserActor['organizationType'] | null;
    locale: UserActor['locale'];
    time_zone: string;
  },
  via: UserActor['via'],
): UserActor {
  return {
    kind: 'user',
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    organizationId: row.organization_id,
    organizationType: row.organization_type ?? null,
    locale: row.locale,
    timeZone: row.time_zone,
    via,
  };
}
