import type { AssistantAspect, AssistantCitation } from '@cqs/shared';

/** What the phrasing step may use: the question and the sections retrieved for it. */
export interface PhrasingInput {
  question: string;
  aspect: AssistantAspect | null;
  /** The extractive answer, returned as is when phrasing fails its checks. */
  extractive: string;
  citations: AssistantCitation[];
  /** Record text of each cited section, keyed by procedure code. */
  sources: Map<string, string>;
}

export interface PhrasedAnswer {
  text: string;
  citations: AssistantCitation[];
}

/**
 * The seam for an optional language model (issue 6 §7; `OpenAiPhraser` in assistant.llm.ts): it
 * may only reword the retrieved sections. Off by default; `null` means "use the extractive answer".
 */
export interface AnswerPhraser {
  phrase(input: PhrasingInput): Promise<PhrasedAnswer | null>;
}

export const extractiveOnly: AnswerPhraser = { phrase: async () => null };

/**
 * The server-side check any phrased answer must pass before it is shown: it cites at least one
 * section, every citation was retrieved, and every number in the text appears in the cited record
 * text. Otherwise the extractive answer is returned.
 */
export function acceptPhrasing(input: PhrasingInput, phrased: PhrasedAnswer | null): boolean {
  if (!phrased?.text.trim() || phrased.citations.length === 0) return false;
  const retrieved = new Set(input.citations.map((c) => `${c.code}|${c.section}`));
  if (!phrased.citations.every((c) => retrieved.has(`${c.code}|${c.section}`))) return false;
  // The cited records, and the extractive answer (which quotes the first and names its code).
  const source = [
    ...phrased.citations.map((c) => input.sources.get(c.code) ?? ''),
    input.extractive,
  ].join('\n');
  const known = new Set(numbersIn(source));
  return numbersIn(phrased.text).every((n) => known.has(n));
}

/** Numbers with their thousands separators removed ("50.000", "50,000" → "50000"). */
export function numbersIn(text: string): string[] {
  return (text.match(/\d+(?:[.,]\d{3})*(?:[.,]\d+)?/g) ?? []).map((n) =>
    /^\d{1,3}([.,]\d{3})+$/.test(n) ? n.replace(/[.,]/g, '') : n,
  );
}
