import { z } from 'zod';

/**
 * Community feedback (phản ánh, kiến nghị; DOMAIN.md §6): intake fields, the public view of a
 * report, officer actions and the administrator's categories and routing rules.
 */

export const FEEDBACK_DESCRIPTION_MAX = 4000;
export const FEEDBACK_MAX_PHOTOS = 5;

const CategoryCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)?$/, 'Mã lĩnh vực chỉ gồm chữ thường không dấu, số và "-"')
  .max(80);
export const FeedbackReference = z.string().regex(/^PA-\d{6}-[A-Z0-9]{6}$/);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
const optionalNumber = z
  .union([z.number(), z.string().trim()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'Phải là một số' });
      return z.NEVER;
    }
    return n;
  });
const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on', ''])])
  .optional()
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'on');

/** The text fields of `POST /api/feedback/reports` (multipart, with up to 5 `media` photos). */
export const FeedbackIntakeFields = z
  .object({
    category: optionalText(80),
    description: z
      .string()
      .trim()
      .min(1, 'Vui lòng mô tả sự việc')
      .max(FEEDBACK_DESCRIPTION_MAX, 'Nội dung tối đa 4.000 ký tự'),
    lat: optionalNumber.pipe(z.number().min(-90).max(90).optional()),
    lng: optionalNumber.pipe(z.number().min(-180).max(180).optional()),
    communeCode: optionalText(20),
    address: optionalText(300),
    anonymous: flag,
    contactName: optionalText(200),
    contactPhone: optionalText(20),
    contactEmail: optionalText(254),
  })
  .strict();
export type FeedbackIntakeFields = z.output<typeof FeedbackIntakeFields>;

export const FeedbackCreated = z.object({
  id: z.uuid(),
  reference: z.string(),
  state: z.string(),
  categoryCode: z.string(),
  categorySuggested: z.boolean(),
  assignedUnitCode: z.string().nullable(),
  dueAt: z.string().nullable(),
  moderation: z.enum(['visible', 'pending', 'hidden']),
});
export type FeedbackCreated = z.infer<typeof FeedbackCreated>;

export const FeedbackPublicEvent = z.object({
  type: z.string(),
  label: z.string(),
  state: z.string(),
  at: z.string(),
  unitName: z.string().nullable(),
  note: z.string().nullable(),
});

export const FeedbackPublicPhoto = z.object({ id: z.uuid(), url: z.string() });

/** What anyone may see: never contacts; the name only when the reporter did not ask anonymity. */
export const FeedbackPublic = z.object({
  id: z.uuid(),
  reference: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  description: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  address: z.string().nullable(),
  reporterName: z.string().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  assignedUnitCode: z.string().nullable(),
  assignedUnitName: z.string().nullable(),
  dueAt: z.string().nullable(),
  publicAnswer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  rating: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  photos: z.array(FeedbackPublicPhoto),
  events: z.array(FeedbackPublicEvent),
});
export type FeedbackPublic = z.infer<typeof FeedbackPublic>;

export const FeedbackListQuery = z.object({
  commune: z.string().trim().max(20).optional(),
  category: CategoryCode.optional(),
  status: z.enum(['open', 'closed']).or(z.string().max(30)).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const FeedbackListItem = FeedbackPublic.omit({ events: true, photos: true });
export const FeedbackList = z.object({
  items: z.array(FeedbackListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const FeedbackSimilarQuery = z.object({
  category: CategoryCode,
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
});

export const FeedbackActionBody = z
  .object({
    action: z.string().min(1).max(40),
    expectedRowVersion: z.number().int().min(1),
    /** Internal: never shown to the public (internal_note, return_to_sender, hide). */
    note: z.string().trim().max(4000).optional(),
    /** resolve, reject, request_info, transfer: the text the resident and the public read. */
    publicReply: z.string().trim().max(4000).optional(),
    categoryCode: CategoryCode.optional(),
    officerId: z.uuid().optional(),
    toUnitCode: z.string().trim().min(2).max(40).optional(),
  })
  .strict();
export type FeedbackActionBody = z.infer<typeof FeedbackActionBody>;

export const FeedbackInfoBody = z.object({ text: z.string().trim().min(1).max(4000) }).strict();
export const FeedbackRateBody = z
  .object({
    rating: z.number().int().min(1).max(5),
    comment: z.string().trim().max(1000).optional(),
  })
  .strict();
export const FeedbackReopenBody = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();

export const FeedbackCategory = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  descriptionVi: z.string().nullable(),
  answerDays: z.number().int(),
  departmentCode: z.string().nullable(),
  active: z.boolean(),
});
export type FeedbackCategory = z.infer<typeof FeedbackCategory>;

export const FeedbackCategoryCreate = z
  .object({
    code: CategoryCode,
    parentCode: CategoryCode,
    nameVi: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    descriptionVi: z.string().trim().max(500).optional(),
    answerDays: z.number().int().min(1).max(60).optional(),
  })
  .strict();

const Polygon = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.tuple([z.number(), z.number()])).min(1)).min(1),
});
const MultiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])).min(1)).min(1)).min(1),
});
export const FeedbackArea = z.union([Polygon, MultiPolygon]);

export const FeedbackRule = z.object({
  id: z.uuid().optional(),
  categoryCode: CategoryCode.nullable(),
  communeCode: z.string().trim().max(20).nullable(),
  area: FeedbackArea.nullable(),
  targetKind: z.enum(['unit', 'commune']),
  targetUnitCode: z.string().trim().max(40).nullable(),
  note: z.string().trim().max(500).nullable(),
  active: z.boolean(),
});
export type FeedbackRule = z.infer<typeof FeedbackRule>;

/** The whole ordered rule set: the order of the array is the order of matching. */
export const FeedbackRuleSet = z.object({ rules: z.array(FeedbackRule).max(500) }).strict();

export const FeedbackRouteTestBody = z
  .object({
    rules: z.array(FeedbackRule).max(500).optional(),
    categoryCode: CategoryCode,
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    communeCode: z.string().trim().max(20).optional(),
  })
  .strict();

export const FeedbackRouteTestResult = z.object({
  matched: z.boolean(),
  ruleIndex: z.number().int().nullable(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  communeCode: z.string().nullable(),
});

export const FeedbackStats = z.object({
  unitCode: z.string(),
  closed: z.number().int(),
  onTime: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
  openOverdue: z.number().int(),
  onTimeRate: z.number().nullable(),
  averageRating: z.number().nullable(),
});

/** Every unit that holds or held reports, for the public on-time table. */
export const FeedbackUnitStatsList = z.object({
  items: z.array(FeedbackStats.extend({ unitName: z.string() })),
});
export type FeedbackUnitStatsList = z.infer<typeof FeedbackUnitStatsList>;

export const MyFeedbackQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50, 'Tối đa 50 phản ánh một trang').default(20),
  })
  .strict();
export type MyFeedbackQuery = z.infer<typeof MyFeedbackQuery>;

/** One of the signed-in resident's own reports (GET /api/my/feedback), with what they may do. */
export const MyFeedbackItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  /** The first 120 characters of the description. */
  title: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  /** The public status (as in Open311): open until answered or closed. */
  status: z.enum(['open', 'closed']),
  /** pending/hidden: not on the public pages (held by moderation), still the resident's own. */
  moderation: z.enum(['visible', 'pending', 'hidden']),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  rating: z.number().nullable(),
  canRate: z.boolean(),
  canReopen: z.boolean(),
  canProvideInfo: z.boolean(),
  /** Last moment to rate or reopen (7 days after the answer); null when neither is possible. */
  actionDeadline: z.string().nullable(),
});
export type MyFeedbackItem = z.infer<typeof MyFeedbackItem>;

export const MyFeedbackList = z.object({
  items: z.array(MyFeedbackItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type MyFeedbackList = z.infer<typeof MyFeedbackList>;
