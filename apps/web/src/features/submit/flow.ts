import {
  type FormField,
  type FormSchema,
  isFormFieldVisible,
  type ProcedureDetail,
  todayInVietnam,
  validateAnswers,
} from '@cqs/shared';

export type Answers = Record<string, unknown>;
export interface Problem {
  path: string;
  message: string;
}

/** Pages after the form's own steps; their ids cannot clash with the schema's (camelCase words). */
export const UPLOADS = 'giay-to';
export const FEE = 'le-phi';
export const REVIEW = 'kiem-tra';
export const DONE = 'da-nop';

export function draftPath(draftId: string, step?: string): string {
  return `/nop-ho-so/ho-so/${encodeURIComponent(draftId)}${step ? `/${encodeURIComponent(step)}` : ''}`;
}

/** The online fee (VND) after local overrides; null when the catalogue does not say. */
export function onlineFee(procedure: ProcedureDetail | undefined): number | null {
  return procedure?.fees.find((f) => f.channel === 'truc_tuyen')?.feeVnd ?? null;
}

/** Every page of the journey in order: form steps, uploads (if any), fee (if due), review. */
export function pageOrder(form: FormSchema, fee: number | null): string[] {
  const pages = form.steps.map((s) => s.id);
  if (form.documents.length > 0) pages.push(UPLOADS);
  if (fee && fee > 0) pages.push(FEE);
  pages.push(REVIEW);
  return pages;
}

/** Drops answers to fields the form no longer has, so the server never refuses a stale key. */
export function knownAnswers(form: FormSchema, answers: Answers): Answers {
  const names = new Set(form.fields.map((f) => f.name));
  return Object.fromEntries(Object.entries(answers).filter(([k]) => names.has(k)));
}

/**
 * The same rules as the server (shared validator), kept to the fields of one step: the resident
 * fixes what is on the page in front of them, nothing else.
 */
export function validateStep(form: FormSchema, answers: Answers, fieldNames: string[]): Problem[] {
  const result = validateAnswers(form, knownAnswers(form, answers), { today: todayInVietnam() });
  if (result.ok) return [];
  const names = new Set(fieldNames);
  return result.fields.filter((p) => names.has(p.path.split('.')[0] ?? ''));
}

/** Visibility in declaration order, as the validator decides it (a hidden field hides its dependants). */
export function visibleFields(form: FormSchema, answers: Answers): Set<string> {
  const accepted: Answers = {};
  const visible = new Set<string>();
  for (const field of form.fields) {
    if (!isFormFieldVisible(field, accepted)) continue;
    visible.add(field.name);
    if (answers[field.name] !== undefined) accepted[field.name] = answers[field.name];
  }
  return visible;
}

export function isItemFieldVisible(field: FormField, item: Answers): boolean {
  return isFormFieldVisible(field, item);
}

/** The step that holds a field (for "Sửa" links and server errors). */
export function stepOfField(form: FormSchema, name: string): string | undefined {
  return form.steps.find((s) => s.fields.includes(name))?.id;
}

/** Where a server-reported problem is fixed: a form step, or the uploads page for documents. */
export function pageOfProblem(form: FormSchema, path: string): string | undefined {
  if (path.startsWith('documents.')) return UPLOADS;
  return stepOfField(form, path.split('.')[0] ?? '');
}

export function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function formatBytes(size: number, lang: string): string {
  const nf = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${nf.format(size / 1024)} KB`;
  return `${nf.format(size / (1024 * 1024))} MB`;
}

/** hh:mm in Vietnam's time, for "Đã lưu lúc 14:05". */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}
