import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { TestResident as Resident } from '../../test/factories';
import type { TestApp } from '../../test/test-app';
import { type MultipartPart, multipart } from './files.test-fixtures';

// Signed-in residents come from the shared factory.
export { makeResident, type TestResident as Resident } from '../../test/factories';

export function upload(
  app: TestApp,
  who: Resident | null,
  file: { name: string; type: string; data: Buffer } | null,
  fields: Record<string, string> = { bundleId: 'draft:test', purpose: 'thanh-phan-ho-so' },
) {
  const parts: MultipartPart[] = Object.entries(fields).map(([name, value]) => ({ name, value }));
  if (file) {
    parts.push({ name: 'file', filename: file.name, contentType: file.type, data: file.data });
  }
  const body = multipart(parts);
  return app.server.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...(who?.headers ?? {}), ...body.headers },
    payload: body.payload,
  });
}

/** Every regular file under the upload root, staging included (relative paths). */
export function filesOnDisk(app: TestApp): string[] {
  const root = path.join(app.config.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((p) => fs.statSync(path.join(root, p)).isFile())
    .sort();
}

export async function fileRowCount(app: TestApp): Promise<number> {
  const row = await app.database.db
    .selectFrom('files')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
