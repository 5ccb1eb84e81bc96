import { z } from 'zod';

/** The sections of a procedure record the assistant can quote (one search chunk each). */
export const ASSISTANT_ASPECTS = [
  'documents',
  'fees',
  'time',
  'place',
  'steps',
  'conditions',
  'legal_basis',
  'results',
  'applicants',
] as const;
export const AssistantAspect = z.enum(ASSISTANT_ASPECTS);
export type AssistantAspect = z.infer<typeof AssistantAspect>;

export const ASSISTANT_INTENTS = [
  'procedure_question',
  'tracking',
  'start_submission',
  'feedback',
  'greeting',
  'other',
] as const;
export const AssistantIntent = z.enum(ASSISTANT_INTENTS);
export type AssistantIntent = z.infer<typeof AssistantIntent>;

/** How the reply came out: an answer, a clarifying question, or "not found" with suggestions. */
export const AssistantOutcome = z.enum(['answer', 'clarify', 'not_found', 'needs_input', 'info']);
export type AssistantOutcome = z.infer<typeof AssistantOutcome>;

/** POST /api/assistant/messages. */
export const AssistantMessageBody = z
  .object({
    text: z
      .string({ error: 'Vui lòng nhập câu hỏi' })
      .trim()
      .min(1, 'Vui lòng nhập câu hỏi')
      .max(1000, 'Câu hỏi tối đa 1000 ký tự'),
    conversationId: z.uuid('Mã cuộc trò chuyện không hợp lệ').optional(),
    /** Set by the chat panel when the resident picks one of the offered procedures. */
    procedureCode: z
      .string()
      .regex(/^\d\.\d{6}$/, 'Mã thủ tục không hợp lệ')
      .optional(),
  })
  .strict();
export type AssistantMessageBody = z.infer<typeof AssistantMessageBody>;

export const AssistantCitation = z.object({
  type: z.literal('procedure'),
  code: z.string(),
  name: z.string(),
  section: z.union([AssistantAspect, z.literal('overview')]),
  url: z.string(),
});
export type AssistantCitation = z.infer<typeof AssistantCitation>;

/** Something the chat panel offers as a button. Every action has a Vietnamese label. */
export const AssistantAction = z.discriminatedUnion('type', [
  /** Pick one procedure (clarification or "did you mean"): send it back as `procedureCode`. */
  z.object({
    type: z.literal('choose_procedure'),
    label: z.string(),
    procedureCode: z.string(),
  }),
  z.object({
    type: z.literal('open_procedure'),
    label: z.string(),
    procedureCode: z.string(),
    url: z.string(),
  }),
  /** The online form of the procedure (the web app prefills it from the resident's profile). */
  z.object({
    type: z.literal('start_submission'),
    label: z.string(),
    procedureCode: z.string(),
    url: z.string(),
  }),
  /** A feedback report to confirm: category proposed by the classifier, the resident's words. */
  z.object({
    type: z.literal('feedback_draft'),
    label: z.string(),
    category: z.string(),
    description: z.string(),
    url: z.string(),
  }),
  /** The resident's own dossier page (only for the signed-in owner). */
  z.object({
    type: z.literal('open_dossier'),
    label: z.string(),
    url: z.string(),
  }),
  /** The public tracking page, where code and last 4 digits can be typed. */
  z.object({
    type: z.literal('open_tracking'),
    label: z.string(),
    url: z.string(),
  }),
]);
export type AssistantAction = z.infer<typeof AssistantAction>;

export const AssistantReply = z.object({
  text: z.string(),
  intent: AssistantIntent,
  outcome: AssistantOutcome,
  aspect: AssistantAspect.nullable(),
  citations: z.array(AssistantCitation),
  actions: z.array(AssistantAction),
});
export type AssistantReply = z.infer<typeof AssistantReply>;

export const AssistantMessageAnswer = z.object({
  conversationId: z.uuid(),
  reply: AssistantReply,
});
export type AssistantMessageAnswer = z.infer<typeof AssistantMessageAnswer>;
