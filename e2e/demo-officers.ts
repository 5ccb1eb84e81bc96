import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoTotpSecret, totpCode } from '@cqs/api/src/modules/identity/totp';
import type { OfficerRole } from '@cqs/shared';

/**
 * What the end-to-end tests expect of the demo officers seeded in demo mode
 * (apps/api/src/modules/identity/demo-accounts.ts). Written out rather than imported: that module
 * pulls in the database layer, and the expectations are the point of the test.
 */
export const DEMO_PASSWORD = 'demo-DakLak-2026';

export interface ExpectedOfficer {
  username: string;
  fullName: string;
  grants: { role: OfficerRole; unitCode: string }[];
}

export const demoOfficers = {
  eakar: {
    username: 'demo.eakar',
    fullName: "H'Yam Êban (demo)",
    grants: [
      { role: 'receiving_officer', unitCode: '24373' },
      { role: 'specialist', unitCode: '24373' },
      { role: 'community_team_member', unitCode: '24373' },
    ],
  },
  lanhdaoBmt: {
    username: 'demo.lanhdao.bmt',
    fullName: 'Y Kông Niê (demo)',
    grants: [
      { role: 'unit_leader', unitCode: '24133' },
      { role: 'dashboard_viewer', unitCode: '24133' },
    ],
  },
  lanhdaoTinh: {
    username: 'demo.lanhdao.tinh',
    fullName: 'Hoàng Văn Sơn (demo)',
    grants: [{ role: 'unit_leader', unitCode: '66' }],
  },
  sotuphap: {
    username: 'demo.sotuphap',
    fullName: 'Phạm Minh Đức (demo)',
    grants: [
      { role: 'specialist', unitCode: '66-STP' },
      { role: 'unit_leader', unitCode: '66-STP' },
    ],
  },
} satisfies Record<string, ExpectedOfficer>;

/** Names the API gives the units of those grants (seeded reference data). */
export const unitNames: Record<string, string> = {
  '24133': 'Phường Buôn Ma Thuột',
  '24373': 'Xã Ea Kar',
  '66-STP': 'Sở Tư pháp tỉnh Đắk Lắk',
};

const STEP_MS = 30_000;

/**
 * TOTP steps already spent, per account, shared by every test file: the server refuses a replay,
 * and files running in parallel workers sign the same demo officer in to the same server. A step is
 * claimed by creating a directory, which is atomic across processes.
 */
const claimsDir = path.join(os.tmpdir(), 'cqs-e2e-totp-claims');
const CLAIM_TTL_MS = 5 * 60_000;

function claimStep(key: string, step: number): boolean {
  fs.mkdirSync(claimsDir, { recursive: true });
  try {
    fs.mkdirSync(path.join(claimsDir, `${key}#${step}`));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** Old claims only slow nobody down, but a long-lived machine should not collect them forever. */
function forgetOldClaims(): void {
  const cutoff = Date.now() - CLAIM_TTL_MS;
  for (const name of fs.readdirSync(claimsDir)) {
    const step = Number(name.split('#').pop());
    if (step * STEP_MS < cutoff)
      fs.rmSync(path.join(claimsDir, name), { recursive: true, force: true });
  }
}

/**
 * A code for a step no test has used for this account yet, waiting for the next step if needed.
 * `offsetMs` is the server's DEMO_CLOCK_OFFSET_MS: its codes follow its shifted clock.
 */
export async function freshTotp(username: string, offsetMs = 0): Promise<string> {
  const key = `${username}@${offsetMs}`;
  for (;;) {
    const now = Date.now() + offsetMs;
    const step = Math.floor(now / STEP_MS);
    if (claimStep(key, step)) {
      forgetOldClaims();
      return totpCode(demoTotpSecret(username), new Date(now));
    }
    await new Promise((r) => setTimeout(r, (step + 1) * STEP_MS - now + 250));
  }
}

/** Six digits the server rejects: not the code of the current step nor of either neighbour. */
export function wrongTotp(username: string): string {
  const secret = demoTotpSecret(username);
  const now = Date.now();
  const valid = new Set([-1, 0, 1].map((d) => totpCode(secret, new Date(now + d * STEP_MS))));
  let n = Number(totpCode(secret, new Date(now)));
  let candidate: string;
  do {
    n = (n + 1) % 1_000_000;
    candidate = String(n).padStart(6, '0');
  } while (valid.has(candidate));
  return candidate;
}
