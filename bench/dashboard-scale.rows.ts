/**
 * From the plan (bench_plan, dashboard-scale.generate.ts) to the app's own tables as they would
 * be at `end`: the event log in workflow order (an event exists when its instant is ≤ end), the
 * dossier row in the state of its last event, payments, component files and ratings.
 */
import { BENCH_USER_ID, lit } from './dashboard-scale.generate';

/** The workflow of one planned dossier, in order (dossier-workflow.ts names and states). */
const EVENTS = `(values
  (1, 'submitted', 1, 'submitted', p.sub_at, 'resident', true),
  (2, 'payment_received', 1, 'submitted', p.pay_at, 'system', false),
  (3, 'refuse_to_accept', 3, 'not_accepted', case when p.kind = 1 then p.acc_at end, 'officer', true),
  (4, 'accepted', 2, 'accepted', case when p.kind <> 1 then p.acc_at end, 'officer', true),
  (5, 'assign', 4, 'processing', case when p.kind <> 1 then p.acc_at + interval '30 minutes' end, 'officer', false),
  (6, 'request_supplement', 5, 'supplement_requested', p.sup1_at, 'officer', true),
  (7, 'resubmit', 4, 'processing', p.res1_at, 'resident', true),
  (8, 'request_supplement', 5, 'supplement_requested', p.sup2_at, 'officer', true),
  (9, 'resubmit', 4, 'processing', p.res2_at, 'resident', true),
  (10, 'apologise', 4, 'processing', p.apology_at, 'officer', true),
  (11, 'request_withdrawal', 7, 'withdrawal_requested', p.wreq_at, 'resident', true),
  (12, 'accept_withdrawal', 8, 'stopped', case when p.kind = 2 then p.end_at end, 'officer', true),
  (13, 'stop', 8, 'stopped', case when p.kind = 3 then p.end_at end, 'officer', true),
  (14, case when p.refused then 'refuse_on_merits' else 'sign' end, 9, 'finished', p.fin_at, 'officer', true),
  (15, 'return_result', 10, 'returned', p.ret_at, 'officer', true)
) e(seq, type, status, state, at, actor_kind, public)`;

/** bench_plan with the instants that depend on others (payment, return, rating) added. */
const PLAN = `(select pl.*,
    case when pl.channel = 2 and coalesce(pl.fee, 0) > 0 and pl.paid_u < 0.6
      then pl.sub_at + interval '10 minutes' end as pay_at,
    case when pl.fin_at is null then null
      when pl.ret_days = 0 then pl.fin_at + interval '30 minutes'
      else pl.fin_at + make_interval(days => pl.ret_days) end as ret_at
  from bench_plan pl)`;

const iso = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export function eventsSql(end: Date): string {
  const e = `'${end.toISOString()}'::timestamptz`;
  return `
  insert into dossier_events (dossier_id, type, status_code, at, actor_id, actor_kind, unit_code,
    public, note, data)
  select p.id, e.type, e.status, e.at, null, e.actor_kind, p.unit, e.public, null,
    case when e.seq = 1 then jsonb_build_object('assuranceLevel',
      case when p.channel = 2 then case when p.level_u < 0.7 then 2 else 1 end end)
    else '{}'::jsonb end
  from ${PLAN} p cross join lateral ${EVENTS}
  -- No ORDER BY: a nested loop over the plan emits each dossier's events in VALUES order, so
  -- ids follow the workflow within a dossier without sorting 25 M rows.
  where e.at is not null and e.at <= ${e}`;
}

export function dossiersSql(end: Date): string {
  const e = `'${end.toISOString()}'::timestamptz`;
  const by = (col: string) => `(${col} is not null and ${col} <= ${e})`;
  const accepted = `(p.kind <> 1 and ${by('p.acc_at')})`;
  const names = [
    'Nguyễn Văn An',
    'Trần Thị Bích',
    'Lê Văn Cường',
    'Phạm Thị Dung',
    'Y Bih Niê',
    'H’Hen Niê',
    'Hoàng Văn Em',
    'Võ Thị Giang',
    'Đặng Văn Hải',
    'Bùi Thị Lan',
  ];
  return `
  insert into dossiers (id, reference, code, procedure_code, procedure_version, applicant_user_id,
    submitted_by_user_id, receiving_unit_code, channel, status_code, state, answers, applicant_name,
    fee_vnd, payment_state, submitted_at, due_at, finished_at, row_version, created_at, updated_at,
    handling_unit_code, accepted_at, time_limit_amount, time_limit_unit, supplement_requests,
    paused_at, pauses, counted_late, apology_due_at, outcome, result_id, returned_at,
    return_channel)
  select p.id, 'BENCH-' || lpad(p.n::text, 8, '0'),
    case when ${accepted} then 'H66.' || p.unit || '-'
      || to_char((p.acc_at at time zone 'UTC') + interval '7 hours', 'YYMMDD') || '-'
      || lpad(p.n::text, 8, '0') end,
    p.code, p.version, null, null, p.unit, p.channel, last.status, last.state, '{}'::jsonb,
    (array[${names.map(lit).join(', ')}])[1 + p.n % ${names.length}],
    p.fee,
    case when coalesce(p.fee, 0) = 0 then 'not_required' when ${by('p.pay_at')} then 'paid'
      else 'unpaid' end,
    p.sub_at,
    case when not ${accepted} then null when ${by('p.res2_at')} then p.due2
      when ${by('p.res1_at')} then p.due1 else p.due0 end,
    case when ${by('p.fin_at')} then p.fin_at end,
    last.n, p.sub_at, last.last_at, p.unit,
    case when ${accepted} then p.acc_at end,
    case when ${accepted} then p.limit_amount end,
    case when ${accepted} then p.limit_unit end,
    ${by('p.sup1_at')}::int + ${by('p.sup2_at')}::int,
    case when ${by('p.sup2_at')} and not ${by('p.res2_at')} then p.sup2_at
      when ${by('p.sup1_at')} and not ${by('p.res1_at')} then p.sup1_at end,
    case when ${by('p.res2_at')} then jsonb_build_array(
        jsonb_build_object('from', ${iso('p.sup1_at')}, 'to', ${iso('p.res1_at')}),
        jsonb_build_object('from', ${iso('p.sup2_at')}, 'to', ${iso('p.res2_at')}))
      when ${by('p.res1_at')} then jsonb_build_array(
        jsonb_build_object('from', ${iso('p.sup1_at')}, 'to', ${iso('p.res1_at')}))
      else '[]'::jsonb end,
    ${by('p.sup2_at')},
    case when ${by('p.apology_at')} then p.apology_due end,
    case when ${by('p.fin_at')} then case when p.refused then 'refused' else 'approved' end end,
    case when ${by('p.fin_at')} and p.e_result then gen_random_uuid() end,
    case when ${by('p.ret_at')} then p.ret_at end,
    case when ${by('p.ret_at')} then (array['in_person', 'online', 'post'])[p.channel] end
  from ${PLAN} p cross join lateral (
    select count(*)::int as n, max(e.at) as last_at,
      (array_agg(e.status order by e.seq desc))[1] as status,
      (array_agg(e.state order by e.seq desc))[1] as state
    from ${EVENTS}
    where e.at is not null and e.at <= ${e}
  ) last`;
}

export function paymentsSql(end: Date): string {
  const e = `'${end.toISOString()}'::timestamptz`;
  return `
  insert into payments (id, dossier_id, user_id, procedure_code, procedure_version, unit_code,
    amount_vnd, reference, state, provider_txn_id, bank_bin, account_number, account_name,
    is_demo, created_at, paid_at, expires_at, receipt_no)
  select gen_random_uuid(), p.id, '${BENCH_USER_ID}', p.code, p.version, p.unit, p.fee,
    'CQS' || lpad(upper(to_hex(p.n)), 10, '0'), 'paid', 'bench-' || p.n, '970418',
    '1234567890', 'TRUNG TAM PHUC VU HANH CHINH CONG', true, p.pay_at - interval '5 minutes',
    p.pay_at, p.pay_at + interval '15 minutes',
    'BL-' || to_char(p.pay_at, 'YYYY') || '-' || lpad(p.n::text, 8, '0')
  from ${PLAN} p where p.pay_at is not null and p.pay_at <= ${e}`;
}

export function filesSql(): string {
  return `
  insert into files (id, owner_user_id, bundle_id, purpose, original_name, stored_name,
    media_type, size_bytes, sha256, created_at)
  select gen_random_uuid(), '${BENCH_USER_ID}', 'dossier:' || p.id, 'thanh-phan-ho-so',
    'ho-so.pdf', 'bench/' || p.id, 'application/pdf', 180000,
    md5(p.id::text) || md5(p.n::text), p.sub_at
  from bench_plan p where p.channel = 2 or p.files_u < 0.6`;
}

export function ratingsSql(end: Date): string {
  const e = `'${end.toISOString()}'::timestamptz`;
  return `
  insert into dossier_ratings (dossier_id, user_id, stars, comment, created_at)
  select p.id, '${BENCH_USER_ID}', p.stars, null, p.ret_at + interval '1 day'
  from ${PLAN} p
  where p.rated and p.channel = 2 and p.kind = 0 and not p.refused
    and p.ret_at + interval '1 day' <= ${e}`;
}
