import {
  type AssistantAspect,
  analyze,
  type CatalogueRecord,
  expandQuery,
  type FeeOverrides,
  type ProcedureLocalSettings,
} from '@cqs/shared';
import MiniSearch from 'minisearch';
import {
  ProcedureSearchIndex,
  type ScoredCode,
  searchDocFrom,
} from '../catalogue/catalogue.search';
import { COMMUNE_BOOST } from '../catalogue/catalogue.service';

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
  /** Terms of name, field and results: what a confident question should mostly be made of. */
  private readonly nameTerms = new Map<string, Set<string>>();
  /** Distinct analysed terms of the name's head (see nameHead). */
  private readonly nameOnly = new Map<string, string[]>();

  constructor(procedures: readonly KnowledgeProcedure[]) {
    for (const p of procedures) {
      this.procedures.set(p.code, p);
      this.nameOnly.set(p.code, [...new Set(analyze(nameHead(p.name)))]);
      this.nameTerms.set(
        p.code,
        new Set(analyze([p.name, p.field, ...p.record.results.map((r) => r.name)].join(' '))),
      );
    }
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

  inForce(code: string, now: Date): VersionSettings | undefined {
    const p = this.procedures.get(code);
    if (!p) return undefined;
    for (let i = p.versions.length - 1; i >= 0; i--) {
      if (p.versions[i]!.effectiveFrom.getTime() <= now.getTime()) return p.versions[i];
    }
    return undefined;
  }

  /** Procedures in force, best first; commune-level ones first among equals, like the catalogue. */
  rank(topic: string, now: Date): ScoredCode[] {
    if (!topic.trim()) return [];
    const options = {
      filter: (code: string) => this.inForce(code, now) !== undefined,
      boost: (code: string) =>
        this.inForce(code, now)?.receivingLevel === 'commune' ? COMMUNE_BOOST : 1,
    };
    const plan = expandQuery(topic);
    let found = this.index.search(topic, options);
    const top = found[0];
    const partial = top !== undefined && this.coverage(topic, top.code) < 1;
    if ((found.length < MIN_RESULTS || partial) && plan.groups.length > 2) {
      found = this.relaxed(plan, found, options);
    }
    // The basic procedure before its variants: among the best, prefer names the question
    // explains most of ("đăng ký hộ kinh doanh" → "Đăng ký thành lập hộ kinh doanh", not
    // "Đăng ký cập nhật, bổ sung thông tin trong hồ sơ đăng ký hộ kinh doanh…").
    const asked = new Set(plan.groups.flatMap((g) => g.alternatives.flatMap((a) => a.terms)));
    const head = found.slice(0, RERANK_DEPTH).map((r) => ({
      code: r.code,
      score: r.score / (1 + NAME_PRIOR * this.nameUnexplained(r.code, asked)),
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
    plan: ReturnType<typeof expandQuery>,
    found: ScoredCode[],
    options: { filter: (code: string) => boolean; boost: (code: string) => number },
  ): ScoredCode[] {
    const best = new Map(found.map((r) => [r.code, r.score * 2]));
    // Only concepts missing from the best name are suspects (all of them if nothing was found).
    const topTerms = found[0] ? this.nameTerms.get(found[0].code) : undefined;
    const suspects = plan.groups
      .map((g, i) => ({ g, i }))
      .filter(
        ({ g }) => !topTerms || !g.alternatives.some((a) => a.terms.every((t) => topTerms.has(t))),
      )
      .slice(0, MAX_RELAXATIONS);
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

  /** How many terms of the name's head the question (with its synonyms) does not say. */
  private nameUnexplained(code: string, asked: Set<string>): number {
    return (this.nameOnly.get(code) ?? []).filter((t) => !asked.has(t)).length;
  }

  /**
   * Share of the question's concepts found in the procedure's name, field or results (typos
   * within one letter count): low coverage means the best match is a guess.
   */
  coverage(topic: string, code: string): number {
    const terms = this.nameTerms.get(code);
    const plan = expandQuery(topic);
    if (!terms || plan.groups.length === 0) return 0;
    let covered = 0;
    for (const group of plan.groups) {
      const hit = group.alternatives.some((alt) => alt.terms.every((t) => hasNear(terms, t)));
      if (hit) covered += 1;
    }
    return covered / plan.groups.length;
  }

  /** The section of `code` whose text best matches the words (documents, conditions…), if any. */
  bestSection(words: string, code: string): AssistantAspect | null {
    const terms = analyze(words);
    if (terms.length === 0) return null;
    const hits = this.chunks.search(terms.join(' '), {
      filter: (r) => r.code === code,
      combineWith: 'OR',
    });
    return (hits[0]?.section as AssistantAspect | undefined) ?? null;
  }
}

/**
 * The head of a procedure name: what it does, before whom, where or in which case ("Cấp thẻ căn
 * cước | cho người từ đủ 14 tuổi trở lên", "Chứng thực bản sao từ bản chính giấy tờ | , văn bản do
 * cơ quan…"). Qualifiers are often left unsaid by residents; the head is not.
 */
export function nameHead(name: string): string {
  const cut = name.search(/\s(cho|đối với|do|trong|tại|theo|khi)\s|[(;,:]/i);
  return cut > 0 ? name.slice(0, cut) : name;
}

function hasNear(terms: Set<string>, term: string): boolean {
  if (terms.has(term)) return true;
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

export type { FeeOverrides };
