import type { QueryPlan } from '@cqs/shared';

/**
 * Phrase evidence for the catalogue's BM25: words of the query found side by side, or in order,
 * in a procedure's name (analysed terms, space-delimited: " dang ki khai sinh ").
 */

/** Share of a phrase bonus kept when the phrase is found only after the name's head. */
const TAIL_SHARE = 0.5;
/** The largest phrase bonus (the query is the whole name). */
export const MAX_PHRASE_BONUS = 3;

export interface NameText {
  name: string;
  head: string;
  headWords: string[];
}

/**
 * The head of a procedure name: what it does, before whom, where or in which case ("Cấp thẻ căn
 * cước | cho người từ đủ 14 tuổi trở lên", "Chứng thực bản sao từ bản chính giấy tờ | , văn bản do
 * cơ quan…"). Qualifiers are often left unsaid by residents; the head is not.
 */
export function nameHead(name: string): string {
  // A list of verbs first ("Cấp, cấp lại Giấy xác nhận…", "Đăng ký, cấp Giấy chứng nhận…") is
  // still the head: a cut needs three syllables before it.
  const cuts = /\s(cho|đối với|do|trong|tại|theo|khi)\s|[(;,:]/gi;
  for (let m = cuts.exec(name); m; m = cuts.exec(name)) {
    if (name.slice(0, m.index).trim().split(/\s+/).length >= MIN_HEAD_SYLLABLES) {
      return name.slice(0, m.index);
    }
  }
  return name;
}

const MIN_HEAD_SYLLABLES = 3;

/** Keeps `list` sorted high to low and at most `max` long. */
export function insertDescending(list: number[], value: number, max: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1]! < value) i--;
  list.splice(i, 0, value);
  if (list.length > max) list.pop();
}

const split = new Map<string, string[]>();

/** The head's words begin with the phrase's first word and hold the others in order. */
function inOrderFromStart(have: string[], phrase: string): boolean {
  let want = split.get(phrase);
  if (!want) {
    want = phrase.trim().split(' ');
    if (split.size > 1000) split.clear();
    split.set(phrase, want);
  }
  if (want.length < 2 || have[0] !== want[0]) return false;
  let k = 1;
  for (let i = 1; i < have.length && k < want.length; i++) if (have[i] === want[k]) k++;
  return k === want.length;
}

export interface Phrases {
  whole: string | null;
  /** The whole query with typed words replaced by current synonyms or rewrites (not older names). */
  rephrased: string[];
  alternatives: string[];
  pairs: string[];
}

const MAX_REPHRASINGS = 16;

function rephrasings(plan: QueryPlan): string[] {
  let combos: string[][] = [[]];
  for (const group of plan.groups) {
    // A compound's loose and whole forms are the same words: one of them is enough.
    const options = group.alternatives
      .filter((a) => a.kind !== 'older' && a.kind !== 'loose')
      .map((a) => a.terms);
    if (options.length === 0) return [];
    combos = combos.flatMap((c) => options.map((o) => [...c, ...o])).slice(0, MAX_REPHRASINGS);
  }
  const typed = plan.terms.join(' ');
  return [
    ...new Set(combos.map((c) => c.join(' ')).filter((t) => t !== typed && t.includes(' '))),
  ].map((t) => ` ${t} `);
}

/** Space-delimited, so that " thuong tru " never matches inside " thuong trung ". */
export function phrasesOf(plan: QueryPlan): Phrases {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < plan.terms.length; i++) {
    pairs.push(` ${plan.terms[i]} ${plan.terms[i + 1]} `);
  }
  const alternatives = plan.groups.flatMap((g) =>
    g.alternatives
      .filter((a) => a.terms.length > 1 && a.kind !== 'loose')
      .map((a) => ` ${a.terms.join(' ')} `),
  );
  return {
    whole: plan.terms.length > 1 ? ` ${plan.terms.join(' ')} ` : null,
    rephrased: rephrasings(plan),
    alternatives,
    pairs,
  };
}

/**
 * Up to ×3 for words found side by side in the name: the whole typed query, a multi-word
 * alternative (a synonym phrase such as "thuong tru"), or else a share of the typed word pairs.
 * BM25 alone cannot tell "sổ hộ khẩu" from "khấu trừ … hỗ trợ" once marks are folded away.
 */
export function phraseBonus(doc: NameText, phrases: Phrases): number {
  const { name, head, headWords } = doc;
  // Words found together only after the head ("Đăng ký cập nhật … trong hồ sơ đăng ký hộ kinh
  // doanh") are about a qualifier of the procedure, not about what it does: half the bonus.
  // The head begins with the query's first word and holds the others in order, with other words
  // between ("đăng ký hộ kinh doanh" → "Đăng ký thành lập hộ kinh doanh"): as good as together.
  const inside = (phrase: string, bonus: number) =>
    head.includes(phrase) || inOrderFromStart(headWords, phrase)
      ? bonus
      : name.includes(phrase)
        ? 1 + (bonus - 1) * TAIL_SHARE
        : 0;
  if (phrases.whole) {
    // The resident typed the procedure's very name (less "thủ tục"), or its beginning.
    if (name === phrases.whole) return 3;
    if (name.startsWith(phrases.whole)) return 2.2;
    const found = inside(phrases.whole, 2);
    if (found) return found;
  }
  // The same query said with the catalogue's words ("cấp CCCD" → "cấp thẻ căn cước").
  let rephrased = 0;
  for (const whole of phrases.rephrased) {
    if (name === whole) rephrased = Math.max(rephrased, 3);
    else if (name.startsWith(whole)) rephrased = Math.max(rephrased, 2.1);
    else rephrased = Math.max(rephrased, inside(whole, 1.9));
  }
  if (rephrased) return rephrased;
  const alternative = Math.max(0, ...phrases.alternatives.map((p) => inside(p, 1.8)));
  if (alternative) return alternative;
  if (phrases.pairs.length === 0) return 1;
  const found = phrases.pairs.filter((p) => name.includes(p)).length;
  return 1 + 0.5 * (found / phrases.pairs.length);
}
