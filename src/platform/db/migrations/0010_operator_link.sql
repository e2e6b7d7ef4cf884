-- The operator's secret link after the case is closed: it keeps working for reading the case and for the
-- personal-data leak publication (which may be published long after the fix), and stops at this moment — set
-- when the case is closed (90 days later). Answers are refused on a closed case whatever opens it. A link is
-- still revoked at once when it is replaced (the details sent again) or the case moves to the product track.
alter table website_cases add column operator_link_expires_at timestamptz;
