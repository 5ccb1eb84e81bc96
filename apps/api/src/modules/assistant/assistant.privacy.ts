/**
 * Dossier codes in free text, and masking of personal numbers before anything is stored.
 *
 * Official codes are `{unit identifier}-{yymmdd}-{NNNN}` (e.g. H15.50.05.13-261008-0975; demo
 * mode uses DEMO66.<commune>); before acceptance a dossier has a temporary reference
 * `TN-yymmdd-XXXXXX`. Residents type them with spaces around the separators and in any case.
 */
const CODE_PATTERN =
  /(?<![A-Z0-9])((?:[A-Z]\d{2}(?:\.\d{2}){3})|(?:DEMO\d{2}\.\d{5})|TN)-(\d{6})-([A-Z0-9]{4,6})(?![A-Z0-9])/i;

export interface FoundDossierCode {
  /** As stored: upper case, no spaces. */
  code: string;
  /** The text with the code taken out (where the last four digits may still be). */
  rest: string;
}

export function findDossierCode(text: string): FoundDossierCode | null {
  const compact = text.replace(/\s*([.-])\s*/g, '$1');
  const m = CODE_PATTERN.exec(compact);
  if (!m) return null;
  return {
    code: m[0].toUpperCase(),
    rest: `${compact.slice(0, m.index)} ${compact.slice(m.index + m[0].length)}`,
  };
}

/** Four digits standing alone: the last digits of the phone or ID number asked for tracking. */
export function findLastFour(text: string): string | null {
  const m = /(?<![\d.-])(\d{4})(?![\d.-])/.exec(text);
  return m ? m[1]! : null;
}

const MASK = '[đã ẩn]';

/**
 * What is stored of a message: phone numbers, ID numbers (9 or 12 digits) and any other run of 7+
 * digits are removed, and so are lone groups of 4 digits (the tracking check digits). Dossier and
 * procedure codes stay, they are not personal.
 */
export function maskPersonalNumbers(text: string): string {
  const found = findDossierCode(text);
  const keep = found ? found.code : null;
  let out = found ? `${found.rest}` : text;
  out = out
    .replace(/(?<![\w.])\+?\d(?:[\s.-]?\d){6,}(?![\w])/g, MASK)
    .replace(/(?<![\d.-])\d{4}(?![\d.-])/g, MASK)
    .replace(/\s+/g, ' ')
    .trim();
  return keep ? `${keep} ${out}`.trim() : out;
}
