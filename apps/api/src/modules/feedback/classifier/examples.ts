/** Reads the labelled feedback examples shipped in `apps/api/seed-data/feedback/examples.jsonl`. */
import { readFileSync } from 'node:fs';
import { ClassifiableFeedbackCategory } from '@cqs/shared';
import { z } from 'zod';

export const FeedbackExample = z.object({
  text: z.string().trim().min(1),
  category: ClassifiableFeedbackCategory,
});
export type FeedbackExample = z.infer<typeof FeedbackExample>;

export const DEFAULT_EXAMPLES_URL = new URL(
  '../../../../seed-data/feedback/examples.jsonl',
  import.meta.url,
);

/** Parses JSON Lines; a bad line fails loudly with its line number (the file is edited by hand). */
export function parseExamples(jsonl: string, source = 'examples.jsonl'): FeedbackExample[] {
  const examples: FeedbackExample[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${source}:${i + 1}: not valid JSON`);
    }
    const parsed = FeedbackExample.safeParse(value);
    if (!parsed.success) throw new Error(`${source}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    examples.push(parsed.data);
  });
  return examples;
}

export function readExamples(url: URL = DEFAULT_EXAMPLES_URL): FeedbackExample[] {
  return parseExamples(readFileSync(url, 'utf8'), url.pathname);
}
