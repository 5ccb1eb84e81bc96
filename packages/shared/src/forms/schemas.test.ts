import { describe, expect, it } from 'vitest';
import { checkFormSchema } from './check';
import { examples } from './examples.fixture';
import { listHandwrittenForms } from './registry';
import { FormSchema, type FormSchema as FormSchemaType } from './types';
import { isVisible, validateAnswers } from './validator';

const TODAY = '2026-03-10';
const forms = listHandwrittenForms();

function problemsOf(form: FormSchemaType, answers: unknown) {
  const r = validateAnswers(form, answers, { today: TODAY });
  if (r.ok) throw new Error(`expected ${form.id} to refuse the answers`);
  return r.fields;
}

describe('hand-written forms', () => {
  it('cover the fifteen commune procedures, one per code', () => {
    const codes = forms.map((f) => f.procedureCode);
    expect(new Set(codes).size).toBe(15);
    expect(codes).toContain('1.001193');
    expect(codes).toContain('1.012812');
  });

  describe.each(forms.map((f) => [f.id, f] as const))('%s', (id, form) => {
    const example = examples[id];

    it('is a well-formed, serialisable schema', () => {
      expect(FormSchema.safeParse(JSON.parse(JSON.stringify(form))).success).toBe(true);
      expect(checkFormSchema(form)).toEqual([]);
      for (const step of form.steps) expect(step.fields.length).toBeGreaterThan(0);
      for (const doc of form.documents.filter((d) => d.required)) {
        expect(doc.name.vi.trim().length).toBeGreaterThan(5);
      }
    });

    it('accepts a realistic filled example', () => {
      expect(example, `no example for ${id}`).toBeDefined();
      const r = validateAnswers(form, example, { today: TODAY });
      expect(r).toMatchObject({ ok: true });
    });

    it('refuses an 11-digit citizen ID next to the field', () => {
      const fields = problemsOf(form, { ...example, requesterCitizenId: '06619200123' });
      expect(fields).toEqual([
        {
          path: 'requesterCitizenId',
          message:
            'Số định danh cá nhân gồm đúng 12 chữ số, in trên thẻ căn cước hoặc trong ứng dụng VNeID.',
        },
      ]);
    });

    it('refuses a birth date in the future', () => {
      const fields = problemsOf(form, { ...example, requesterBirthDate: '2026-03-11' });
      expect(fields).toEqual([
        {
          path: 'requesterBirthDate',
          message:
            'Ngày, tháng, năm sinh không được sau ngày hôm nay (10/03/2026); kiểm tra lại ngày, tháng, năm.',
        },
      ]);
    });

    it('refuses a missing visible required field', () => {
      const { requesterName: _omit, ...rest } = example ?? {};
      expect(problemsOf(form, rest)).toEqual([
        { path: 'requesterName', message: 'Vui lòng nhập họ, chữ đệm và tên người yêu cầu.' },
      ]);
    });

    it('refuses an unknown field', () => {
      expect(problemsOf(form, { ...example, soHoKhau: '123' })).toEqual([
        {
          path: 'soHoKhau',
          message:
            'Trường “soHoKhau” không có trong biểu mẫu này; tải lại trang để dùng biểu mẫu mới nhất.',
        },
      ]);
    });

    it('ignores a conditionally hidden field, even with a bad value', () => {
      const hidden = form.fields.find((f) => f.showIf && !isVisible(f, example ?? {}));
      expect(hidden, `${id}: the example should hide at least one field`).toBeDefined();
      const name = hidden?.name ?? '';
      const r = validateAnswers(form, { ...example, [name]: { not: 'valid' } }, { today: TODAY });
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value).not.toHaveProperty(name);
    });
  });
});

describe('form-specific rules', () => {
  const byId = (id: string) => {
    const f = forms.find((x) => x.id === id);
    if (!f) throw new Error(id);
    return f;
  };

  it('khai sinh: the father is optional when unknown, and his details are then dropped', () => {
    const form = byId('khai-sinh');
    const { fatherName: _n, fatherBirthYear: _y, ...rest } = examples['khai-sinh'] ?? {};
    const refused = problemsOf(form, rest);
    expect(refused.map((f) => f.path)).toEqual(['fatherName', 'fatherBirthYear']);
    const r = validateAnswers(form, { ...rest, fatherKnown: 'chua_xac_dinh' }, { today: TODAY });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).not.toHaveProperty('fatherEthnicity');
      expect(r.value).not.toHaveProperty('parentsMarried');
      expect(r.value.requesterPhone).toBe('0912345678');
    }
  });

  it('khai sinh: a child born tomorrow is refused', () => {
    const fields = problemsOf(byId('khai-sinh'), {
      ...examples['khai-sinh'],
      childBirthDate: '2026-03-11',
    });
    expect(fields[0]?.path).toBe('childBirthDate');
    expect(fields[0]?.message).toContain('không được sau ngày hôm nay');
  });

  it('thường trú: a rented home needs the consent choice; a member row is checked field by field', () => {
    const form = byId('thuong-tru');
    const base = examples['thuong-tru'] ?? {};
    const fields = problemsOf(form, {
      ...base,
      residenceBasis: 'thue_muon',
      consentMode: undefined,
      members: [
        {
          name: 'Lê Minh Khang',
          birthDate: '2019-02-30',
          gender: 'nam',
          relation: 'Con',
          extra: 1,
        },
      ],
    });
    expect(fields).toEqual([
      { path: 'consentMode', message: 'Vui lòng chọn ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở.' },
      { path: 'members.0.extra', message: expect.stringContaining('không có trong biểu mẫu') },
      { path: 'members.0.birthDate', message: expect.stringContaining('năm-tháng-ngày') },
    ]);
  });

  it('unit fields accept only the given communes when the list is known', () => {
    const form = byId('tam-tru');
    const communes = new Set(['24133', '24169']);
    const ok = validateAnswers(form, examples['tam-tru'], { today: TODAY, communeCodes: communes });
    expect(ok.ok).toBe(true);
    const bad = validateAnswers(
      form,
      { ...examples['tam-tru'], tempCommune: '26734' },
      { today: TODAY, communeCodes: communes },
    );
    expect(bad).toEqual({
      ok: false,
      fields: [
        {
          path: 'tempCommune',
          message:
            'Vui lòng chọn xã, phường nơi đăng ký tạm trú trong danh sách xã, phường của tỉnh Đắk Lắk.',
        },
      ],
    });
  });

  it('tạm trú: an end date in the past is refused', () => {
    const fields = problemsOf(byId('tam-tru'), { ...examples['tam-tru'], stayUntil: '2026-03-09' });
    expect(fields).toEqual([
      { path: 'stayUntil', message: 'Tạm trú đến ngày phải từ hôm nay (10/03/2026) trở đi.' },
    ]);
  });

  it('hộ kinh doanh: family founders need at least one member; the name must start with “Hộ kinh doanh”', () => {
    const fields = problemsOf(byId('ho-kinh-doanh'), {
      ...examples['ho-kinh-doanh'],
      founders: 'ho_gia_dinh',
      businessName: 'Cà phê Ban Mê',
      requesterPhone: '012345',
    });
    expect(fields.map((f) => f.path)).toEqual(['requesterPhone', 'businessName', 'familyMembers']);
    expect(fields[0]?.message).toContain('10 chữ số bắt đầu bằng 0');
    expect(fields[2]?.message).toBe('Vui lòng thêm ít nhất 1 thành viên.');
  });
});
