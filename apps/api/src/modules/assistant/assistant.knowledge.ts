import {
  type AssistantAspect,
  analyze,
  type CatalogueRecord,
  type CompoundLexicon,
  type FeeOverrides,
  type ProcedureLocalSettings,
  type QueryPlan,
} from '@cqs/shared';
import MiniSearch from 'minisearch';
import {
  ProcedureSearchIndex,
  type ScoredCode,
  searchDocFrom,
} from '../catalogue/catalogue.search';
import { COMMUNE_BOOST } from '../catalogue/catalogue.service';
import { ProcedureNames } from './assistant.names';

/** The province's settings of one published version (the record text is shared by versions). */
export interface VersionSettings extends ProcedureLocalSettings {
  version: number;
  effectiveFrom: Date;
}

export interface KnowledgeProcedure {
  code: string;
  name: string;
  field: string;
  record: CatalogueRecord;
  /** Ascending by version. */
  versions: VersionSettings[];
}

/** Where the knowledge comes from: the catalogue tables, or the seed files in the evaluation. */
export interface KnowledgeSource {
  load(): Promise<KnowledgeProcedure[]>;
  /** Only the versions' settings (publishing never changes the record text). */
  loadSettings(): Promise<Map<string, VersionSettings[]>>;
  /** Changes whenever a version is published (cheap: polled before answering). */
  signature(): Promise<string>;
}

export interface Chunk {
  id: string;
  code: string;
  section: AssistantAspect;
  text: string;
}

/** The quotable text of each section, verbatim from the record (fees/place also use settings). */
export function sectionText(record: CatalogueRecord, section: AssistantAspect): string {
  switch (section) {
    case 'documents':
      return record.documents.length > 0
        ? record.documents
            .flatMap((d) => [d.case ?? '', ...d.items.map((i) => i.name)])
            .filter(Boolean)
            .join('\n')
        : (record.documents_text ?? '');
    case 'fees':
      return record.channels
        .map((c) => `${c.channel_text ?? c.channel}: ${c.fee ?? ''}`)
        .join('\n');
    case 'time':
      return record.channels
        .map((c) => `${c.channel_text ?? c.channel}: ${c.processing_time ?? ''}`)
        .join('\n');
    case 'place':
      return [record.implementing_agency, record.competent_authority, record.submission_address]
        .filter(Boolean)
        .join('\n');
    case 'steps':
      return record.steps_text ?? '';
    case 'conditions':
      return record.requirements_text ?? '';
    case 'legal_basis':
      return record.legal_basis.length > 0
        ? record.legal_basis.map((l) => [l.number, l.title].filter(Boolean).join(' ')).join('\n')
        : (record.legal_basis_text ?? '');
    case 'results':
      return record.results.map((r) => r.name).join('\n');
    case 'applicants':
      return record.applicants ?? '';
  }
}

/** Steps are left out: long, generic text ("tiếp nhận", "thẩm định") that points nowhere. */
const CHUNK_SECTIONS: readonly AssistantAspect[] = [
  'documents',
  'conditions',
  'legal_basis',
  'results',
  'applicants',
];

const MAX_CHUNK_CHARS = 1500;
/** How many of the best results the name prior may reorder, and how much it weighs. */
const RERANK_DEPTH = 20;
/** Fewer answers than this with every concept: also try with one concept left out. */
const MIN_RESULTS = 3;
/** At most this many extra searches per question (each costs about one search). */
const MAX_RELAXATIONS = 3;
export const NAME_PRIOR = 0.2;
/** A name that says the question's qualifier ("lần đầu") gains this much. */
const QUALIFIER_BONUS = 1.5;

/**
 * The assistant's in-memory knowledge: every procedure with its versions, the catalogue's
 * procedure index (same BM25 over folded syllables, synonyms and phrase bonus as the public
 * search) and a second MiniSearch index with one chunk per quotable section, used to tell which
 * section a question without a cue is about ("có cần giấy chứng sinh không?" → documents).
 */
export class KnowledgeBase {
  readonly procedures = new Map<string, KnowledgeProcedure>();
  private readonly index: ProcedureSearchIndex;
  private readonly chunks: MiniSearch<Chunk>;
  private readonly names: ProcedureNames;
  private optionsAt:
    | {
        time: number;
        options: { filter: (code: string) => boolean; boost: (code: string) => number };
      }
    | undefined;

  /** `lexicon`: dictionary words for compounds (default Viet74K; the evaluation compares). */
  constructor(
    procedures: readonly KnowledgeProcedure[],
    options: { lexicon?: CompoundLexicon } = {},
  ) {
    for (const p of procedures) this.procedures.set(p.code, p);
    this.index = new ProcedureSearchIndex(
      procedures.map((p) =>
        searchDocFrom({
          code: p.code,
          name: p.name,
          field: p.field,
          documents: p.record.documents,
          results: p.record.results,
        }),
      ),
      options,
    );
    this.names = new ProcedureNames(
      procedures.map((p) => ({ ...p, results: p.record.results.map((r) => r.name) })),
      (term) => this.index.knows(term),
    );
    this.chunks = new MiniSearch<Chunk>({
      fields: ['text'],
      storeFields: ['code', 'section'],
      tokenize: (text) => analyze(text),
      processTerm: (t) => t,
      searchOptions: { tokenize: (t) => t.split(' ').filter(Boolean), processTerm: (t) => t },
    });
    const all: Chunk[] = [];
    for (const p of procedures) {
      for (const section of CHUNK_SECTIONS) {
        // The start of a section says what it is about; the tail costs index time for little.
        const text = sectionText(p.record, section).slice(0, MAX_CHUNK_CHARS);
        if (text.trim()) all.push({ id: `${p.code}|${section}`, code: p.code, section, text });
      }
    }
    this.chunks.addAll(all);
  }

  get size(): number {
    return this.procedures.size;
  }

  /** The dictionary words the index splits text with (the cues use them too). */
  get lexicon(): CompoundLexicon {
    return this.index.lexicon;
  }

  inForce(code: string, now: Date): VersionSettings | undefined {
    const p = this.procedures.get(code);
    if (!p) return undefined;
    for (let i = p.versions.length - 1; i >= 0; i--) {
      if (p.versions[i]!.effectiveFrom.getTime() <= now.getTime()) return p.versions[i];
    }
    return undefined;
  }

  /**
   * In force now; commune-level ones first among equals, like the catalogue. Worked out once per
   * moment: a search calls these for every document it finds.
   */
  private searchOptions(now: Date) {
    if (this.optionsAt?.time !== now.getTime()) {
      const boosts = new Map<string, number>();
      for (const code of this.procedures.keys()) {
        const v = this.inForce(code, now);
        if (v) boosts.set(code, v.receivingLevel === 'commune' ? COMMUNE_BOOST : 1);
      }
      this.optionsAt = {
        time: now.getTime(),
        options: {
          filter: (code: string) => boosts.has(code),
          boost: (code: string) => boosts.get(code) ?? 0,
        },
      };
    }
    return this.optionsAt.options;
  }

  /**
   * Procedures in force, best first; commune-level ones first among equals, like the catalogue.
   * `qualifier`: words left out of the search that still prefer the names saying them ("lần
   * đầu").
   */
  rank(topic: string, now: Date, qualifier = ''): ScoredCode[] {
    if (!topic.trim()) return [];
    const options = this.searchOptions(now);
    const plan = this.index.plan(topic);
    let found = this.index.search(topic, options);
    const top = found[0];
    const partial = top !== undefined && this.names.coverage(plan, top.code) < 1;
    if ((found.length < MIN_RESULTS || partial) && plan.groups.length > 2) {
      found = this.relaxed(plan, found, options);
    }
    const preferred = analyze(qualifier);
    if (preferred.length > 0)
      found = this.withQualifier(topic, qualifier, preferred, found, options);
    // The basic procedure before its variants: among the best, prefer names the question
    // explains most of ("đăng ký hộ kinh doanh" → "Đăng ký thành lập hộ kinh doanh", not
    // "Đăng ký cập nhật, bổ sung thông tin trong hồ sơ đăng ký hộ kinh doanh…").
    const head = found.slice(0, RERANK_DEPTH).map((r) => ({
      code: r.code,
      score: r.score / (1 + NAME_PRIOR * this.names.distance(r.code, plan)),
    }));
    head.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
    return [...head, ...found.slice(RERANK_DEPTH)];
  }

  /**
   * Every concept must match (AND), so one word the record does not use ("chế độ thai sản bao
   * giờ được nhận": "nhận" is not in the name) can leave few results, or the wrong ones. Then each
   * concept is left out in turn, and those answers join at half their score.
   */
  private relaxed(
    plan: QueryPlan,
    found: ScoredCode[],
    options: { filter: (code: string) => boolean; boost: (code: string) => number },
  ): ScoredCode[] {
    // Only concepts missing from the best name are suspects — unless the best name holds fewer
    // than half of them: then it is a guess, and any concept may be the one in the way. The
    // last concepts first: Vietnamese puts qualifiers after what a thing is.
    const top = found[0]?.code;
    const held = plan.groups.map((g) =>
      top ? g.alternatives.some((a) => this.names.holds(top, a.terms, 'name')) : false,
    );
    const guess = held.filter(Boolean).length * 2 < plan.groups.length;
    // What matched every concept counts double, unless the best of it is a guess.
    const best = new Map(found.map((r) => [r.code, r.score * (guess ? 1 : 2)]));
    const suspects = plan.groups
      .map((g, i) => ({ g, i }))
      .filter(({ i }) => guess || !held[i])
      .reverse()
      .slice(0, MAX_RELAXATIONS);
    // A guess may need more than one concept left out ("nhà bị cháy mất hết … làm lại căn cước"):
    // the procedures matching most of the concepts (OR) join at the same weight.
    if (guess || found.length === 0) {
      for (const r of this.index.search(plan.terms.join(' '), { ...options, any: true })) {
        if ((best.get(r.code) ?? 0) < r.score) best.set(r.code, r.score);
      }
    }
    for (const { i: skip } of suspects) {
      const text = plan.groups
        .filter((__, i) => i !== skip)
        .map((g) => g.alternatives[0]!.terms.join(' '))
        .join(' ');
      for (const r of this.index.search(text, options)) {
        if ((best.get(r.code) ?? 0) < r.score) best.set(r.code, r.score);
      }
    }
    return [...best]
      .map(([code, score]) => ({ code, score: score / 2 }))
      .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
  }

  /** Terms of the name's head that the question does not say (see ProcedureNames). */
  headUnexplained(topic: string, code: string): number {
    return this.names.headUnexplained(this.index.plan(topic), code);
  }

  /**
   * Situations with several possible procedures ("mất giấy khai sinh" → a copy, or registering
   * again; see `choice` in the synonym table): the best procedure of each, in ranked order, when
   * the question names such a situation and nothing else tells them apart.
   */
  choices(topic: string, ranked: ScoredCode[], now: Date): string[] {
    const out: string[] = [];
    for (const group of this.index.plan(topic).groups) {
      const options = group.alternatives.filter((a) => a.choice);
      if (options.length < 2) continue;
      for (const option of options) {
        const fits = (r: ScoredCode) =>
          this.names.holds(r.code, option.terms, 'name') && !out.includes(r.code);
        // Other words of the question may have kept it out of the ranking: look it up alone.
        const best =
          ranked.slice(0, RERANK_DEPTH).find(fits) ??
          this.index.search(option.terms.join(' '), this.searchOptions(now)).find(fits);
        if (best) out.push(best.code);
      }
    }
    const rank = new Map(ranked.map((r, i) => [r.code, i]));
    const at = (code: string) => rank.get(code) ?? ranked.length;
    return out.sort((a, b) => at(a) - at(b));
  }

  /** One name's head holds all of the other's: "đăng ký lại khai sinh" ⊃ "đăng ký khai sinh". */
  isVariant(a: string, b: string): boolean {
    return this.names.isVariant(a, b);
  }

  /**
   * "Làm sổ đỏ lần đầu": the qualifier is left out of the search (most names do not say it), but
   * a procedure whose name says it and covers the whole topic is what was asked, even if the
   * topic alone ranked it low among forty land procedures. Searched again with the qualifier;
   * those names join (or stay) at the best score times QUALIFIER_BONUS.
   */
  private withQualifier(
    topic: string,
    qualifier: string,
    preferred: string[],
    found: ScoredCode[],
    options: { filter: (code: string) => boolean; boost: (code: string) => number },
  ): ScoredCode[] {
    const best = found[0]?.score ?? 0;
    const scores = new Map(found.map((r) => [r.code, r.score]));
    for (const r of this.index.search(`${topic} ${qualifier}`, options).slice(0, RERANK_DEPTH)) {
      if (!this.names.says(r.code, preferred) || this.coverage(topic, r.code) < 1) continue;
      scores.set(r.code, Math.max(scores.get(r.code) ?? 0, best) * QUALIFIER_BONUS);
    }
    return [...scores]
      .map(([code, score]) => ({ code, score }))
      .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
  }

  /**
   * Share of the question's concepts found in the procedure's name, field or results: low
   * coverage means the best match is a guess.
   */
  coverage(topic: string, code: string): number {
    return this.names.coverage(this.index.plan(topic), code);
  }

  /** The section of `code` whose text best matches the words (documents, conditions…), if any. */
  bestSection(words: string, code: string): AssistantAspect | null {
    const terms = analyze(words);
    if (terms.length === 0) return null;
    const hits = this.chunks.search(terms.join(' '), {
      filter: (r) => r.code === code,
      combineWith: 'OR',
    });
    const best = hits[0];
    // One stray word found in a long section ("kèm" in "… kèm theo …") says nothing: at least
    // half of the words must be there.
    if (!best || best.queryTerms.length * 2 < new Set(terms).size) return null;
    return best.section as AssistantAspect;
  }
}

export type { FeeOverrides };
