import type { FormSchema } from '@cqs/shared';

/** Pages after the form's own steps; their ids cannot clash with the schema's (camelCase words). */
export const UPLOADS = 'giay-to';
export const REVIEW = 'kiem-tra';
export const CONSENT = 'dong-y';
export const DONE = 'da-nop';

/** Form steps, documents (if any), the review, then the resident's consent and submission. */
export function pagesOf(form: FormSchema): string[] {
  const pages = form.steps.map((s) => s.id);
  if (form.documents.length > 0) pages.push(UPLOADS);
  pages.push(REVIEW, CONSENT);
  return pages;
}
