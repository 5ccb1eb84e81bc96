import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrator';
import { systemClock } from '../lib/clock';
import { BootstrapAlreadyDoneError, bootstrapFirstAdmin } from '../modules/identity/bootstrap';
import { seedUnits } from '../modules/units/units.seed';

/**
 * `npm run bootstrap:admin -- --username <name> --full-name "<Họ tên>"`: creates the first system
 * administrator of a production installation, once. Prints the generated password and the TOTP
 * secret (and its otpauth:// URI for an authenticator app) a single time.
 */
const { values } = parseArgs({
  options: { username: { type: 'string' }, 'full-name': { type: 'string' } },
});
if (!values.username || !/^[a-z0-9._-]{3,64}$/.test(values.username) || !values['full-name']) {
  console.error(
    'Dùng / usage: npm run bootstrap:admin -- --username <a-z0-9._-> --full-name "<Họ và tên>"',
  );
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({
  url: config.databaseUrl,
  pgliteDir: path.join(config.dataDir, 'pglite'),
});
try {
  await migrate(database.db);
  await seedUnits(database.db);
  const result = await bootstrapFirstAdmin(database.db, systemClock, {
    username: values.username,
    fullName: values['full-name'],
    provinceCode: config.province.code,
  });
  console.log(
    [
      'Đã tạo quản trị viên đầu tiên / first administrator created. Lưu lại ngay, sẽ không hiển thị lại:',
      `  username: ${result.username}`,
      `  password: ${result.password}`,
      `  TOTP secret: ${result.totpSecret}`,
      `  TOTP URI: ${result.totpUri}`,
    ].join('\n'),
  );
} catch (error) {
  if (error instanceof BootstrapAlreadyDoneError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
} finally {
  await database.close();
}
