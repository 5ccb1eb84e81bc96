import { z } from 'zod';

/**
 * The stable feedback category codes the classifier can propose (the feedback module seeds the same
 * codes as its categories). `khac` = other.
 */
export const FEEDBACK_CLASSIFY_CATEGORIES = [
  'moi-truong',
  'giao-thong',
  'trat-tu-do-thi',
  'dien-chieu-sang',
  'cap-thoat-nuoc',
  'an-ninh-trat-tu',
  'dat-dai',
  'y-te',
  'giao-duc',
  'nong-nghiep',
  'an-sinh-xa-hoi',
  'dich-vu-cong',
  'khac',
] as const;

export const ClassifiableFeedbackCategory = z.enum(FEEDBACK_CLASSIFY_CATEGORIES);
export type ClassifiableFeedbackCategory = z.infer<typeof ClassifiableFeedbackCategory>;

/** POST /api/feedback/classify: the text of a report being written. */
export const FeedbackClassifyBody = z.object({
  text: z
    .string({ error: 'Vui lòng nhập nội dung phản ánh' })
    .trim()
    .min(1, 'Vui lòng nhập nội dung phản ánh')
    .max(4000, 'Nội dung phản ánh tối đa 4000 ký tự'),
});
export type FeedbackClassifyBody = z.infer<typeof FeedbackClassifyBody>;

export const FeedbackCategoryGuess = z.object({
  category: ClassifiableFeedbackCategory,
  confidence: z.number().min(0).max(1).describe('Estimated probability, 0..1'),
});
export type FeedbackCategoryGuess = z.infer<typeof FeedbackCategoryGuess>;

/** The proposed category and the next three most likely ones (a suggestion; the resident chooses). */
export const FeedbackClassifyAnswer = FeedbackCategoryGuess.extend({
  alternatives: z.array(FeedbackCategoryGuess).max(3),
});
export type FeedbackClassifyAnswer = z.infer<typeof FeedbackClassifyAnswer>;
