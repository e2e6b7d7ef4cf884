// Intent-named reads and writes of the accounts feature's own tables (users, tokens, codes, mail tokens).
import { sql } from 'kysely';
import type { UserActor } from '../../platform/auth/actor.js';
import { toUserActor, userActorColumns } from '../../platform/auth/sessions.js';
import { sha256Hex } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/database.js';

const accountColumns = [
  ...userActorColumns,
  'users.password_hash',
  'users.totp_secret_enc',
  'users.totp_last_step',
  'users.failed_logins',
  'users.locked_until',
  'users.created_at',
  'organizations.name_ja as organization_name_ja',
  'organizations.name_en as organization_name_en',
] as const;

function accounts(db: Database) {
  return db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select(accountColumns);
}

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccountById>>>;

export function findAccountById(db: Database, userId: string) {
  return accounts(db).where('users.id', '=', userId).executeTakeFirst();
}

export function findAccountByEmail(db: Database, email: string) {
  return accounts(db).where('users.email', '=', email).executeTakeFirst();
}

/** Locks the user's row for the rest of the transaction (failure counters, TOTP step). */
export function lockAccount(trx: Database, userId: string) {
  return accounts(trx).where('users.id', '=', userId).forUpdate('users').executeTakeFirst();
}

export function isActive(row: Pick<AccountRow, 'disabled_at' | 'organization_disabled_at'>): boolean {
  return !row.disabled_at && !row.organization_disabled_at;
}

/** The user as an actor, for the audit entries of steps where the request is not yet signed in. */
export function actorOf(row: AccountRow): UserActor {
  return toUserActor(row, 'session');
}

export function emailTaken(db: Database, email: string): Promise<boolean> {
  return db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst()
    .then((r) => r !== undefined);
}

/** A mail token (password reset, invitation) by its raw value; the table holds only its SHA-256. */
export function findMailToken(
  db: Database,
  purpose: 'password_reset' | 'invitation',
  token: string,
  opts: { forUpdate?: boolean } = {},
) {
  let q = db
    .selectFrom('mail_tokens')
    .selectAll()
    .where('purpose', '=', purpose)
    .where('token_hash', '=', sha256Hex(token));
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export type MailTokenState = 'valid' | 'unknown' | 'expired' | 'used';

export function mailTokenState(
  row: { used_at: Date | null; expires_at: Date } | undefined,
  now: Date,
): MailTokenState {
  if (!row) return 'unknown';
  if (row.used_at) return 'used';
  if (row.expires_at <= now) return 'expired';
  return 'valid';
}

export function countUnusedRecoveryCodes(db: Database, userId: string): Promise<number> {
  return db
    .selectFrom('mfa_recovery_codes')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow()
    .then((r) => r.n);
}

export function listApiTokens(db: Database, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}
