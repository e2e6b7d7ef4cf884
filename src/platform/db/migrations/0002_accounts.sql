-- Accounts: TOTP replay protection, recovery-code lifecycle, and what an invitation carries until accepted.

-- the last TOTP time step accepted for this user: a code is refused unless its step is later (no replay)
alter table users add column totp_last_step bigint;

-- recovery codes are superseded (revoked) when new ones are made, never deleted
alter table mfa_recovery_codes
  add column created_at timestamptz not null default now(),
  add column revoked_at timestamptz;

-- an invitation proposes a display name and the invitee's language (for the mail and the new account)
alter table mail_tokens
  add column display_name text check (display_name is null or length(display_name) between 1 and 200),
  add column locale text check (locale is null or locale in ('ja', 'en')),
  add constraint mail_tokens_role_check
    check (role is null or role in ('handler', 'lead', 'admin', 'org_admin', 'member', 'finder'));
create index mail_tokens_user_idx on mail_tokens (user_id) where user_id is not null;
create index mail_tokens_email_idx on mail_tokens (email);
