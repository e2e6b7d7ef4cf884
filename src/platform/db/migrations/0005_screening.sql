-- Screening (受付機関の審査) and the handover to cases.

-- A report that is reclassified after acceptance (seed 000 §3.2(2)) keeps its old case, closed and pointing at
-- its successor in the other queue: a report has many cases over time but at most one live case.
alter table cases drop constraint cases_report_id_key;
create unique index cases_live_report_idx on cases (report_id)
  where report_id is not null and superseded_by_case_id is null;
create index cases_report_idx on cases (report_id) where report_id is not null;

-- The reception queue reads oldest first by (submitted_at, id) in keyset pages, whatever the filters.
create index reports_queue_idx on reports (submitted_at, id);
