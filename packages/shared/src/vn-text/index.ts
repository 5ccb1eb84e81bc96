/**
 * Vietnamese text for search, shared by the API (catalogue index), the assistant and the web app.
 *
 * Pipeline, identical for documents and queries:
 *   text → `tokenize` (NFC, lowercase, split into syllables; each syllable folded with
 *   `foldVietnamese` and made canonical with `canonicalSyllable`: kí/ký → ki)
 *        → `removeStopWords` (with marks: "tại" goes, "tài" stays)
 *        = `analyze(text)`: the terms to index or to look up.
 * Queries additionally go through `expandQuery`, which recognises phrases of the editable table in
 * `synonyms.ts` (abbreviations such as CCCD, colloquial names such as "sổ đỏ", verbs such as
 * "làm giấy") and returns groups of weighted alternatives for a search engine to combine.
 */
export * from './compounds';
export * from './expand';
export * from './fold';
export * from './stopwords';
export * from './synonyms';
export * from './tokenize';
