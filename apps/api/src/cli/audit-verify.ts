import path from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { verifyAuditChain } from '../modules/audit/audit.verify';

/** `npm run audit:verify`: walks the hash chain of the configured database; exit 1 when broken. */
const config = loadConfig();
const database = await openDatabase({
  url: config.databaseUrl,
  pgliteDir: path.join(config.dataDir, 'pglite'),
});
try {
  const result = await verifyAuditChain(database.db);
  if (result.ok) {
    console.log(
      `Nhật ký kiểm toán toàn vẹn / audit log intact: ${result.rows} rows, head ${result.headHash}`,
    );
  } else {
    console.error(
      `Nhật ký kiểm toán BỊ SỬA ĐỔI / audit log BROKEN at row ${result.brokenAtId ?? '?'} (after ${result.rows} good rows): ${result.reason}`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
