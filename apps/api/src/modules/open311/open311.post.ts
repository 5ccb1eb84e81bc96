import type { FastifyRequest } from 'fastify';
import type { StagedFile } from '../files/files.storage';
import { Open311Error } from './open311.errors';

/** A photo received in `media`, staged by the files module; the feedback core checks and stores it. */
export interface Open311Media {
  staged: StagedFile;
  fileName: string | undefined;
  declaredType: string;
}

/** The files module's staging, as the transport needs it. */
export interface MediaStager {
  stage(source: AsyncIterable<Buffer>, truncated: () => boolean): Promise<StagedFile>;
  discard(staged: StagedFile): Promise<void>;
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

async function readParts(
  request: FastifyRequest,
  stager: MediaStager,
  out: Open311Submission,
): Promise<void> {
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      addField(out, part.fieldname, part.value);
      continue;
    }
    if (part.fieldname !== 'media' || out.media) {
      part.file.resume();
      throw new Open311Error(400, 'Chỉ gửi một ảnh, trong trường "media" / one file, named media');
    }
    // Staged as it arrives (capped at the upload limit), never held whole in memory.
    const staged = await stager.stage(part.file, () => part.file.truncated);
    out.media = { staged, fileName: part.filename, declaredType: part.mimetype };
  }
}

/**
 * Reads a form-encoded body, or a multipart one whose `media` part is a photo (staged; the
 * feedback core checks that it really is an image). The caller discards `media` when done. The
 * query string's `api_key` is accepted too, as some clients send it there.
 */
export async function readPostFields(
  request: FastifyRequest,
  stager: MediaStager,
): Promise<Open311Submission> {
  const out: Open311Submission = { fields: {}, attributes: {}, media: null };
  if (request.isMultipart()) {
    try {
      await readParts(request, stager, out);
    } catch (error) {
      if (out.media) await stager.discard(out.media.staged);
      throw error;
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
  if (out.fields.api_key === undefined && typeof queryKey === 'string') {
    out.fields.api_key = queryKey;
  }
  return out;
}
