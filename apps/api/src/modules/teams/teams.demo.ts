import { createHash } from 'node:crypto';
import type { TeamActivityKind, TeamMemberRole } from '@cqs/shared';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { addDays, toLocal } from '../calendar/calendar.time';
import { TeamImportRepository } from './teams.import.repository';
import { type NewActivity, TeamsRepository } from './teams.repository';
import type { TeamMembersTable, TeamsTable } from './teams.tables';

/**
 * Demo mode only: clearly labelled demo teams for the 102 real communes (names start with
 * "[DEMO]", is_demo = true, phone numbers 0000xxxxxx which no Vietnamese number starts with).
 * The real province has about 2,100 teams and 12,570 members (DOMAIN.md §8); the demo keeps 2–3
 * teams per commune so that `npm start` stays quick. Deterministic: the same commune gets the
 * same teams, members and activities (dates counted back from the demo day). Idempotent: a
 * commune that already has demo teams is left as it is.
 */
export const DEMO_PREFIX = '[DEMO]';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Huỳnh',
  'Ngô',
  'Dương',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Hữu', 'Thu'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Hà',
  'Hạnh',
  'Khoa',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Oanh',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trung',
  'Vy',
  'Yến',
];
// Invented names in the style of the Ê Đê and M'nông communities of the province.
const HIGHLAND = [
  'Y Blôk Êban',
  "H'Nga Niê",
  'Y Thuôn Mlô',
  "H'Mai Ksơr",
  'Y Kha Byă',
  "H'Lan Adrơng",
];
const ROLE_ORDER: TeamMemberRole[] = [
  'bi_thu_chi_bo',
  'doan_thanh_nien',
  'hoi_phu_nu',
  'hoi_nong_dan',
  'cuu_chien_binh',
  'cong_an',
];
const KIND_WEIGHTS: [TeamActivityKind, number][] = [
  ['guided_online_service', 45],
  ['linked_vneid', 30],
  ['assisted_submission', 10],
  ['training_session', 8],
  ['other', 7],
];

/** mulberry32 seeded from the commune code: a small, well-known deterministic PRNG. */
function prng(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID derived from a name (stable across runs), shaped as version 8 (custom). */
function demoId(name: string): string {
  const h = createHash('sha256').update(`cqs-demo-teams:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const pick = <T>(rand: () => number, list: readonly T[]): T =>
  list[Math.floor(rand() * list.length)]!;

function pickKind(rand: () => number): TeamActivityKind {
  let x = rand() * 100;
  for (const [kind, weight] of KIND_WEIGHTS) {
    if (x < weight) return kind;
    x -= weight;
  }
  return 'other';
}

export interface DemoTeamsResult {
  communes: number;
  teams: number;
  members: number;
  activities: number;
}

/**
 * Seeds the demo teams. `linkUsername`: a demo officer with the community_team_member role whose
 * account is linked to one demo member of their commune, so the demo can log activities.
 */
export async function seedDemoTeams(
  db: Db,
  clock: Clock,
  options: { linkUsername?: string } = {},
): Promise<DemoTeamsResult> {
  const repo = new TeamsRepository(db);
  const communes = await db
    .selectFrom('units')
    .select(['code', 'type'])
    .where('kind', '=', 'commune')
    .orderBy('code')
    .execute();
  const linkUser = options.linkUsername
    ? await db
        .selectFrom('users')
        .innerJoin('grants', 'grants.user_id', 'users.id')
        .select(['users.id', 'grants.unit_code'])
        .where('users.username', '=', options.linkUsername)
        .where('grants.role', '=', 'community_team_member')
        .executeTakeFirst()
    : undefined;
  const today = toLocal(clock.now()).date;
  const now = clock.now();
  const result: DemoTeamsResult = { communes: 0, teams: 0, members: 0, activities: 0 };

  for (const commune of communes) {
    if ((await repo.demoTeamCount(commune.code)) > 0) continue;
    const rand = prng(commune.code);
    const ward = /phường/i.test(commune.type);
    const teamCount = 2 + (rand() < 0.5 ? 1 : 0);
    const teams: Insertable<TeamsTable>[] = [];
    const members: Insertable<TeamMembersTable>[] = [];
    const activities: NewActivity[] = [];
    for (let t = 1; t <= teamCount; t++) {
      const village = ward ? `Tổ dân phố ${t}` : `Thôn ${t}`;
      const teamId = demoId(`${commune.code}/team/${t}`);
      teams.push({
        id: teamId,
        commune_code: commune.code,
        village,
        name: `${DEMO_PREFIX} Tổ Công nghệ số cộng đồng ${village}`,
        status: 'active' as const,
        is_demo: true,
        import_id: null,
        created_at: now,
        updated_at: now,
      });
      const size = 5 + (rand() < 0.5 ? 1 : 0);
      for (let m = 0; m < size; m++) {
        const memberId = demoId(`${commune.code}/team/${t}/member/${m}`);
        const fullName =
          rand() < 0.25
            ? pick(rand, HIGHLAND)
            : `${pick(rand, FAMILY)} ${pick(rand, MIDDLE)} ${pick(rand, GIVEN)}`;
        const link = linkUser && linkUser.unit_code === commune.code && t === 1 && m === 1;
        members.push({
          id: memberId,
          team_id: teamId,
          full_name: `${fullName} (demo)`,
          role: ROLE_ORDER[m] ?? 'khac',
          // 0000…: a reserved-looking pattern no Vietnamese subscriber number has.
          phone: `0000${commune.code.slice(-3)}${t}${m}${Math.floor(rand() * 10)}`.slice(0, 10),
          village,
          user_id: link ? linkUser.id : null,
          status: 'active' as const,
          is_demo: true,
          import_id: null,
          created_at: now,
          updated_at: now,
        });
        const count = 1 + Math.floor(rand() * 4);
        for (let a = 0; a < count; a++) {
          const kind = pickKind(rand);
          activities.push({
            id: demoId(`${commune.code}/team/${t}/member/${m}/activity/${a}`),
            member_id: memberId,
            team_id: teamId,
            commune_code: commune.code,
            activity_date: addDays(today, -Math.floor(rand() * 60)),
            kind,
            attendees: kind === 'training_session' ? 8 + Math.floor(rand() * 30) : null,
            resident_consent: false,
            resident_ref: null,
            notes: 'Dữ liệu mẫu (demo)',
            dossier_id: null,
            source: 'demo',
            import_id: null,
            is_demo: true,
            created_by: null,
            created_at: now,
          });
        }
      }
    }
    await db.transaction().execute(async (trx) => {
      const batch = new TeamImportRepository(trx);
      await batch.insertTeams(teams);
      await batch.insertMembers(members);
      await new TeamsRepository(trx).insertActivities(activities);
    });
    result.communes += 1;
    result.teams += teams.length;
    result.members += members.length;
    result.activities += activities.length;
  }
  return result;
}
