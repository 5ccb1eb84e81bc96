import type { OfficerRole } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { createOfficer } from './officers.admin';
import { demoTotpSecret } from './totp';
import { UsersRepository } from './users.repository';

/** One shared, clearly labelled password for all demo officers (demo mode only). */
export const DEMO_PASSWORD = 'demo-DakLak-2026';

interface DemoOfficer {
  username: string;
  fullName: string;
  grants: { role: OfficerRole; unitCode: string }[];
}

// Fictitious officers placed in real units (codes from apps/api/seed-data and departments.ts).
export const demoOfficers: DemoOfficer[] = [
  {
    username: 'demo.tiepnhan.bmt',
    fullName: 'Nguyễn Thị Lan (demo)',
    grants: [{ role: 'receiving_officer', unitCode: '24133' }],
  },
  {
    username: 'demo.chuyenvien.bmt',
    fullName: 'Trần Văn Hùng (demo)',
    grants: [{ role: 'specialist', unitCode: '24133' }],
  },
  {
    username: 'demo.lanhdao.bmt',
    fullName: 'Y Kông Niê (demo)',
    grants: [
      { role: 'unit_leader', unitCode: '24133' },
      { role: 'dashboard_viewer', unitCode: '24133' },
    ],
  },
  {
    username: 'demo.tiepnhan.tuyhoa',
    fullName: 'Lê Thị Thu (demo)',
    grants: [{ role: 'receiving_officer', unitCode: '22015' }],
  },
  {
    username: 'demo.eakar',
    fullName: "H'Yam Êban (demo)",
    grants: [
      { role: 'receiving_officer', unitCode: '24373' },
      { role: 'specialist', unitCode: '24373' },
      { role: 'community_team_member', unitCode: '24373' },
    ],
  },
  {
    username: 'demo.sotuphap',
    fullName: 'Phạm Minh Đức (demo)',
    grants: [
      { role: 'specialist', unitCode: '66-STP' },
      { role: 'unit_leader', unitCode: '66-STP' },
    ],
  },
  {
    // The province's leader: assigns directive tasks to communes and departments (tasks.assign at 66).
    username: 'demo.lanhdao.tinh',
    fullName: 'Hoàng Văn Sơn (demo)',
    grants: [{ role: 'unit_leader', unitCode: '66' }],
  },
  {
    username: 'demo.dieuhanh',
    fullName: 'Võ Thanh Bình (demo)',
    grants: [{ role: 'dashboard_viewer', unitCode: '66' }],
  },
  {
    username: 'demo.quantri',
    fullName: 'Đặng Quốc Anh (demo)',
    grants: [
      { role: 'province_admin', unitCode: '66' },
      { role: 'system_admin', unitCode: '66' },
    ],
  },
];

/** Seeds the demo officers once; existing accounts are left as they are. */
export async function seedDemoOfficers(db: Db, clock: Clock): Promise<DemoOfficer[]> {
  const users = new UsersRepository(db);
  for (const officer of demoOfficers) {
    if (await users.findByUsername(officer.username)) continue;
    await createOfficer(db, clock, {
      ...officer,
      password: DEMO_PASSWORD,
      totpSecret: demoTotpSecret(officer.username),
      isDemo: true,
    });
  }
  return demoOfficers;
}
