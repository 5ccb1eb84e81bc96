import type { FastifyRequest } from 'fastify';
import { Open311Error } from './open311.errors';

export interface Open311Media {
  fileName: string;
  declaredType: string;
  bytes: Buffer;
}

/** What `POST requests` sent, before any rule is checked. */
export interface Open311Submission {
  fields: Record<string, string>;
  /** `attribute[code]=value` pairs (service definition answers). */
  attributes: Record<string, string>;
  media: Open311Media | null;
}

const ATTRIBUTE_KEY = /^attribute\[([A-Za-z0-9_-]{1,60})\](\[\])?$/;

function addField(out: Open311Submission, name: string, value: unknown): void {
  const text = Array.isArray(value) ? value.map(String).join(',') : String(value ?? '');
  const attribute = ATTRIBUTE_KEY.exec(name);
  if (attribute) {
    const code = attribute[1] as string;
    out.attributes[code] = out.attributes[code] ? `${out.attributes[code]},${text}` : text;
    return;
  }
  if (name === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
    // Parsers that nest `attribute[code]` into an object.
    for (const [code, v] of Object.entries(value)) out.attributes[code] = String(v);
    return;
  }
  if (name in out.fields) {
    throw new Open311Error(400, `${name}: gửi hai lần / sent twice`);
  }
  out.fields[name] = text;
}

/**
 * Reads a form-encoded body, or a multipart one whose `media` part is a photo (kept in memory up
 * to the upload limit; the feedback core checks that it really is an image). The query string's
 * `api_key` is accepted too, as some clients send it there.
 */
export async function readPostFields(
  request: FastifyRequest,
  maxMediaBytes: number,
): Promise<Open311Submission> {
  const out: Open311Submission = { fields: {}, attributes: {}, media: null };
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        addField(out, part.fieldname, part.value);
        continue;
      }
      if (part.fieldname !== 'media' || out.media) {
        part.file.resume();
        throw new Open311Error(
          400,
          'Chỉ gửi một ảnh, trong trường "media" / one file, named media',
        );
      }
      const bytes = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new Open311Error(
            413,
            `media: ảnh vượt quá ${Math.round(maxMediaBytes / 1_048_576)} MB / too large`,
          );
        }
        throw error;
      });
      if (part.file.truncated) {
        throw new Open311Error(
          413,
          `media: ảnh vượt quá ${Math.round(maxMediaBytes / 1_048_576)} MB / too large`,
        );
      }
      out.media = { fileName: part.filename, declaredType: part.mimetype, bytes };
    }
  } else if (request.body && typeof request.body === 'object') {
    for (const [name, value] of Object.entries(request.body as Record<string, unknown>)) {
      addField(out, name, value);
    }
  } else if (request.body !== undefined && request.body !== null && request.body !== '') {
    throw new Open311Error(
      400,
      'Gửi dạng application/x-www-form-urlencoded hoặc multipart/form-data / unsupported body',
    );
  }
  const queryKey = (request.query as Record<string, unknown> | undefined)?.api_key;
  if (out.fields.api_key === undefined && typeof queryKey === 'string')
    out.fields.api_key = queryKey;
  return out;
}
