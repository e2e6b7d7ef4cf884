-- The subscribers' publication mail, sent outside the publish transaction: the publish step claims the
-- 'subscribers' notice row (advisory_publication_notices, as for every audience) and enqueues one
-- 'publication.notify-subscribers' job in its transaction; the job mails the confirmed subscribers in batches, one
-- transaction each. A row here claims one subscriber for one advisory revision, in the transaction that writes the
-- mail, so a retried job or two runs at once mail each subscriber at most once per revision.
create table advisory_subscriber_notices (
  advisory_id uuid not null references advisories(id),
  revision integer not null check (revision >= 1),
  subscription_id uuid not null references advisory_subscriptions(id),
  sent_at timestamptz not null,
  primary key (advisory_id, revision, subscription_id)
);
