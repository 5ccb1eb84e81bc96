-- Drill-down lists (issue 7, Performance): a commune's dossiers of a period in day order, so the
-- list reads the first few thousand of them from the index instead of fetching and sorting every
-- dossier of the period (27 000 rows for a busy commune's year at province scale). The procedure
-- stays in the index (after the day), so a list filtered by procedure is filtered in the index;
-- rows of one day come out sorted by dossier id with an incremental sort.
drop index dashboard_facts_accepted_idx;
drop index dashboard_facts_timely_idx;
drop index dashboard_facts_finished_idx;
create index dashboard_facts_accepted_idx
  on dashboard_dossier_facts(unit_code, accepted_day, procedure_code, dossier_id);
create index dashboard_facts_timely_idx
  on dashboard_dossier_facts(unit_code, timely_day, procedure_code, dossier_id);
create index dashboard_facts_finished_idx
  on dashboard_dossier_facts(unit_code, finished_day, procedure_code, dossier_id);
