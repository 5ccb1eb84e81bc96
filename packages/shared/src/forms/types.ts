import { z } from 'zod';

/**
 * The serialisable e-form format. A FormSchema is plain JSON so that a procedure version can store
 * it, the API can validate answers with it and the web app can render it, all from one definition.
 */

export const Localized = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof Localized>;

export const fieldTypes = [
  'text',
  'textarea',
  'date',
  'select',
  'radio',
  'checkbox',
  'number',
  'citizen_id',
  'phone',
  'email',
  'unit',
  'address',
  'group',
] as const;
export const FieldType = z.enum(fieldTypes);
export type FieldType = z.infer<typeof FieldType>;

/** Where a value comes from when the signed-in resident's identity (VNeID claims) is known. */
export const prefillSources = [
  'fullName',
  'citizenId',
  'birthDate',
  'gender',
  'phone',
  'email',
  'address',
  'communeCode',
] as const;
export const PrefillSource = z.enum(prefillSources);
export type PrefillSource = z.infer<typeof PrefillSource>;

/** One condition on another field's answer; a list of conditions means all of them. */
export const Condition = z.union([
  z.object({ field: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
  z.object({ field: z.string(), in: z.array(z.string()).min(1) }).strict(),
  z.object({ field: z.string(), truthy: z.boolean() }).strict(),
]);
export type Condition = z.infer<typeof Condition>;

export const FieldOption = z.object({ value: z.string().min(1), label: Localized });
export type FieldOption = z.infer<typeof FieldOption>;

const fieldBase = {
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'Tên trường chỉ gồm chữ và số'),
  label: Localized,
  help: Localized.optional(),
  required: z.boolean(),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).optional(),
  /** A regular expression the whole (trimmed) text must match, with the message shown when not. */
  pattern: z.object({ regex: z.string(), messageVi: z.string(), messageEn: z.string() }).optional(),
  options: z.array(FieldOption).optional(),
  showIf: z.array(Condition).optional(),
  prefill: PrefillSource.optional(),
  /** number: bounds; integer-only when `integer`. */
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  /** date: refuse dates after today (birth, death, events that already happened). */
  notFuture: z.boolean().optional(),
  /** date: refuse dates before today (an end date of a stay that is still to come). */
  notPast: z.boolean().optional(),
};

export const LeafField = z.object({ ...fieldBase, type: FieldType.exclude(['group']) }).strict();
export type LeafField = z.infer<typeof LeafField>;

/** A repeatable group (several household members, several children): a list of small records. */
export const GroupField = z
  .object({
    ...fieldBase,
    type: z.literal('group'),
    itemLabel: Localized,
    itemFields: z.array(LeafField).min(1),
    minItems: z.number().int().min(0).optional(),
    maxItems: z.number().int().min(1).optional(),
  })
  .strict();
export type GroupField = z.infer<typeof GroupField>;

export const FormField = z.union([LeafField, GroupField]);
export type FormField = z.infer<typeof FormField>;

/** One thing per page (GOV.UK pattern): a step lists the fields it shows, in order. */
export const FormStep = z
  .object({
    id: z.string().min(1),
    title: Localized,
    description: Localized.optional(),
    fields: z.array(z.string()).min(1),
  })
  .strict();
export type FormStep = z.infer<typeof FormStep>;

/** A required upload, derived from the catalogue record's document list. */
export const FormDocument = z
  .object({
    id: z.string().min(1),
    /** The catalogue's heading for the group ("Giấy tờ phải nộp", a case of the procedure). */
    case: z.string().optional(),
    name: Localized,
    /** Numbers of originals and copies the catalogue record asks for in a paper dossier. */
    originals: z.number().int().min(0),
    copies: z.number().int().min(0),
    required: z.boolean(),
    showIf: z.array(Condition).optional(),
    /** The official template's name when the item is a form (tờ khai, đơn). */
    formName: z.string().optional(),
  })
  .strict();
export type FormDocument = z.infer<typeof FormDocument>;

export const FormSchema = z
  .object({
    id: z.string().min(1),
    procedureCode: z.string().min(1),
    title: Localized,
    /** The official form this e-form replaces and the instrument that issues it. */
    legalBasis: z.string().min(1),
    /** `handwritten` forms follow the official tờ khai; `generic` ones are derived from the record. */
    origin: z.enum(['handwritten', 'generic']),
    steps: z.array(FormStep).min(1),
    fields: z.array(FormField).min(1),
    documents: z.array(FormDocument),
    /** Field names in the order the review page summarises them. */
    review: z.array(z.string()),
  })
  .strict();
export type FormSchema = z.infer<typeof FormSchema>;

/** What the signed-in resident's identity provides for prefilling (all optional). */
export type ResidentIdentity = {
  fullName?: string | null;
  citizenId?: string | null;
  birthDate?: string | null;
  gender?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  communeCode?: string | null;
};

export type Answers = Record<string, unknown>;
export type FieldProblem = { path: string; message: string };
export type ValidationResult = { ok: true; value: Answers } | { ok: false; fields: FieldProblem[] };
