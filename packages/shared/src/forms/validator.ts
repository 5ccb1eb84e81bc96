import { z } from 'zod';
import type {
  Answers,
  Condition,
  FieldProblem,
  FormField,
  FormSchema,
  GroupField,
  LeafField,
  ValidationResult,
} from './types';

export type ValidatorOptions = {
  /** Today in Asia/Ho_Chi_Minh as YYYY-MM-DD; from the injected clock on the server. */
  today?: string;
  /** The province's commune codes; without it a `unit` answer only has to look like one. */
  communeCodes?: ReadonlySet<string>;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Mobile (03/05/07/08/09 + 8 digits) and landline (02x + 8 digits) numbers, 10 or 11 digits in all.
const VN_PHONE = /^(?:0|84)(?:[35789]\d{8}|2\d{9})$/;

/** Today in Vietnam's time zone; browsers and Node both ship the IANA data. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function holds(cond: Condition, values: Answers): boolean {
  const v = values[cond.field];
  if ('equals' in cond) return v === cond.equals;
  if ('in' in cond) return typeof v === 'string' && cond.in.includes(v);
  return (!isBlank(v) && v !== false) === cond.truthy;
}

/** A field is shown when every condition holds on the answers already accepted (hidden ones absent). */
export function isVisible(field: { showIf?: Condition[] | undefined }, values: Answers): boolean {
  return (field.showIf ?? []).every((c) => holds(c, values));
}

function lc(label: string): string {
  return label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
}

function formatVnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function validIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** The zod schema of one non-blank leaf answer, with Vietnamese messages that say how to fix it. */
export function leafSchema(field: LeafField, opts: ValidatorOptions = {}): z.ZodType {
  const label = field.label.vi;
  const text = z.string({ error: `${label} phải là chữ.` });
  switch (field.type) {
    case 'text':
    case 'address':
    case 'textarea': {
      const multiline = field.type === 'textarea';
      const s = text.transform((v) =>
        multiline ? v.normalize('NFC').trim() : v.normalize('NFC').replace(/\s+/g, ' ').trim(),
      );
      const min = field.minLength ?? (field.type === 'address' ? 5 : undefined);
      const max = field.maxLength ?? (multiline ? 4000 : field.type === 'address' ? 300 : 200);
      return s
        .refine((v) => min === undefined || v.length >= min, {
          error: `${label} cần ít nhất ${min} ký tự; hãy ghi đầy đủ hơn.`,
        })
        .refine((v) => v.length <= max, {
          error: `${label} tối đa ${max} ký tự; hãy rút gọn.`,
        })
        .refine((v) => !field.pattern || new RegExp(`^(?:${field.pattern.regex})$`, 'u').test(v), {
          error: field.pattern?.messageVi ?? '',
        });
    }
    case 'date':
      return text
        .transform((v) => v.trim())
        .refine(validIsoDate, {
          error: `${label}: chọn ngày trên lịch hoặc nhập theo dạng năm-tháng-ngày, ví dụ 2024-05-31.`,
          abort: true,
        })
        .refine((v) => !field.notFuture || !opts.today || v <= opts.today, {
          error: `${label} không được sau ngày hôm nay (${formatVnDate(opts.today ?? '')}); kiểm tra lại ngày, tháng, năm.`,
        })
        .refine((v) => !field.notPast || !opts.today || v >= opts.today, {
          error: `${label} phải từ hôm nay (${formatVnDate(opts.today ?? '')}) trở đi.`,
        });
    case 'select':
    case 'radio': {
      const values = (field.options ?? []).map((o) => o.value);
      return z.string().refine((v) => values.includes(v), {
        error: `Vui lòng chọn ${lc(label)} trong các lựa chọn có sẵn.`,
      });
    }
    case 'checkbox':
      return z.boolean({ error: `${label}: chỉ đánh dấu hoặc bỏ đánh dấu ô này.` });
    case 'number': {
      const n = z.coerce.number({ error: `${label} phải là số, ví dụ 3.` });
      const schema = n.refine(Number.isFinite, {
        error: `${label} phải là số, ví dụ 3.`,
        abort: true,
      });
      return schema
        .refine((v) => !field.integer || Number.isInteger(v), {
          error: `${label} phải là số nguyên, không có phần thập phân.`,
        })
        .refine((v) => field.min === undefined || v >= field.min, {
          error: `${label} không được nhỏ hơn ${field.min}.`,
        })
        .refine((v) => field.max === undefined || v <= field.max, {
          error: `${label} không được lớn hơn ${field.max}.`,
        });
    }
    case 'citizen_id':
      return text
        .transform((v) => v.replace(/[\s.-]/g, ''))
        .refine((v) => /^\d{12}$/.test(v), {
          error: `${label} gồm đúng 12 chữ số, in trên thẻ căn cước hoặc trong ứng dụng VNeID.`,
        });
    case 'phone':
      return text
        .transform((v) => v.replace(/[\s.()-]/g, '').replace(/^\+/, ''))
        .refine((v) => VN_PHONE.test(v), {
          error: `${label} chưa đúng: nhập số điện thoại Việt Nam 10 chữ số bắt đầu bằng 0, ví dụ 0912345678.`,
        })
        .transform((v) => (v.startsWith('84') ? `0${v.slice(2)}` : v));
    case 'email':
      return text
        .transform((v) => v.trim().toLowerCase())
        .pipe(z.email({ error: `${label} chưa đúng, ví dụ: nguyenvana@gmail.com.` }));
    case 'unit':
      return text
        .transform((v) => v.trim())
        .refine((v) => /^\d{5}$/.test(v) && (!opts.communeCodes || opts.communeCodes.has(v)), {
          error: `Vui lòng chọn ${lc(label)} trong danh sách xã, phường của tỉnh Đắk Lắk.`,
        });
  }
}

function requiredMessage(field: FormField): string {
  const label = lc(field.label.vi);
  switch (field.type) {
    case 'select':
    case 'radio':
    case 'unit':
      return `Vui lòng chọn ${label}.`;
    case 'checkbox':
      return `Vui lòng đánh dấu vào ô: ${label}.`;
    case 'group':
      return `Vui lòng thêm ít nhất ${field.minItems ?? 1} ${lc(field.itemLabel.vi)}.`;
    case 'date':
      return `Vui lòng nhập ${label}.`;
    default:
      return `Vui lòng nhập ${label}.`;
  }
}

type Sink = (path: (string | number)[], message: string) => void;

/** Validates one record of answers against a list of fields; returns the cleaned record. */
function validateRecord(
  fields: readonly FormField[],
  raw: unknown,
  opts: ValidatorOptions,
  base: (string | number)[],
  report: Sink,
): Answers {
  const out: Answers = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report(base, 'Dữ liệu biểu mẫu không hợp lệ; tải lại trang và điền lại.');
    return out;
  }
  const input = raw as Record<string, unknown>;
  const known = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) {
      report(
        [...base, key],
        `Trường “${key}” không có trong biểu mẫu này; tải lại trang để dùng biểu mẫu mới nhất.`,
      );
    }
  }
  for (const field of fields) {
    // Hidden fields are dropped, whatever they contain: the resident cannot see or correct them.
    if (!isVisible(field, out)) continue;
    const value = input[field.name];
    const path = [...base, field.name];
    const blank =
      isBlank(value) || (field.type === 'checkbox' && field.required && value === false);
    if (blank) {
      if (field.required) report(path, requiredMessage(field));
      continue;
    }
    if (field.type === 'group') {
      const items = validateGroup(field, value, opts, path, report);
      if (items) out[field.name] = items;
      continue;
    }
    const parsed = leafSchema(field, opts).safeParse(value);
    if (parsed.success) out[field.name] = parsed.data;
    else report(path, parsed.error.issues[0]?.message ?? requiredMessage(field));
  }
  return out;
}

function validateGroup(
  field: GroupField,
  value: unknown,
  opts: ValidatorOptions,
  path: (string | number)[],
  report: Sink,
): Answers[] | undefined {
  if (!Array.isArray(value)) {
    report(path, `${field.label.vi}: dữ liệu không hợp lệ; tải lại trang và điền lại.`);
    return undefined;
  }
  const item = lc(field.itemLabel.vi);
  if (field.minItems !== undefined && value.length < field.minItems) {
    report(path, `Vui lòng thêm ít nhất ${field.minItems} ${item}.`);
  }
  if (field.maxItems !== undefined && value.length > field.maxItems) {
    report(path, `Chỉ được khai tối đa ${field.maxItems} ${item}; hãy xóa bớt dòng thừa.`);
  }
  return value.map((v, i) => validateRecord(field.itemFields, v, opts, [...path, i], report));
}

/**
 * A zod schema for submitted answers: unknown fields refused, required-when-visible, hidden fields
 * dropped from the output, one Vietnamese message per problem on the field's path.
 */
export function buildValidator(schema: FormSchema, options: ValidatorOptions = {}) {
  const opts = { ...options, today: options.today ?? todayInVietnam() };
  return z.unknown().transform((raw, ctx) => {
    let failed = false;
    const value = validateRecord(schema.fields, raw, opts, [], (path, message) => {
      failed = true;
      ctx.addIssue({ code: 'custom', message, path, input: raw });
    });
    return failed ? z.NEVER : value;
  });
}

export function validateAnswers(
  schema: FormSchema,
  answers: unknown,
  options: ValidatorOptions = {},
): ValidationResult {
  const parsed = buildValidator(schema, options).safeParse(answers);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields: FieldProblem[] = parsed.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
  return { ok: false, fields };
}
