import { CompoundLexicon, type Token, tokenize } from '@cqs/shared';
import {
  ASPECT_CUES,
  FEEDBACK_CUES,
  FILLER_CUES,
  GREETING_CUES,
  KEEP_PHRASES,
  SUBMISSION_CUES,
} from './assistant.cue-tables';
import {
  BEREAVEMENT_CUES,
  CHILD_CUES,
  ORGANISATION_CUES,
  PAST_CUES,
  QUALIFIER_CUES,
  TRACKING_CUES,
} from './assistant.situation-cues';

export * from './assistant.cue-tables';
export * from './assistant.situation-cues';

export interface CueMatch {
  kind: string;
  start: number;
  end: number;
}

interface CompiledCue {
  kind: string;
  terms: string[];
  raws: string[];
}

function compile(table: Record<string, readonly string[]>): CompiledCue[] {
  const out: CompiledCue[] = [];
  for (const [kind, phrases] of Object.entries(table)) {
    for (const p of phrases) {
      const tokens = tokenize(p);
      out.push({ kind, terms: tokens.map((t) => t.term), raws: tokens.map((t) => t.raw) });
    }
  }
  // Longest first: "thời gian giải quyết" before "thời gian".
  return out.sort((a, b) => b.terms.length - a.terms.length);
}

const compiled = compile({
  ...ASPECT_CUES,
  submission: SUBMISSION_CUES,
  feedback: FEEDBACK_CUES,
  greeting: GREETING_CUES,
  tracking: TRACKING_CUES,
  past: PAST_CUES,
  qualifier: QUALIFIER_CUES,
  child: CHILD_CUES,
  bereavement: BEREAVEMENT_CUES,
  organisation: ORGANISATION_CUES,
  filler: FILLER_CUES,
  keep: KEEP_PHRASES,
});

const UNMARKED = /^[a-z0-9]+$/;

/**
 * In a message typed without marks, a syllable matches any marked spelling ("phi" → "phí"); in a
 * message with marks it must match them ("tất" is not "tắt", "phía" is not "phí", "gia" not "giá").
 */
function sameSyllable(token: Token, term: string, raw: string, marked: boolean): boolean {
  if (token.term !== term) return false;
  if (UNMARKED.test(token.raw) && !marked) return true;
  return markKey(token.raw) === markKey(raw);
}

/** The marks of a syllable in any order: "hoà" and "hòa" place the grave differently. */
function markKey(raw: string): string {
  const marks = [...raw.normalize('NFD')].filter((c) => c >= '\u0300' && c <= '\u036f');
  return marks.sort().join('') + (raw.includes('đ') ? 'đ' : '');
}

/**
 * Finds every cue in the tokens, left to right, longest first, without overlaps. "phí" matches
 * only the whole syllable, so "phía" is not a fee; and a one-syllable cue never takes a syllable
 * of a dictionary word: "do" is "đó" (a filler) alone, but not in "che do" (chế độ).
 */
export function findCues(
  tokens: readonly Token[],
  lexicon: CompoundLexicon = CompoundLexicon.empty,
): CueMatch[] {
  const out: CueMatch[] = [];
  // Someone who types marks types them everywhere: then "gia" is "gia" (gia hạn), not "giá".
  const marked = tokens.some((t) => !UNMARKED.test(t.raw));
  const words = lexicon.segment(tokens);
  const inWord = new Array<boolean>(tokens.length).fill(false);
  for (const { start, end } of words) {
    if (end - start > 1) for (let k = start; k < end; k++) inWord[k] = true;
  }
  // Only when the syllable cannot stand alone in an equally good split: unmarked "co yeu to" is
  // "cơ yếu | tố" or "có | yếu tố", so "co" may still be "có".
  const bound = (k: number) =>
    inWord[k] &&
    lexicon.segment(tokens.slice(0, k)).length + 1 + lexicon.segment(tokens.slice(k + 1)).length >
      words.length;
  let i = 0;
  while (i < tokens.length) {
    let hit: CompiledCue | undefined;
    for (const cue of compiled) {
      if (cue.terms.length === 0 || i + cue.terms.length > tokens.length) continue;
      if (cue.terms.length === 1 && cue.kind !== 'keep' && bound(i)) continue;
      if (cue.terms.every((t, k) => sameSyllable(tokens[i + k]!, t, cue.raws[k]!, marked))) {
        hit = cue;
        break;
      }
    }
    if (hit) {
      if (hit.kind !== 'keep') out.push({ kind: hit.kind, start: i, end: i + hit.terms.length });
      i += hit.terms.length;
    } else {
      i += 1;
    }
  }
  return out;
}
