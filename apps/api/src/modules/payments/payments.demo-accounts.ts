import { foldVietnamese } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { PaymentsRepository } from './payments.repository';

/**
 * Agribank's NAPAS BIN with account "numbers" that contain letters (DEMO…): the codes scan as
 * well-formed VietQR, but no bank account can match, so a real transfer cannot reach a stranger.
 */
export const DEMO_BANK_BIN = '970405';
const PROVINCE_CENTRE = '66-TTPVHCC';

/**
 * Demo mode only: a clearly labelled demo collection account for every commune centre and the
 * provincial centre that has none. Never overwrites an account an administrator has set.
 */
export async function seedDemoPaymentAccounts(db: Db, clock: Clock): Promise<number> {
  const units = await db
    .selectFrom('units')
    .select(['code', 'kind', 'full_name'])
    .where((eb) => eb.or([eb('kind', '=', 'commune'), eb('code', '=', PROVINCE_CENTRE)]))
    .execute();
  const rows = units.map((u) => {
    const place =
      u.code === PROVINCE_CENTRE
        ? 'TINH DAK LAK'
        : foldVietnamese(u.full_name).toUpperCase().replace(/\s+/g, ' ').trim();
    return {
      unitCode: u.code,
      bankBin: DEMO_BANK_BIN,
      accountNumber: `DEMO${u.code.replace(/[^0-9A-Z]/gi, '').toUpperCase()}`.slice(0, 19),
      accountName: `TT PVHCC ${place} (DEMO)`,
      isDemo: true,
    };
  });
  return new PaymentsRepository(db).insertMissingAccounts(rows, clock.now());
}
