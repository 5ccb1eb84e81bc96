import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkFormSchema } from './check';
import { genericFormFromProcedure, type ProcedureRecordLike } from './generic';
import { prefillAnswers } from './prefill';
import { formForProcedure, listHandwrittenForms } from './registry';
import { FormSchema } from './types';
import { isVisible, validateAnswers } from './validator';

const TODAY = '2026-03-10';

function load(file: string): ProcedureRecordLike[] {
  const url = new URL(`../../../../apps/api/seed-data/procedures/${file}`, import.meta.url);
  return JSON.parse(gunzipSync(readFileSync(url)).toString('utf8')).procedures;
}
const commune = load('tthc_commune_level.json.gz');
const province = load('tthc_province_level.json.gz');
const record = (list: ProcedureRecordLike[], code: string) => {
  const r = list.find((x) => x.code === code);
  if (!r) throw new Error(`no record ${code}`);
  return r;
};

const filledRequester = {
  requesterName: 'Trần Thị Mỹ Dung',
  requesterBirthDate: '1985-07-09',
  requesterCitizenId: '054185002468',
  requesterAddress: 'Thôn Phú Lộc, xã Hòa Xuân',
  requesterPhone: '0257 3821 456',
  requestContent: 'Đề nghị cấp lại giấy chứng nhận bị mất khi đi biển.',
  commitment: true,
};

describe('genericFormFromProcedure', () => {
  it('lets the resident pick one of several cases and requires only that case’s documents', () => {
    const form = genericFormFromProcedure(record(province, '1.003666'));
    const choice = form.fields.find((f) => f.name === 'documentCase');
    expect(choice?.options?.map((o) => o.value)).toEqual(['c1', 'c2', 'c3']);
    expect(choice?.options?.[2]?.label.vi).toBe(
      'c) Trường hợp cấp lại giấy chứng nhận nguồn gốc thủy sản khai thác',
    );
    expect(form.documents.map((d) => d.showIf?.[0])).toEqual([
      ...Array(4).fill({ field: 'documentCase', equals: 'c1' }),
      ...Array(2).fill({ field: 'documentCase', equals: 'c2' }),
      ...Array(2).fill({ field: 'documentCase', equals: 'c3' }),
    ]);
    const picked = { ...filledRequester, documentCase: 'c3' };
    expect(validateAnswers(form, picked, { today: TODAY }).ok).toBe(true);
    const due = form.documents.filter((d) => d.required && isVisible(d, picked));
    expect(due.map((d) => d.name.vi)).toEqual([
      expect.stringMatching(/^Giấy chứng nhận nguồn gốc thủy sản khai thác theo Mẫu số 02/),
      expect.stringMatching(/^Đơn đề nghị cấp lại Giấy chứng nhận nguồn gốc thủy sản/),
    ]);
    const missing = validateAnswers(form, filledRequester, { today: TODAY });
    expect(missing).toEqual({
      ok: false,
      fields: [{ path: 'documentCase', message: 'Vui lòng chọn trường hợp hồ sơ của bạn.' }],
    });
  });

  it('treats "phải nộp / phải xuất trình" as sections, skips notes, and keeps conditional papers optional', () => {
    const form = genericFormFromProcedure(record(commune, '1.001193'));
    expect(form.fields.some((f) => f.name.startsWith('documentCase'))).toBe(false);
    expect(form.documents).toHaveLength(7);
    const byStart = (s: string) => form.documents.find((d) => d.name.vi.startsWith(s));
    expect(byStart('Giấy chứng sinh')).toMatchObject({
      required: true,
      case: 'Giấy tờ phải nộp',
      originals: 1,
    });
    expect(byStart('Trường hợp trẻ em bị bỏ rơi')?.required).toBe(false);
    expect(byStart('Tờ khai đăng ký khai sinh')?.required).toBe(false);
    expect(byStart('Hộ chiếu/Thẻ căn cước')).toMatchObject({
      required: false,
      case: 'Giấy tờ phải xuất trình',
    });
    expect(form.documents.some((d) => /^Lưu ý/.test(d.case ?? ''))).toBe(false);
  });

  it('asks a yes/no question when the record has one conditional case beside the main dossier', () => {
    const form = genericFormFromProcedure(record(commune, '1.001612'));
    expect(form.fields.find((f) => f.name === 'documentCaseApplies')?.type).toBe('checkbox');
    const conditional = form.documents.filter((d) => d.showIf);
    expect(conditional.length).toBe(6);
    expect(
      form.documents.find((d) => d.name.vi === 'Giấy đề nghị đăng ký hộ kinh doanh')?.required,
    ).toBe(true);
    expect(form.legalBasis).toContain('Giấy đề nghị đăng ký hộ kinh doanh');
  });

  it('derives a well-formed form for every record of both catalogues', () => {
    for (const r of [...commune, ...province]) {
      const form = genericFormFromProcedure(r);
      expect(checkFormSchema(form), r.code).toEqual([]);
      expect(FormSchema.safeParse(form).success, r.code).toBe(true);
    }
  });
});

describe('formForProcedure', () => {
  it('prefers the hand-written form and falls back to the generic one', () => {
    expect(formForProcedure('1.001193', record(commune, '1.001193')).id).toBe('khai-sinh');
    expect(formForProcedure('1.003666', record(province, '1.003666')).origin).toBe('generic');
    for (const f of listHandwrittenForms()) {
      expect(
        commune.some((r) => r.code === f.procedureCode),
        f.procedureCode,
      ).toBe(true);
    }
  });
});

describe('prefillAnswers', () => {
  const resident = {
    fullName: 'Nguyễn Thị Hoa',
    citizenId: '066192001234',
    birthDate: '1992-04-15',
    gender: 'female',
    phone: '0912345678',
    email: null,
    address: 'Số 12 đường Y Jút, tổ dân phố 3',
    communeCode: '24133',
  };

  it("maps the resident's identity onto the fields that declare a source", () => {
    const form = listHandwrittenForms().find((f) => f.id === 'thuong-tru');
    if (!form) throw new Error('thuong-tru');
    expect(prefillAnswers(form, resident)).toEqual({
      requesterName: 'Nguyễn Thị Hoa',
      requesterBirthDate: '1992-04-15',
      requesterCitizenId: '066192001234',
      requesterAddress: 'Số 12 đường Y Jút, tổ dân phố 3',
      requesterCommune: '24133',
      requesterPhone: '0912345678',
      requesterGender: 'nu',
    });
  });

  it('leaves out values it cannot map', () => {
    const form = listHandwrittenForms().find((f) => f.id === 'thuong-tru');
    if (!form) throw new Error('thuong-tru');
    const out = prefillAnswers(form, { fullName: '  ', gender: 'other' });
    expect(out).toEqual({});
  });
});
