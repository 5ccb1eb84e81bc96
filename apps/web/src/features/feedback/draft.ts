import { FEEDBACK_DESCRIPTION_MAX, type FeedbackCreated } from '@cqs/shared';
import { useEffect, useState } from 'react';

/** The pages of the journey in order (Vietnamese slugs, as the rest of the site). */
export const STEPS = ['linh-vuc', 'vi-tri', 'hinh-anh', 'noi-dung', 'lien-he', 'kiem-tra'] as const;
export type Step = (typeof STEPS)[number];
export const DONE = 'da-gui';
export const INTAKE_PATH = '/phan-anh/gui';
export const stepPath = (step: Step | typeof DONE) => `${INTAKE_PATH}/${step}`;

/** The API's default upload limit (UPLOAD_MAX_FILE_MB): checked early here, enforced there. */
export const PHOTO_MAX_MB = 10;
export const PHOTO_TYPES = ['image/jpeg', 'image/png'];

export interface ReportDraft {
  /** null = not answered yet; '' = "suggest one for me". */
  category: string | null;
  placeMode: 'map' | 'list';
  lat: number | null;
  lng: number | null;
  communeCode: string;
  address: string;
  description: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  anonymous: boolean;
  /** The classifier's suggestion the resident waved away (not asked again for the same one). */
  keptAgainst: string | null;
}

export const emptyDraft: ReportDraft = {
  category: null,
  placeMode: 'map',
  lat: null,
  lng: null,
  communeCode: '',
  address: '',
  description: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  anonymous: false,
  keptAgainst: null,
};

const DRAFT_KEY = 'cqs.feedback.draft';
const CREATED_KEY = 'cqs.feedback.created';

function readJson<T>(key: string): T | null {
  try {
    const text = window.sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: the draft lives in memory only.
  }
}

/**
 * The draft, kept in sessionStorage: it survives moving between steps, a reload, an error and the
 * round trip through sign-in (to follow a similar report), and is gone when the tab closes.
 */
export function useReportDraft() {
  const [draft, setDraft] = useState<ReportDraft>(() => ({
    ...emptyDraft,
    ...readJson<Partial<ReportDraft>>(DRAFT_KEY),
  }));
  useEffect(() => writeJson(DRAFT_KEY, draft), [draft]);
  const update = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const clear = () => {
    writeJson(DRAFT_KEY, null);
    setDraft(emptyDraft);
  };
  return { draft, update, clear };
}

/**
 * A report started elsewhere (the assistant's "Xem và gửi phản ánh"): `?category=&description=`
 * fill those two answers of the draft, keeping anything else already typed. The resident still
 * goes through every step and confirms. Returns whether the link carried a draft.
 */
export function startDraftFromQuery(params: URLSearchParams): boolean {
  const category = params.get('category')?.trim() ?? '';
  const description = params.get('description')?.trim().slice(0, FEEDBACK_DESCRIPTION_MAX) ?? '';
  if (!category && !description) return false;
  const current = { ...emptyDraft, ...readJson<Partial<ReportDraft>>(DRAFT_KEY) };
  writeJson(DRAFT_KEY, {
    ...current,
    ...(category ? { category, keptAgainst: null } : {}),
    ...(description ? { description } : {}),
  });
  return true;
}

export type CreatedReport = FeedbackCreated;
export const readCreated = () => readJson<CreatedReport>(CREATED_KEY);
export const writeCreated = (created: CreatedReport | null) => writeJson(CREATED_KEY, created);

/** Problems of one step, by field name; the messages are i18n keys of the `feedback` namespace. */
export type Problems = Record<string, string>;

const PHONE = /^(\+84|0)\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateStep(step: Step, d: ReportDraft): Problems {
  const p: Problems = {};
  if (step === 'linh-vuc' && d.category === null) p.category = 'category.required';
  if (step === 'vi-tri') {
    if (d.placeMode === 'map' && (d.lat === null || d.lng === null)) p.pin = 'place.pinRequired';
    if (d.placeMode === 'list') {
      if (!d.communeCode) p.communeCode = 'place.communeRequired';
      if (!d.address.trim()) p.address = 'place.addressRequired';
    }
  }
  if (step === 'noi-dung') {
    if (!d.description.trim()) p.description = 'description.required';
    else if (d.description.trim().length > FEEDBACK_DESCRIPTION_MAX) {
      p.description = 'description.tooLong';
    }
  }
  if (step === 'lien-he') {
    const phone = d.contactPhone.replace(/[\s.-]/g, '');
    if (phone && !PHONE.test(phone)) p.contactPhone = 'contact.phoneInvalid';
    if (d.contactEmail.trim() && !EMAIL.test(d.contactEmail.trim())) {
      p.contactEmail = 'contact.emailInvalid';
    }
  }
  return p;
}

/** The first step with a problem (the review page sends the resident there). */
export function firstIncompleteStep(d: ReportDraft): Step | null {
  return STEPS.find((s) => Object.keys(validateStep(s, d)).length > 0) ?? null;
}

/** The multipart text fields of `POST /api/feedback/reports`. */
export function intakeFields(d: ReportDraft): Record<string, string> {
  const fields: Record<string, string> = { description: d.description.trim() };
  if (d.category) fields.category = d.category;
  if (d.placeMode === 'map' && d.lat !== null && d.lng !== null) {
    fields.lat = d.lat.toFixed(6);
    fields.lng = d.lng.toFixed(6);
  } else {
    fields.communeCode = d.communeCode;
  }
  if (d.address.trim()) fields.address = d.address.trim();
  if (d.anonymous) fields.anonymous = 'true';
  if (d.contactName.trim()) fields.contactName = d.contactName.trim();
  const phone = d.contactPhone.replace(/[\s.-]/g, '');
  if (phone) fields.contactPhone = phone;
  if (d.contactEmail.trim()) fields.contactEmail = d.contactEmail.trim();
  return fields;
}

/** Which step a refusal of the API belongs to, so its message is shown next to the field. */
export function stepOfError(code: string, fieldPath: string | undefined): Step {
  const byField: Record<string, Step> = {
    category: 'linh-vuc',
    lat: 'vi-tri',
    lng: 'vi-tri',
    communeCode: 'vi-tri',
    address: 'vi-tri',
    description: 'noi-dung',
    contactName: 'lien-he',
    contactPhone: 'lien-he',
    contactEmail: 'lien-he',
    anonymous: 'lien-he',
    media: 'hinh-anh',
  };
  if (fieldPath && byField[fieldPath]) return byField[fieldPath];
  if (code === 'FEEDBACK_CATEGORY_UNKNOWN') return 'linh-vuc';
  if (
    code === 'FEEDBACK_LOCATION_MISSING' ||
    code === 'POINT_OUTSIDE_PROVINCE' ||
    code === 'FEEDBACK_NO_ROUTE'
  ) {
    return 'vi-tri';
  }
  if (code.startsWith('FILE_') || code === 'FEEDBACK_TOO_MANY_PHOTOS') return 'hinh-anh';
  return 'kiem-tra';
}

/** The field an API refusal is shown next to. */
export function fieldOfError(step: Step, code: string, fieldPath: string | undefined): string {
  if (fieldPath) return fieldPath === 'lat' || fieldPath === 'lng' ? 'pin' : fieldPath;
  if (step === 'linh-vuc') return 'category';
  if (step === 'vi-tri') return code === 'FEEDBACK_LOCATION_MISSING' ? 'pin' : 'place';
  if (step === 'hinh-anh') return 'media';
  return 'form';
}
