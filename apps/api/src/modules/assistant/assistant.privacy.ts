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

/** Names of a personal number as residents type them, with or without marks. */
const NUMBER_LABEL =
  '(?:số\\s+|so\\s+)?(?:cccd|cmnd|cmt|căn\\s+cước(?:\\s+công\\s+dân)?|can\\s+cuoc(?:\\s+cong\\s+dan)?|' +
  'định\\s+danh(?:\\s+cá\\s+nhân)?|dinh\\s+danh(?:\\s+ca\\s+nhan)?|sđt|sdt|' +
  'số\\s+điện\\s+thoại|so\\s+dien\\s+thoai|điện\\s+thoại|dien\\s+thoai|đt|dt)';
/** "CMND 2412… bị mất": then the card is what is asked about, and its name stays. */
const CARD_STATE =
  '(?:đã\\s+|da\\s+)?(?:bị|bi|mất|mat|hết\\s+hạn|het\\s+han|hỏng|hong|sai|rách|rach|cũ|cu)(?![\\p{L}])';
const LABELLED_NUMBER = new RegExp(
  `(?<![\\p{L}\\d])${NUMBER_LABEL}\\s*(?:(?:của|cua)\\s+(?:tôi|em|mình|toi|minh)\\s*)?(?:là|la|:)?\\s*\\+?\\d(?:[\\s.-]?\\d){6,}(?![\\s.-]?\\d)(?!\\s*${CARD_STATE})`,
  'giu',
);
/** Seven digits or more; a procedure code ("1.001193") is not personal and stays. */
const LONG_NUMBER = /(?<![\w.])(?!\d\.\d{6}(?![\d.]))\+?\d(?:[\s.-]?\d){6,}(?![\w])/g;

/**
 * The question without the personal numbers a resident adds to it ("CCCD 0661…, sđt 0905…, làm
 * giấy khai sinh"): the label goes with its number, since "căn cước" there says whose the number is,
 * not which procedure is asked (it would pull the ranking towards identity-card procedures) —
 * unless the card's state follows ("CMND 2412… bị mất"), and only the number goes.
 */
export function withoutPersonalNumbers(text: string): string {
  return text
    .normalize('NFC')
    .replace(LABELLED_NUMBER, ' ')
    .replace(LONG_NUMBER, ' ')
    .replace(/\s*,(?:\s*,)+/g, ',')
    .replace(/^[\s,;.]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
