import { ASSISTANT_ASPECTS, type AssistantAspect } from '@cqs/shared';
import MiniSearch from 'minisearch';
import { type KnowledgeProcedure, sectionText } from '../assistant.knowledge';

interface Doc {
  id: string;
  code: string;
  section?: AssistantAspect;
  name?: string;
  field?: string;
  documents?: string;
  results?: string;
  text?: string;
}

const MAX_CHARS = 1500;

/**
 * The plain baseline: MiniSearch's BM25 with its default tokenizer (lower case, split on
 * punctuation), no diacritic folding, no syllable canonicalisation, stop words, synonyms, cues or
 * typo tolerance. Procedures are ranked on name, field, documents and results (the same fields
 * and boosts as ours); the section is the best-matching chunk of the top procedure.
 */
export class PlainBaseline {
  private readonly procedures: MiniSearch<Doc>;
  private readonly chunks: MiniSearch<Doc>;

  constructor(procedures: readonly KnowledgeProcedure[]) {
    this.procedures = new MiniSearch<Doc>({
      fields: ['name', 'field', 'documents', 'results'],
      storeFields: ['code'],
      searchOptions: { boost: { name: 4, field: 2 } },
    });
    this.procedures.addAll(
      procedures.map((p) => ({
        id: p.code,
        code: p.code,
        name: p.name,
        field: p.field,
        documents: sectionText(p.record, 'documents').slice(0, MAX_CHARS),
        results: sectionText(p.record, 'results'),
      })),
    );
    this.chunks = new MiniSearch<Doc>({ fields: ['text'], storeFields: ['code', 'section'] });
    this.chunks.addAll(
      procedures.flatMap((p) =>
        ASSISTANT_ASPECTS.map((section) => ({
          id: `${p.code}|${section}`,
          code: p.code,
          section,
          text: sectionText(p.record, section).slice(0, MAX_CHARS),
        })),
      ),
    );
  }

  ask(text: string): { ranked: string[]; aspect: AssistantAspect | null } {
    const ranked = this.procedures.search(text).map((r) => r.code as string);
    const top = ranked[0];
    const chunk = top ? this.chunks.search(text, { filter: (r) => r.code === top })[0] : undefined;
    return { ranked, aspect: (chunk?.section as AssistantAspect | undefined) ?? null };
  }
}
