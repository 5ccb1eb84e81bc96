import { type AssistantAspect, analyze, foldVietnamese, tokenize } from '@cqs/shared';
import { nameHead, type ScoredCode } from '../catalogue/catalogue.search';
import { type CueMatch, findCues, WEAK_ASPECT_CUES } from './assistant.cues';
import type { KnowledgeBase } from './assistant.knowledge';
import { findDossierCode, findLastFour, withoutPersonalNumbers } from './assistant.privacy';

/** What the conversation remembers between messages (no personal data). */
export interface ConversationContext {
  procedureCode?: string | undefined;
  aspect?: AssistantAspect | null | undefined;
  /** Procedures offered in a clarifying question, in order ("1", "2" pick them). */
  choices?: string[] | undefined;
  /** A dossier code waiting for its last four digits. */
  pendingTrackingCode?: string | undefined;
  trackingAttempts?: number | undefined;
}

export type Decision =
  | { kind: 'greeting' }
  | { kind: 'other' }
  | { kind: 'tracking'; code: string | null; last4: string | null }
  | { kind: 'feedback' }
  | {
      kind: 'procedure';
      intent: 'procedure_question' | 'start_submission';
      aspect: AssistantAspect | null;
      outcome: 'answer' | 'clarify' | 'not_found' | 'needs_input';
      /** The procedure answered about (outcome answer). */
      code: string | null;
      /** Best first: the clarification choices, or the suggestions of "not found". */
      candidates: string[];
      ranked: ScoredCode[];
      followUp: boolean;
    };

/** Below this share of the question's concepts found in the name, the best match is a guess. */
export const CONFIDENCE_THRESHOLD = 0.5;
/** A second procedure this close to the first (score ratio) and as well covered: ask which. */
export const CLARIFY_RATIO = 0.85;
const MAX_CHOICES = 3;
/** A message with a "broken" word is still a procedure question when its topic is this clear. */
const FEEDBACK_OVERRIDE = 0.75;

/**
 * Decides what a message is and, for procedure questions, which procedure and section: pure and
 * synchronous (no database), so the evaluation harness measures exactly what the route runs.
 */
export function decide(
  kb: KnowledgeBase,
  message: string,
  context: ConversationContext,
  now: Date,
  picked?: string,
): Decision {
  const found = findDossierCode(message);
  if (found) return { kind: 'tracking', code: found.code, last4: findLastFour(found.rest) };
  const lastFour = findLastFour(message);
  // Phone and ID numbers say who asks, never what: they are not part of the question.
  const text = withoutPersonalNumbers(message);
  const tokens = tokenize(text);
  if (context.pendingTrackingCode && lastFour && tokens.length <= 8) {
    return { kind: 'tracking', code: context.pendingTrackingCode, last4: lastFour };
  }

  const cues = findCues(tokens, kb.lexicon);
  const kinds = new Set(cues.map((c) => c.kind));
  const asked = askedAspects(tokens, cues);
  let aspect = pickAspect(asked.map((c) => c.kind));
  const covered = new Set<number>();
  for (const c of cues) {
    // A weak section word another question overrode is topic ("đổi địa chỉ … cần gì").
    if (ASPECTS.has(c.kind) && !asked.includes(c)) continue;
    // "công ty", "tổ chức" say who asks, and may be part of a procedure's name: kept.
    if (c.kind !== 'organisation') for (let i = c.start; i < c.end; i++) covered.add(i);
    // "chứng thực chữ ký làm ở đâu": a "làm" between the topic and the question is the question.
    const before = c.start - 1;
    if (ASPECTS.has(c.kind) && before > 0 && tokens[before]!.term === 'lam') covered.add(before);
  }
  const topic = tokens
    .filter((_, i) => !covered.has(i))
    .map((t) => t.raw)
    .join(' ');
  const topicTerms = analyze(topic);
  // "Hồ sơ mình nộp hôm trước…" speaks of a dossier handed in: never a new submission.
  const past = kinds.has('past');
  const submission = kinds.has('submission') && !past && (aspect === null || aspect === 'place');
  const intent = submission && aspect !== 'place' ? 'start_submission' : 'procedure_question';

  const chosen = picked ?? pickChoice(text, context.choices ?? [], kb);
  if (chosen && kb.procedures.has(chosen)) {
    return procedure(intent, aspect ?? context.aspect ?? null, 'answer', chosen, [], [], true);
  }

  // The status of one's own dossier ("đến đâu rồi", "xong chưa"), or a dossier handed in and no
  // section asked: tracking; without a code in the message the reply asks for it.
  if (kinds.has('tracking') || (past && !aspect && !kinds.has('feedback'))) {
    return { kind: 'tracking', code: null, last4: null };
  }
  if (kinds.has('greeting') && topicTerms.length <= 1 && !aspect) return { kind: 'greeting' };
  const qualifier = cues
    .filter((c) => c.kind === 'qualifier')
    .map((c) => cueText(tokens, c))
    .join(' ');
  const ranked =
    topicTerms.length > 0 ? preferApplicant(kb, kb.rank(topic, now, qualifier), kinds, text) : [];
  const top = ranked[0];
  if (top && aspect) {
    // A cue that is part of the procedure's own name is topic, not question: "giấy chứng nhận
    // cơ sở đủ điều kiện an toàn thực phẩm cần hồ sơ gì" asks for documents, not conditions.
    const name = ` ${analyze(kb.procedures.get(top.code)?.name ?? '').join(' ')} `;
    const remaining = asked.filter(
      (c) => !(c.kind === aspect && name.includes(` ${cueText(tokens, c)} `)),
    );
    if (remaining.length < asked.length) aspect = pickAspect(remaining.map((c) => c.kind));
  }
  const topCoverage = top ? kb.coverage(topic, top.code) : 0;
  const confident = top !== undefined && topCoverage >= CONFIDENCE_THRESHOLD;

  const explicitFeedback = cues.some(
    (c) => c.kind === 'feedback' && /^(phan anh|kien nghi|bao hong)$/.test(cueText(tokens, c)),
  );
  // Something broken is feedback unless the rest clearly names a procedure, or names one and
  // asks for a section of it ("nhà bị cháy mất hết giấy tờ, làm lại căn cước cần gì").
  const namesProcedure =
    top !== undefined && (topCoverage >= FEEDBACK_OVERRIDE || (aspect !== null && confident));
  if (explicitFeedback || (kinds.has('feedback') && !namesProcedure && !submission)) {
    return { kind: 'feedback' };
  }

  // A follow-up: only cue words ("còn lệ phí thì sao?"), or nothing the catalogue knows.
  if (context.procedureCode && (aspect || submission) && (topicTerms.length === 0 || !confident)) {
    return procedure(intent, aspect, 'answer', context.procedureCode, [], ranked, true);
  }
  if (topicTerms.length === 0) {
    if (aspect || submission) return procedure(intent, aspect, 'needs_input', null, [], [], false);
    if (kinds.has('greeting')) return { kind: 'greeting' };
    return { kind: 'other' };
  }
  if (!confident) {
    if (kinds.has('greeting') && !aspect && topicTerms.length <= 2) return { kind: 'greeting' };
    // Nothing of the question is in any name: not a procedure question at all.
    if (topCoverage === 0 && !aspect && !submission) return { kind: 'other' };
    const suggestions = ranked.slice(0, MAX_CHOICES).map((r) => r.code);
    return procedure(intent, aspect, 'not_found', null, suggestions, ranked, false);
  }

  // Procedures the question does not choose between: close in score and as well covered; and a
  // variant of the best (one head extends the other) only if no more of its head is unsaid
  // ("khai sinh có yếu tố nước ngoài" → the commune's and the border area's; not "đăng ký lại …",
  // whose "lại" the question would have said).
  const topHead = kb.headUnexplained(topic, top.code);
  const close = ranked
    .slice(1, MAX_CHOICES)
    .filter(
      (r) =>
        r.score >= top.score * CLARIFY_RATIO &&
        kb.coverage(topic, r.code) >= topCoverage - 1e-9 &&
        (!kb.isVariant(r.code, top.code) || kb.headUnexplained(topic, r.code) <= topHead),
    );
  const situation = kb.choices(topic, ranked, now);
  if (situation.length > 1 && situation.includes(top.code)) {
    return procedure(intent, aspect, 'clarify', null, situation, ranked, false);
  }
  if (close.length > 0) {
    const candidates = [top.code, ...close.map((r) => r.code)];
    return procedure(intent, aspect, 'clarify', null, candidates, ranked, false);
  }
  const inferred = aspect ?? inferAspect(kb, topicTerms, top.code);
  return procedure(intent, inferred, 'answer', top.code, [], ranked, false);
}

/** How deep the applicant variants of one procedure are looked for among the best results. */
const VARIANT_DEPTH = 5;

/**
 * Who a variant is for, read from its name, and whether the message says it is for them:
 * a child ("… cho người dưới 14 tuổi", "trẻ em") when the resident says "cho con", "cho bé"…;
 * an organisation ("… đối với tổ chức") when the message names a company or an organisation.
 */
const APPLICANTS = [
  { name: /dưới \d+ tuổi|trẻ em/i, said: /duoi \d+ tuoi|tre em|\btre\b/, cue: 'child' },
  {
    name: /(đối với|cho|của) tổ chức|doanh nghiệp/i,
    said: /to chuc|doanh nghiep/,
    cue: 'organisation',
  },
] as const;

/**
 * Variants for different applicants share the name's head ("Cấp thẻ căn cước | cho người dưới
 * 14 tuổi" / "| cho người từ đủ 14 tuổi trở lên"; "Đăng ký đất đai … lần đầu | đối với tổ chức" /
 * "| đối với hộ gia đình, cá nhân…"), and the search cannot tell them apart. A resident asks for
 * themselves unless they say otherwise: that variant goes first (a clarifying question, when
 * there is one, offers both in that order).
 */
function preferApplicant(
  kb: KnowledgeBase,
  ranked: ScoredCode[],
  kinds: Set<string>,
  text: string,
) {
  const out = [...ranked];
  const name = (code: string) => kb.procedures.get(code)?.name ?? '';
  const depth = Math.min(VARIANT_DEPTH, out.length);
  const folded = foldVietnamese(text);
  for (const applicant of APPLICANTS) {
    // Said with a cue ("cho con") or in the name's own words ("trẻ dưới 14 tuổi").
    const wanted = kinds.has(applicant.cue) || applicant.said.test(folded);
    for (let i = 0; i < depth; i++) {
      for (let j = i + 1; j < depth; j++) {
        const a = out[i]!;
        const b = out[j]!;
        if (nameHead(name(a.code)) !== nameHead(name(b.code))) continue;
        const aFor = applicant.name.test(name(a.code));
        const bFor = applicant.name.test(name(b.code));
        if (aFor !== bFor && bFor === wanted) {
          out[i] = { code: b.code, score: a.score };
          out[j] = { code: a.code, score: b.score };
        }
      }
    }
  }
  return out;
}

/**
 * When a question has several section cues, the most specific wins: "bao nhiêu tiền" and "bao
 * lâu" are always questions, while "giấy tờ" or "thế nào" are often part of the topic
 * ("công chứng giấy tờ hết bao nhiêu tiền").
 */
const ASPECT_PRIORITY: readonly AssistantAspect[] = [
  'fees',
  'time',
  'place',
  'conditions',
  'results',
  'applicants',
  'legal_basis',
  'documents',
  'steps',
];

const ASPECTS = new Set<string>(ASPECT_PRIORITY);
const WEAK = new Set(WEAK_ASPECT_CUES.map((c) => foldVietnamese(c)));

/** The section cues asked, leaving out the weak ones when another is asked too. */
function askedAspects(tokens: ReturnType<typeof tokenize>, cues: CueMatch[]): CueMatch[] {
  const asked = cues.filter((c) => ASPECTS.has(c.kind));
  const strong = asked.filter((c) => !WEAK.has(cueText(tokens, c)));
  if (strong.length === 0) return asked;
  // A weak cue asking the same section as a strong one is part of the question ("còn giấy tờ
  // cần những gì"); only one asking another section is the topic ("đổi địa chỉ … cần gì").
  const kinds = new Set(strong.map((c) => c.kind));
  return asked.filter((c) => kinds.has(c.kind));
}

function pickAspect(kinds: string[]): AssistantAspect | null {
  return ASPECT_PRIORITY.find((a) => kinds.includes(a)) ?? null;
}

function procedure(
  intent: 'procedure_question' | 'start_submission',
  aspect: AssistantAspect | null,
  outcome: 'answer' | 'clarify' | 'not_found' | 'needs_input',
  code: string | null,
  candidates: string[],
  ranked: ScoredCode[],
  followUp: boolean,
): Decision {
  return { kind: 'procedure', intent, aspect, outcome, code, candidates, ranked, followUp };
}

function cueText(tokens: ReturnType<typeof tokenize>, cue: { start: number; end: number }) {
  return tokens
    .slice(cue.start, cue.end)
    .map((t) => t.term)
    .join(' ');
}

/** "1", "số 2", or the name (or a distinctive part of it) of one of the offered procedures. */
function pickChoice(text: string, choices: string[], kb: KnowledgeBase): string | undefined {
  if (choices.length === 0) return undefined;
  const folded = foldVietnamese(text);
  const n = /^(?:so |cai |thu tuc )?([1-9])$/.exec(folded);
  if (n) return choices[Number(n[1]) - 1];
  const exact = choices.find((c) => foldVietnamese(kb.procedures.get(c)?.name ?? '') === folded);
  return exact;
}

/** Without a cue, the words that are not the procedure's name may point at a section. */
function inferAspect(kb: KnowledgeBase, terms: string[], code: string): AssistantAspect | null {
  const name = new Set(analyze(kb.procedures.get(code)?.name ?? ''));
  const rest = terms.filter((t) => !name.has(t));
  if (rest.length === 0) return null;
  return kb.bestSection(rest.join(' '), code);
}
