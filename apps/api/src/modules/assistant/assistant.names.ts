import { analyze, type QueryPlan } from '@cqs/shared';
import { nameHead } from '../catalogue/catalogue.search';

/** What a concept of the question costs when the name's head does not say it… */
const HEAD_MISS = 1;
/** …and again when the whole name, field and results do not. */
const NAME_MISS = 0.5;
/** An unsaid term of the name's qualifiers costs a tenth of a head term, at most five of them. */
const TAIL_WEIGHT = 0.1;
const TAIL_CAP = 5;

export interface NamedProcedure {
  code: string;
  name: string;
  field: string;
  results: readonly string[];
}

/**
 * How well a question (its query plan) fits each procedure's name: the share of its concepts the
 * name says (coverage, for confidence), and how far the name is from it (distance, for the
 * rerank that puts the basic procedure before its variants). Names are split into a head — what
 * the procedure does — and its qualifiers (see nameHead).
 */
export class ProcedureNames {
  /** Terms of name, field and results: what a confident question should mostly be made of. */
  private readonly terms = new Map<string, Set<string>>();
  /** The same as space-delimited analysed lines, to find a phrase's words side by side. */
  private readonly text = new Map<string, string>();
  private readonly nameText = new Map<string, string>();
  private readonly headText = new Map<string, string>();
  /** Distinct analysed terms of the name's head. */
  private readonly head = new Map<string, string[]>();
  /** Distinct analysed terms of the rest of the name (its qualifiers), not in the head. */
  private readonly tail = new Map<string, string[]>();

  /** `knows`: the term is a word of the catalogue (typed, it is meant, not a typo). */
  constructor(
    procedures: readonly NamedProcedure[],
    private readonly knows: (term: string) => boolean,
  ) {
    for (const p of procedures) {
      const head = analyze(nameHead(p.name));
      const headSet = new Set(head);
      const name = analyze(p.name);
      this.head.set(p.code, [...headSet]);
      this.tail.set(
        p.code,
        [...new Set(name)].filter((t) => !headSet.has(t)),
      );
      const lines = [p.name, p.field, ...p.results].map((l) => analyze(l));
      this.terms.set(p.code, new Set(lines.flat()));
      this.text.set(p.code, ` ${lines.map((l) => l.join(' ')).join(' | ')} `);
      this.nameText.set(p.code, ` ${name.join(' ')} `);
      this.headText.set(p.code, ` ${head.join(' ')} `);
    }
  }

  /**
   * Share of the question's concepts found in the procedure's name, field or results (typos
   * within one letter count): low coverage means the best match is a guess.
   */
  coverage(plan: QueryPlan, code: string): number {
    const terms = this.terms.get(code);
    if (!terms || plan.groups.length === 0) return 0;
    let covered = 0;
    for (const group of plan.groups) {
      const hit = group.alternatives.some((alt) =>
        alt.terms.length === 1
          ? this.hasTerm(terms, alt.terms[0]!)
          : this.holds(code, alt.terms, 'name'),
      );
      if (hit) covered += 1;
    }
    return covered / plan.groups.length;
  }

  /**
   * How far the name is from the question: terms of the name's head the question (with its
   * synonyms) does not say, and concepts of the question that the head does not say (found
   * further in the name, half; nowhere in the name, field or results, half again).
   */
  distance(code: string, plan: QueryPlan): number {
    const asked = askedTerms(plan);
    let missing = 0;
    for (const g of plan.groups) {
      if (!g.alternatives.some((a) => this.holds(code, a.terms, 'head'))) missing += HEAD_MISS;
      if (!g.alternatives.some((a) => this.holds(code, a.terms, 'name'))) missing += NAME_MISS;
    }
    // Capped: a long list of cases ("công trình cấp III, cấp IV (… / Nhà ở riêng lẻ / …)") is
    // not more of a variant than a short one.
    const tail = Math.min(
      TAIL_CAP,
      (this.tail.get(code) ?? []).filter((t) => !asked.has(t)).length,
    );
    return this.headUnexplained(plan, code) + missing + TAIL_WEIGHT * tail;
  }

  /**
   * Terms of the name's head that the question (with its synonyms) does not say: a variant whose
   * head says more ("đăng ký lại khai sinh") is not what a question about "khai sinh" asks.
   */
  headUnexplained(plan: QueryPlan, code: string): number {
    const asked = askedTerms(plan);
    return (this.head.get(code) ?? []).filter((t) => !asked.has(t)).length;
  }

  /** One name's head holds all of the other's: "đăng ký lại khai sinh" ⊃ "đăng ký khai sinh". */
  isVariant(a: string, b: string): boolean {
    const ha = this.head.get(a) ?? [];
    const hb = this.head.get(b) ?? [];
    const within = (x: string[], y: string[]) => x.every((t) => y.includes(t));
    return within(ha, hb) || within(hb, ha);
  }

  /** The name itself holds these terms side by side. */
  says(code: string, terms: readonly string[]): boolean {
    return (this.nameText.get(code) ?? '').includes(` ${terms.join(' ')} `);
  }

  /**
   * The name's head, or its name, field and results, say these terms — several of them side by
   * side: "ủy quyền" is not said by "Ủy ban … thẩm quyền", nor "hộ chiếu" by "giám hộ".
   */
  holds(code: string, terms: readonly string[], where: 'head' | 'name'): boolean {
    const text = (where === 'head' ? this.headText : this.text).get(code) ?? '';
    return text.includes(` ${terms.join(' ')} `);
  }

  /** In the set, or — for a word the catalogue does not know, i.e. a typo — within one letter. */
  private hasTerm(terms: Set<string>, term: string): boolean {
    return terms.has(term) || (!this.knows(term) && hasNear(terms, term));
  }
}

/** Every term the question says, through any alternative (its synonyms and rewrites too). */
function askedTerms(plan: QueryPlan): Set<string> {
  return new Set(plan.groups.flatMap((g) => g.alternatives.flatMap((a) => a.terms)));
}

function hasNear(terms: Set<string>, term: string): boolean {
  if (term.length < 4) return false;
  for (const t of terms)
    if (Math.abs(t.length - term.length) <= 1 && editDistance1(t, term)) return true;
  return false;
}

/** True when a and b differ by at most one insertion, deletion, substitution or swap. */
function editDistance1(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ra = a.slice(i + 1);
  const rb = b.slice(i + 1);
  if (a.length === b.length) {
    return (
      ra === rb || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    );
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
