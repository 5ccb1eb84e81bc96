import type {
  Condition,
  FieldOption,
  FormDocument,
  FormField,
  GroupField,
  LeafField,
  Localized,
} from './types';

/** Small builders so that each hand-written schema reads like the official tờ khai. */

export const L = (vi: string, en: string): Localized => ({ vi, en });

type LeafOpts = Omit<LeafField, 'name' | 'label' | 'type' | 'required'> & { required?: boolean };

export function leaf(
  type: LeafField['type'],
  name: string,
  label: Localized,
  opts: LeafOpts = {},
): LeafField {
  return { name, label, type, required: opts.required ?? true, ...opts };
}

export function group(
  name: string,
  label: Localized,
  itemLabel: Localized,
  itemFields: LeafField[],
  opts: Partial<Pick<GroupField, 'minItems' | 'maxItems' | 'showIf' | 'help' | 'required'>> = {},
): GroupField {
  return { name, label, type: 'group', itemLabel, itemFields, required: true, ...opts };
}

export const opt = (value: string, vi: string, en: string): FieldOption => ({
  value,
  label: L(vi, en),
});

export const eq = (field: string, equals: string | boolean): Condition => ({ field, equals });
export const oneOf = (field: string, values: string[]): Condition => ({ field, in: values });
export const truthy = (field: string): Condition => ({ field, truthy: true });

export const genderOptions = [opt('nam', 'Nam', 'Male'), opt('nu', 'Nữ', 'Female')];

/** Names are letters (any script with diacritics), spaces, apostrophes and hyphens. */
export const personNamePattern = {
  regex: "[\\p{L}][\\p{L}\\p{M} '\\-]*",
  messageVi:
    'Họ, chữ đệm và tên chỉ gồm chữ cái (có dấu), không có số hay ký hiệu; ví dụ: Nguyễn Thị Hoa.',
  messageEn: 'Names contain letters only, e.g. Nguyễn Thị Hoa.',
};

export const yearPattern = {
  regex: '(19|20)\\d{2}',
  messageVi: 'Năm sinh gồm 4 chữ số, ví dụ 1990.',
  messageEn: 'A four-digit year, e.g. 1990.',
};

export function personName(name: string, label: Localized, opts: LeafOpts = {}): LeafField {
  return leaf('text', name, label, {
    minLength: 2,
    maxLength: 100,
    pattern: personNamePattern,
    ...opts,
  });
}

/** The requester block every tờ khai opens with, prefilled from VNeID. */
export function requesterFields(): LeafField[] {
  return [
    personName('requesterName', L('Họ, chữ đệm và tên người yêu cầu', 'Requester full name'), {
      prefill: 'fullName',
    }),
    leaf('date', 'requesterBirthDate', L('Ngày, tháng, năm sinh', 'Date of birth'), {
      notFuture: true,
      prefill: 'birthDate',
    }),
    leaf('citizen_id', 'requesterCitizenId', L('Số định danh cá nhân', 'Personal ID number'), {
      prefill: 'citizenId',
      help: L('12 chữ số trên thẻ căn cước', '12 digits on the ID card'),
    }),
    leaf('address', 'requesterAddress', L('Nơi cư trú', 'Place of residence'), {
      prefill: 'address',
    }),
    leaf('unit', 'requesterCommune', L('Xã, phường nơi cư trú', 'Commune of residence'), {
      prefill: 'communeCode',
      required: false,
    }),
    leaf('phone', 'requesterPhone', L('Số điện thoại liên hệ', 'Contact phone'), {
      prefill: 'phone',
    }),
    leaf('email', 'requesterEmail', L('Thư điện tử', 'E-mail'), {
      prefill: 'email',
      required: false,
    }),
  ];
}

export const requesterStepFields = [
  'requesterName',
  'requesterBirthDate',
  'requesterCitizenId',
  'requesterAddress',
  'requesterCommune',
  'requesterPhone',
  'requesterEmail',
];

/** The closing commitment printed on the civil-status and residence declarations. */
export function commitmentField(): LeafField {
  return leaf(
    'checkbox',
    'commitment',
    L(
      'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình',
      'I declare that the above is true and accept legal responsibility for it',
    ),
  );
}

type DocOpts = Partial<Omit<FormDocument, 'id' | 'name'>>;

export function doc(id: string, name: Localized, opts: DocOpts = {}): FormDocument {
  return { id, name, originals: 1, copies: 0, required: true, ...opts };
}

/** Power of attorney: certified unless the agent is a close relative (Civil Status Decree 123/2015 Art. 2). */
export function authorisationDoc(showIf: Condition[]): FormDocument {
  return doc(
    'authorisation',
    L(
      'Văn bản ủy quyền (được chứng thực; không cần chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột)',
      'Power of attorney (certified unless given to a close relative)',
    ),
    { case: 'Giấy tờ phải nộp', showIf },
  );
}

/** Residence proof is only needed when the registry cannot read it from the population database. */
export function residenceProofDoc(): FormDocument {
  return doc(
    'residenceProof',
    L(
      'Giấy tờ chứng minh nơi cư trú (chỉ khi cơ quan đăng ký không khai thác được từ Cơ sở dữ liệu quốc gia về dân cư)',
      'Proof of residence (only if it cannot be read from the population database)',
    ),
    { case: 'Giấy tờ phải xuất trình', required: false },
  );
}

export type { FormField };
