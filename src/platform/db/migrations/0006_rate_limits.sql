-- Rate-limit counters shared by every app node (login, intake, API). Unlogged: losing them in a crash only
-- resets some windows early, and they are written on every limited request.
create unlogged table rate_limits (
  key text primary key,
  count integer not null,
  expires_at timestamptz not null
);
create index rate_limits_expires_idx on rate_limits (expires_at);
