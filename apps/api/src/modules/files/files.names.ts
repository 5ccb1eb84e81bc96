/** Longest display name kept, in characters (code points), extension included. */
export const MAX_NAME_LENGTH = 120;
const FALLBACK_BASE = 'tep-dinh-kem';

// Control and invisible format characters (C0, C1, DEL, bidi overrides that disguise an
// extension, zero-width characters), line separators, and unpaired surrogates.
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/**
 * The name a person sees for a file. It is never used to build a path (stored names are
 * generated), but it is shown in pages and in Content-Disposition, so it is made harmless:
 * no directories, no control characters, NFC, at most 120 characters with the extension kept.
 */
export function sanitiseFileName(raw: string | undefined | null): string {
  let name = (raw ?? '').normalize('NFC').replace(INVISIBLE, '');
  // Clients on Windows send "C:\Users\…\x.pdf"; others "../../x.pdf": keep the last segment.
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const dot = name.lastIndexOf('.');
  const hasExt = dot > 0 && name.length - dot <= 11;
  let base = hasExt ? name.slice(0, dot) : name;
  const ext = hasExt ? name.slice(dot) : '';
  if (!base) base = FALLBACK_BASE;
  const room = MAX_NAME_LENGTH - [...ext].length;
  base =
    [...base]
      .slice(0, room)
      .join('')
      .replace(/[\s.]+$/, '') || FALLBACK_BASE;
  return `${base}${ext}`.normalize('NFC');
}

/** The lower-case extension without its dot, or '' when the name has none. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / RFC 8187), so browsers
 * save the file instead of rendering it in our origin.
 */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
