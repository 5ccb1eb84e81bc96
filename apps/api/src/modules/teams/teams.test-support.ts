import type { OfficerRole } from '@cqs/shared';
import { makeOfficer, type SignedIn, signInOfficer } from '../../test/factories';
import type { TestApp } from '../../test/test-app';

/** Buôn Ma Thuột ward and Tuy Hòa ward: two real communes of the province. */
export const COMMUNE_A = '24133';
export const COMMUNE_B = '22015';

export interface Caller extends SignedIn {
  id: string;
}

export async function signedIn(
  app: TestApp,
  grants: { role: OfficerRole; unitCode: string }[],
): Promise<Caller> {
  const officer = await makeOfficer(app, grants);
  return { id: officer.id, ...(await signInOfficer(app, officer)) };
}

export function call(
  app: TestApp,
  who: SignedIn,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
) {
  const headers: Record<string, string> = { cookie: who.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = who.csrf;
  return app.server.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** A multipart body with one "file" part, as a browser's FormData would send it. */
export function multipartFile(
  fileName: string,
  bytes: Buffer,
  contentType: string,
): { body: Buffer; contentType: string } {
  const boundary = '----cqs-test-boundary-7d93';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, bytes, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export function upload(
  app: TestApp,
  who: SignedIn,
  url: string,
  file: { name: string; bytes: Buffer; type?: string },
) {
  const { body, contentType } = multipartFile(file.name, file.bytes, file.type ?? 'text/csv');
  return app.server.inject({
    method: 'POST',
    url,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': contentType },
    payload: body,
  });
}
