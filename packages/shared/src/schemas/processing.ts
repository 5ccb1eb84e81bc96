import { z } from 'zod';

/**
 * One-stop processing after reception (Decree 118/2025): the officer's dossier workspace, work
 * queues and workflow actions. The action table itself lives in the API (workflow module); the
 * workspace lists the actions the signed-in officer may take now, so the web needs no copy of it.
 */

export const ResultChannel = z.enum(['in_person', 'online', 'post']);
export type ResultChannel = z.infer<typeof ResultChannel>;

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

/** What an officer sends to act on a dossier; each action reads the fields it needs. */
export const DossierActionBody = z
  .object({
    action: z.string().min(1).max(40),
    /** The rowVersion the officer saw; 409 DOSSIER_CHANGED when someone acted first. */
    expectedRowVersion: z.number().int().min(1),
    reason: z.string().trim().max(2000).optional(),
    /** assign: the specialist who will process the dossier. */
    assigneeId: z.uuid().optional(),
    /** transfer, transfer_lien_thong: the unit that takes the dossier over. */
    toUnitCode: z.string().trim().min(2).max(40).optional(),
    /** assign, transfer, transfer_lien_thong, verification, consultation: the step's own limit. */
    stepWorkingDays: z.number().int().min(1).max(120).optional(),
    /** guide_to_complete, request_supplement: the documents the resident must add (form 02). */
    documents: z.array(z.string().trim().min(1).max(300)).max(30).optional(),
    /** notify_financial_obligation: the amount the resident must pay. */
    amountVnd: z.number().int().min(1).max(100_000_000_000).optional(),
    /** submit_for_signature, sign, refuse_on_merits, mark_finished: the uploaded result file. */
    resultFileId: z.uuid().optional(),
    /** return_result: how the result reached the resident. */
    channel: ResultChannel.optional(),
    /** apologise (form 04): the new appointment date, a working day after the due date. */
    newDueDate: IsoDay.optional(),
  })
  .strict();
export type DossierActionBody = z.infer<typeof DossierActionBody>;

export const ActionField = z.enum([
  'reason',
  'assigneeId',
  'toUnitCode',
  'stepWorkingDays',
  'documents',
  'amountVnd',
  'resultFileId',
  'channel',
  'newDueDate',
]);
export type ActionField = z.infer<typeof ActionField>;

export const AllowedAction = z.object({
  name: z.string(),
  label: z.string(),
  /** Fields the form for this action must ask for (required ones in `required`). */
  fields: z.array(ActionField),
  required: z.array(ActionField),
  form: z.string().nullable(),
});
export type AllowedAction = z.infer<typeof AllowedAction>;

export const Band = z.enum(['overdue', 'due_soon', 'within', 'paused', 'none', 'done']);
export type Band = z.infer<typeof Band>;

export const WorkspaceTimelineEntry = z.object({
  id: z.number().int(),
  type: z.string(),
  label: z.string(),
  statusCode: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  unitName: z.string().nullable(),
  note: z.string().nullable(),
  public: z.boolean(),
  /** Step due date set by this event, when it set one (ISO with +07:00). */
  stepDueAt: z.string().nullable(),
});
export type WorkspaceTimelineEntry = z.infer<typeof WorkspaceTimelineEntry>;

export const DossierDocument = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  purpose: z.string(),
  uploadedAt: z.string(),
});

const UnitRef = z.object({ code: z.string(), name: z.string() });

export const DossierWorkspace = z.object({
  id: z.string(),
  reference: z.string(),
  code: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  procedureVersion: z.number().int(),
  channel: z.number().int(),
  statusCode: z.number().int(),
  statusLabel: z.string(),
  state: z.string(),
  step: z.string().nullable(),
  stepLabel: z.string().nullable(),
  stepDueAt: z.string().nullable(),
  receivingUnit: UnitRef,
  handlingUnit: UnitRef,
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  applicant: z.object({
    name: z.string(),
    citizenIdMasked: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  answers: z.record(z.string(), z.unknown()),
  documents: z.array(DossierDocument),
  submittedAt: z.string(),
  acceptedAt: z.string().nullable(),
  /** The legal due date (the baseline for statistics). */
  dueAt: z.string().nullable(),
  /** The new date promised in an apology (form 04), kept beside the baseline. */
  apologyDueAt: z.string().nullable(),
  band: Band,
  pausedSince: z.string().nullable(),
  supplementRequests: z.number().int(),
  countedLate: z.boolean(),
  feeVnd: z.number().int().nullable(),
  paymentState: z.string(),
  outcome: z.enum(['approved', 'refused']).nullable(),
  resultId: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnChannel: ResultChannel.nullable(),
  rowVersion: z.number().int(),
  timeline: z.array(WorkspaceTimelineEntry),
  allowedActions: z.array(AllowedAction),
  /** Printable forms that have content for this dossier. */
  forms: z.array(z.enum(['01', '02', '03', '04', '05'])),
});
export type DossierWorkspace = z.infer<typeof DossierWorkspace>;

export const DossierIdParams = z.object({ id: z.uuid() }).strict();
export type DossierIdParams = z.infer<typeof DossierIdParams>;

export const WorkQueueQuery = z
  .object({
    unitCode: z.string().min(2).max(40),
    /** mine: assigned to me; unit: everything the unit holds. */
    scope: z.enum(['mine', 'unit']).default('unit'),
    band: z.enum(['all', 'overdue', 'due_soon', 'within', 'paused']).default('all'),
    statusCode: z.coerce.number().int().min(1).max(10).optional(),
    /** Dossier code or reference, applicant name, or citizen ID number. */
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type WorkQueueQuery = z.infer<typeof WorkQueueQuery>;

export const WorkQueueItem = z.object({
  id: z.string(),
  code: z.string().nullable(),
  reference: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  applicantCitizenIdMasked: z.string().nullable(),
  statusCode: z.number().int(),
  statusLabel: z.string(),
  state: z.string(),
  step: z.string().nullable(),
  stepDueAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  band: Band,
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  handlingUnitCode: z.string(),
  rowVersion: z.number().int(),
});
export type WorkQueueItem = z.infer<typeof WorkQueueItem>;

export const WorkQueue = z.object({
  items: z.array(WorkQueueItem),
  total: z.number().int(),
  counts: z.object({
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    within: z.number().int(),
    paused: z.number().int(),
  }),
});
export type WorkQueue = z.infer<typeof WorkQueue>;

export const BulkAssignBody = z
  .object({
    assigneeId: z.uuid(),
    stepWorkingDays: z.number().int().min(1).max(120).optional(),
    items: z
      .array(z.object({ id: z.uuid(), expectedRowVersion: z.number().int().min(1) }).strict())
      .min(1)
      .max(100),
  })
  .strict();
export type BulkAssignBody = z.infer<typeof BulkAssignBody>;

export const BulkAssignResult = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      rowVersion: z.number().int().nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});
export type BulkAssignResult = z.infer<typeof BulkAssignResult>;

export const UnitOfficersParams = z.object({ code: z.string().min(2).max(40) }).strict();
export const UnitOfficers = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()) })),
});
export type UnitOfficers = z.infer<typeof UnitOfficers>;

/** In-person (or by post) intake at the one-stop counter, for a resident identified by ID number. */
export const IntakeBody = z
  .object({
    unitCode: z.string().min(2).max(40),
    procedureCode: z.string().min(1).max(40),
    channel: z.union([z.literal(1), z.literal(3)]),
    applicant: z
      .object({
        citizenId: z.string().regex(/^\d{12}$/, 'Số định danh cá nhân gồm đúng 12 chữ số'),
        fullName: z.string().trim().min(2).max(120),
        phone: z
          .string()
          .trim()
          .regex(/^(0|\+84)\d{9,10}$/, 'Số điện thoại không hợp lệ')
          .optional(),
        email: z.email('Địa chỉ email không hợp lệ').optional(),
        address: z.string().trim().max(300).optional(),
      })
      .strict(),
    answers: z.record(z.string(), z.unknown()).default({}),
    /** Scans the officer uploaded (bundle `intake:<id>`), attached to the new dossier. */
    fileIds: z.array(z.uuid()).max(50).default([]),
    /** Accept at once (the resident is at the counter and the dossier is complete). */
    acceptNow: z.boolean().default(true),
  })
  .strict();
export type IntakeBody = z.infer<typeof IntakeBody>;

export const IntakeResult = z.object({
  id: z.string(),
  reference: z.string(),
  code: z.string().nullable(),
  statusCode: z.number().int(),
  dueAt: z.string().nullable(),
  rowVersion: z.number().int(),
});
export type IntakeResult = z.infer<typeof IntakeResult>;

/** Resident: add what a supplement request (or guidance before acceptance) asked for. */
export const ResubmitBody = z
  .object({
    fileIds: z.array(z.uuid()).max(30).default([]),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type ResubmitBody = z.infer<typeof ResubmitBody>;

export const WithdrawBody = z.object({ reason: z.string().trim().min(5).max(1000) }).strict();
export type WithdrawBody = z.infer<typeof WithdrawBody>;
