import type { AssistantAspect } from '@cqs/shared';
import { type Token, tokenize } from '@cqs/shared';

/**
 * Cue phrases: how residents ask for one section of a procedure, or signal what they want to do.
 * Written naturally with marks; matched on folded canonical syllables, so "bao lâu", "bao lau" and
 * "BAO LÂU" are one cue. Longest match wins; a matched cue is removed from the text before the
 * procedure search (its words say nothing about which procedure). Edit freely.
 */
export const ASPECT_CUES: Record<AssistantAspect, readonly string[]> = {
  fees: [
    'bao nhiêu tiền',
    'hết bao nhiêu tiền',
    'mất bao nhiêu tiền',
    'tốn bao nhiêu',
    'tốn bao nhiêu tiền',
    'tốn tiền',
    'mất tiền',
    'có mất phí',
    'nhiêu tiền',
    'lệ phí',
    'phí',
    'chi phí',
    'giá',
    'miễn phí',
    'đóng tiền',
    'nộp tiền',
  ],
  time: [
    'bao lâu',
    'mất bao lâu',
    'trong bao lâu',
    'lâu không',
    'mấy ngày',
    'bao nhiêu ngày',
    'mấy hôm',
    'thời hạn',
    'thời gian giải quyết',
    'thời gian',
    'khi nào có',
    'khi nào nhận',
    'bao giờ có',
    'bao giờ nhận',
    'bao giờ lấy',
    'nhanh không',
    'ngày làm việc',
  ],
  documents: [
    'giấy tờ',
    'giấy tờ gì',
    'hồ sơ gồm',
    'hồ sơ cần',
    'hồ sơ gồm những gì',
    'thành phần hồ sơ',
    'cần những gì',
    'cần gì',
    'cần mang',
    'mang theo',
    'mang gì',
    'chuẩn bị',
    'gồm những gì',
    'những giấy nào',
    'giấy gì',
    'bộ hồ sơ',
    'cần có gì',
    'hồ sơ gì',
    'cần hồ sơ',
    'hồ sơ những gì',
    'giấy tờ j',
    'cần j',
  ],
  place: [
    'ở đâu',
    'nộp ở',
    'nộp tại',
    'nơi nộp',
    'chỗ nào',
    'đi đâu',
    'đến đâu',
    'địa chỉ',
    'cơ quan nào',
    'nộp online',
    'nộp trực tuyến',
    'nộp qua mạng',
    'qua bưu điện',
    'bưu chính',
    'cách nộp',
    'nộp như thế nào',
  ],
  steps: [
    'các bước',
    'trình tự',
    'quy trình',
    'cách làm',
    'làm như thế nào',
    'làm thế nào',
    'làm sao',
    'thế nào',
    'ra sao',
    'hướng dẫn',
    'thực hiện như thế nào',
  ],
  conditions: [
    'điều kiện',
    'yêu cầu',
    'có được không',
    'được không',
    'trường hợp nào',
    'khi nào được',
  ],
  legal_basis: [
    'căn cứ',
    'căn cứ pháp lý',
    'pháp lý',
    'luật nào',
    'văn bản nào',
    'quy định nào',
    'nghị định nào',
    'thông tư nào',
    'theo luật',
    'cơ sở pháp lý',
  ],
  results: ['kết quả', 'nhận được gì', 'được cấp gì', 'nhận gì', 'được gì'],
  applicants: ['ai được', 'ai có thể', 'ai phải', 'đối tượng', 'ai làm', 'ai đi'],
};

/** The resident wants to hand in a dossier now (not to ask about it). */
export const SUBMISSION_CUES: readonly string[] = [
  'nộp hồ sơ',
  'nộp',
  'nộp luôn',
  'nộp ngay',
  'trực tuyến',
  'online',
  'qua mạng',
  'làm hồ sơ',
  'bắt đầu',
  'điền tờ khai',
  'điền đơn',
  'tạo hồ sơ',
];

/** Something is broken or wrong in the neighbourhood: a feedback report, not a procedure. */
export const FEEDBACK_CUES: readonly string[] = [
  'phản ánh',
  'kiến nghị',
  'báo hỏng',
  'hỏng',
  'hư',
  'không sáng',
  'tắt',
  'ngập',
  'ngập nước',
  'tắc',
  'vỡ',
  'sập',
  'sạt lở',
  'ổ gà',
  'ổ voi',
  'mất điện',
  'cúp điện',
  'mất nước',
  'cúp nước',
  'ô nhiễm',
  'bốc mùi',
  'hôi thối',
  'xả rác',
  'đổ rác',
  'rác',
  'lấn chiếm',
  'tiếng ồn',
  'ồn ào',
  'karaoke',
  'đánh nhau',
  'trộm',
  'chó thả rông',
  'cháy',
  'cây đổ',
];

export const GREETING_CUES: readonly string[] = [
  'xin chào',
  'chào',
  'chào bạn',
  'hello',
  'hi',
  'alo',
  'cảm ơn',
  'cám ơn',
  'thanks',
  'bạn là ai',
  'giúp gì',
  'bạn làm được gì',
];

/** Questions about one's dossier without a code: ask for the code. */
export const TRACKING_CUES: readonly string[] = [
  'tra cứu hồ sơ',
  'tình trạng hồ sơ',
  'hồ sơ của tôi',
  'hồ sơ của mình',
  'hồ sơ đến đâu',
  'đến đâu rồi',
  'xong chưa',
  'mã hồ sơ',
  'theo dõi hồ sơ',
];

/**
 * Words that only carry a follow-up ("còn lệ phí thì sao?", "thế còn giấy tờ?"): when nothing is
 * left after removing them and the cues, the question is about the procedure of the conversation.
 */
export const FILLER_CUES: readonly string[] = [
  'còn',
  'thì sao',
  'thế còn',
  'vậy',
  'thế',
  'nữa',
  'nhỉ',
  'nha',
  'ạ',
  'à',
  'hả',
  'không',
  'ko',
  'k',
  'khong',
  'sao',
  'cần',
  'cho con',
  'cho bé',
  'cho cháu',
  'cho con tôi',
  'cho bố',
  'cho mẹ',
  'cho vợ',
  'cho chồng',
  'cho hỏi',
  'cho mình hỏi',
  'cho tôi hỏi',
  'hỏi chút',
  'bao nhiêu',
  'là',
  'có',
  'gì',
  'nào',
  'được',
  'phải',
  'thủ tục',
  'hồ sơ',
  'cái',
  'đó',
  'này',
];

/**
 * Phrases that contain a cue word but are content ("căn cước" is not "cần", "tiền sử dụng đất" is
 * not a fee question): matched first and left in the text.
 */
export const KEEP_PHRASES: readonly string[] = [
  'căn cước',
  'căn hộ',
  'tiền sử dụng đất',
  'tiền thuê đất',
  'giá đất',
  'giá trị',
  'phòng cháy',
  'chữa cháy',
  'giấy tờ tùy thân',
  'giấy tờ xe',
  'kết quả học tập',
  'đối tượng bảo trợ',
  'thời gian công tác',
  'hư hỏng',
  'sao y',
  'bản sao',
  'bản chính',
  'giao thông',
];

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
 * only the whole syllable, so "phía" is not a fee.
 */
export function findCues(tokens: readonly Token[]): CueMatch[] {
  const out: CueMatch[] = [];
  // Someone who types marks types them everywhere: then "gia" is "gia" (gia hạn), not "giá".
  const marked = tokens.some((t) => !UNMARKED.test(t.raw));
  let i = 0;
  while (i < tokens.length) {
    let hit: CompiledCue | undefined;
    for (const cue of compiled) {
      if (cue.terms.length === 0 || i + cue.terms.length > tokens.length) continue;
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
