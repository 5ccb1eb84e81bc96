/**
 * Community feedback reports for the dashboard benchmark (issue 7's "1 million feedback reports"),
 * written by PostgreSQL from one plan per report, like the dossiers: the seeded categories
 * (weighted below), the reporter's commune by population, 90 % handled by the commune and 10 % by
 * the category's provincial department; due 15 working days after the report (the categories'
 * answer time); 3 % rejected, 85 % answered within the due date, the rest 1–15 working days
 * late; 35 % of answers rated by the resident, the others closed automatically 7 days later.
 * Events (feedback-workflow.ts): submitted → start → resolve | reject → rate | auto_close, each
 * present when its instant is ≤ end; the report row is the state after its last event.
 */
import { sql } from 'kysely';
import type { Db } from '../apps/api/src/db/client';
import { lit } from './dashboard-scale.generate';
import { weightedSlots } from './dashboard-scale.mix';

/** Relative frequency of each main category (sub-categories share their parent's weight). */
const CATEGORY_WEIGHT: Record<string, number> = {
  'moi-truong': 18,
  'giao-thong': 16,
  'trat-tu-do-thi': 12,
  'dien-chieu-sang': 10,
  'cap-thoat-nuoc': 8,
  'an-ninh-trat-tu': 8,
  'dat-dai': 7,
  'dich-vu-cong': 6,
  'an-sinh-xa-hoi': 4,
  'y-te': 3,
  'giao-duc': 3,
  'nong-nghiep': 3,
  khac: 2,
};

const DESCRIPTIONS = [
  'Rác thải sinh hoạt tập kết ven đường nhiều ngày chưa được thu gom, bốc mùi.',
  'Mặt đường xuất hiện ổ gà lớn, nguy hiểm cho người đi xe máy vào ban đêm.',
  'Đèn chiếu sáng công cộng trên tuyến đường bị hỏng, khu vực tối om.',
  'Lấn chiếm vỉa hè để buôn bán, người đi bộ phải đi xuống lòng đường.',
  'Cống thoát nước bị tắc, mưa lớn gây ngập cục bộ trước khu dân cư.',
  'Tụ tập gây mất trật tự, nẹt pô xe máy vào ban đêm.',
  'Đề nghị hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất.',
  'Hồ sơ nộp trực tuyến quá hạn nhưng chưa nhận được phản hồi.',
];

export async function generateFeedback(
  db: Db,
  o: {
    reports: number;
    communes: { code: string; population: number }[];
    firstIndex: number;
    lastIndex: number;
    end: Date;
  },
): Promise<void> {
  const categories = await db
    .selectFrom('feedback_categories')
    .select(['code', 'parent_code', 'department_code'])
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  const weights = categories.map((c) => {
    const main = c.parent_code ?? c.code;
    const siblings = categories.filter((x) => (x.parent_code ?? x.code) === main).length;
    return (CATEGORY_WEIGHT[main] ?? 1) / siblings;
  });
  // Integer slots into short text arrays (see prepareLookups: a text array is searched linearly).
  const catSlots = weightedSlots(weights, 10_000);
  const communeSlots = weightedSlots(
    o.communes.map((c) => c.population),
    10_000,
  );
  const departments = new Map(categories.map((c) => [c.code, c.department_code ?? '66-VP']));
  const e = `'${o.end.toISOString()}'::timestamptz`;
  const at = (k: string, secs: string) =>
    `(((wd[${k}]::timestamp + make_interval(secs => ${secs})) - interval '7 hours') at time zone 'UTC')`;
  const span = o.lastIndex - o.firstIndex + 1;

  await sql`drop table if exists bench_fb_plan`.execute(db);
  await sql
    .raw(`
  create unlogged table bench_fb_plan as
  select f.*,
    case when f.outcome = 1 then ${at('f.k + 2', '36000')}
      when f.outcome = 2 then ${at('f.k + 16 + floor(f.u_late * 15)::int', '36000')}
      else ${at('f.k + floor(f.u_late * 15)::int', '36000 + floor(f.u_time * 18000)::int')}
    end as answered_at,
    ${at('f.k + 15', '61200')} as due_at,
    ${at('f.k', '21600 + floor(f.u_time * 57600)::int')} as created_at,
    ${at('f.k + 1', '32400')} as start_at
  from (
    select q.*, catn[cats[1 + floor(q.u_cat * array_length(cats, 1))::int]] as category,
      cn[cs[1 + floor(q.u_unit * array_length(cs, 1))::int]] as commune
    from (
      select g as n, gen_random_uuid() as id,
        ${o.firstIndex} + floor(random() * ${span})::int as k,
        random() as u_cat, random() as u_unit, random() as u_time, random() as u_late,
        random() < 0.1 as to_department,
        -- 0 answered on time, 1 rejected, 2 answered late
        width_bucket(random(), array[0.85, 0.88]::float8[])::smallint as outcome,
        random() < 0.35 as rated,
        (1 + width_bucket(random(), array[0.06, 0.12, 0.25, 0.55]::float8[]))::smallint as stars
      from generate_series(1, ${o.reports}) g
    ) q,
    (select array[${catSlots.join(',')}]::int[] as cats, array[${communeSlots.join(',')}]::int[] as cs,
      array[${categories.map((c) => lit(c.code)).join(',')}] as catn,
      array[${o.communes.map((c) => lit(c.code)).join(',')}] as cn) s
  ) f,
  (select array_agg(day order by n) as wd from bench_workdays) w`)
    .execute(db);

  const plan = `(select p.*,
      case when p.to_department then (case p.category ${[...departments]
        .map(([c, d]) => `when ${lit(c)} then ${lit(d)}`)
        .join(' ')} end) else p.commune end as unit,
      case when p.rated then p.answered_at + interval '2 days'
        else p.answered_at + interval '7 days' end as closed_at
    from bench_fb_plan p)`;
  const events = `(values
    (1, 'submitted', 'assigned', p.created_at, 'resident', true),
    (2, 'start', 'in_progress', case when p.outcome <> 1 then p.start_at end, 'officer', true),
    (3, case when p.outcome = 1 then 'reject' else 'resolve' end,
      case when p.outcome = 1 then 'rejected' else 'resolved' end, p.answered_at, 'officer', true),
    (4, case when p.rated then 'rate' else 'auto_close' end, 'closed', p.closed_at,
      case when p.rated then 'resident' else 'system' end, true)
  ) e(seq, type, state, at, actor_kind, public)`;
  const by = (col: string) => `(${col} <= ${e})`;

  // Two writes, as the app makes them: the report as of its answer (or earlier), then the close.
  // The dashboard's row trigger on feedback_reports (migration 0019) sees the same transitions,
  // so a rejected report stays "rejected" after it closes.
  const open = `(select e.* from ${events} where e.seq < 4 and e.at is not null and e.at <= ${e})`;
  await sql
    .raw(`
  insert into feedback_reports (id, reference, category_code, description, commune_code,
    reporter_name, anonymous, state, assigned_unit_code, escalation_level, due_at, pauses,
    moderation_state, public_answer, answered_at, resolved_at, source, row_version, created_at,
    updated_at)
  select p.id,
    'PA-' || to_char((p.created_at at time zone 'UTC') + interval '7 hours', 'YYMMDD') || '-'
      || lpad(upper(to_hex(p.n)), 6, '0'),
    p.category, (array[${DESCRIPTIONS.map(lit).join(',')}])[1 + p.n % ${DESCRIPTIONS.length}],
    p.commune, 'Người phản ánh ' || p.n, false, last.state, p.unit, 0, p.due_at, '[]'::jsonb,
    'visible',
    case when ${by('p.answered_at')} then 'Đơn vị đã tiếp nhận và xử lý nội dung phản ánh.' end,
    case when ${by('p.answered_at')} then p.answered_at end,
    case when ${by('p.answered_at')} then p.answered_at end,
    'web', last.n, p.created_at, last.last_at
  from ${plan} p cross join lateral (
    select count(*)::int as n, max(e.at) as last_at,
      (array_agg(e.state order by e.seq desc))[1] as state
    from ${open} e
  ) last
  where p.created_at <= ${e}`)
    .execute(db);
  await sql
    .raw(`
  update feedback_reports r set state = 'closed', closed_at = p.closed_at,
    rating = case when p.rated then p.stars end, overdue_at_close = p.answered_at > p.due_at,
    row_version = r.row_version + 1, updated_at = p.closed_at
  from ${plan} p
  where p.id = r.id and ${by('p.closed_at')}`)
    .execute(db);

  await sql
    .raw(`
  insert into feedback_events (report_id, type, state, at, actor_id, actor_kind, unit_code, public,
    note, data)
  select p.id, e.type, e.state, e.at, null, e.actor_kind, p.unit, e.public, null, '{}'::jsonb
  from ${plan} p cross join lateral ${events}
  where e.at is not null and e.at <= ${e}`)
    .execute(db);
  await sql`drop table bench_fb_plan`.execute(db);
}
