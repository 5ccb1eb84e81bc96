import {
  authorisationDoc,
  commitmentField,
  doc,
  eq,
  genderOptions,
  L,
  leaf,
  opt,
  personName,
  requesterFields,
  requesterStepFields,
  residenceProofDoc,
} from '../common';
import type { FormSchema } from '../types';

/**
 * Death registration (Civil Status Law Art. 33–34; Decree 123/2015 Art. 4). "Tờ khai đăng ký khai
 * tử" of Circular 04/2020/TT-BTP as amended by Circular 04/2024/TT-BTP (cited by the record).
 */
export const khaiTuForm: FormSchema = {
  id: 'khai-tu',
  procedureCode: '1.000656',
  title: L('Đăng ký khai tử', 'Death registration'),
  legalBasis:
    'Tờ khai đăng ký khai tử – mẫu ban hành kèm Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP',
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    leaf('radio', 'relationship', L('Quan hệ với người đã chết', 'Relationship to the deceased'), {
      options: [
        opt('vo_chong', 'Vợ, chồng', 'Spouse'),
        opt('con', 'Con', 'Child'),
        opt('cha_me', 'Cha, mẹ', 'Parent'),
        opt('nguoi_than', 'Người thân thích khác', 'Other relative'),
        opt('uy_quyen', 'Người được ủy quyền', 'Authorised agent'),
        opt('co_quan', 'Đại diện cơ quan, tổ chức, cá nhân liên quan', 'Representative of a body'),
      ],
    }),
    leaf('text', 'organisationName', L('Tên cơ quan, tổ chức', 'Body or organisation'), {
      minLength: 3,
      showIf: [eq('relationship', 'co_quan')],
    }),
    personName('deceasedName', L('Họ, chữ đệm và tên người đã chết', 'Full name of the deceased')),
    leaf('radio', 'deceasedGender', L('Giới tính', 'Sex'), { options: genderOptions }),
    leaf(
      'date',
      'deceasedBirthDate',
      L('Ngày, tháng, năm sinh của người đã chết', 'Date of birth'),
      {
        notFuture: true,
      },
    ),
    leaf('text', 'deceasedEthnicity', L('Dân tộc', 'Ethnicity'), { maxLength: 50 }),
    leaf('text', 'deceasedNationality', L('Quốc tịch', 'Nationality'), { maxLength: 50 }),
    leaf(
      'citizen_id',
      'deceasedCitizenId',
      L('Số định danh cá nhân của người đã chết', 'ID number'),
      {
        required: false,
      },
    ),
    leaf('address', 'deceasedLastResidence', L('Nơi cư trú cuối cùng', 'Last residence')),
    leaf('date', 'deathDate', L('Ngày chết', 'Date of death'), { notFuture: true }),
    leaf('text', 'deathTime', L('Giờ chết', 'Time of death'), {
      required: false,
      pattern: {
        regex: '([01]\\d|2[0-3]):[0-5]\\d',
        messageVi: 'Ghi giờ theo dạng giờ:phút, ví dụ 14:30.',
        messageEn: 'hh:mm',
      },
    }),
    leaf('text', 'deathPlace', L('Nơi chết', 'Place of death'), { minLength: 3 }),
    leaf('text', 'deathCause', L('Nguyên nhân chết', 'Cause of death'), { required: false }),
    leaf('radio', 'deathProof', L('Giấy tờ chứng minh việc chết', 'Proof of death'), {
      options: [
        opt(
          'giay_bao_tu',
          'Giấy báo tử hoặc giấy tờ thay Giấy báo tử',
          'Death notice or substitute',
        ),
        opt('chet_da_lau', 'Người chết đã lâu, không có Giấy báo tử', 'Death long ago, no notice'),
      ],
    }),
    leaf(
      'number',
      'copies',
      L('Số bản sao Trích lục khai tử đề nghị cấp', 'Copies of the death extract'),
      {
        required: false,
        integer: true,
        min: 0,
        max: 20,
      },
    ),
    commitmentField(),
  ],
  steps: [
    {
      id: 'requester',
      title: L('Người yêu cầu', 'Requester'),
      fields: [...requesterStepFields, 'relationship', 'organisationName'],
    },
    {
      id: 'deceased',
      title: L('Người đã chết', 'The deceased'),
      fields: [
        'deceasedName',
        'deceasedGender',
        'deceasedBirthDate',
        'deceasedEthnicity',
        'deceasedNationality',
        'deceasedCitizenId',
        'deceasedLastResidence',
      ],
    },
    {
      id: 'death',
      title: L('Thông tin về việc chết', 'The death'),
      fields: ['deathDate', 'deathTime', 'deathPlace', 'deathCause', 'deathProof'],
    },
    {
      id: 'confirm',
      title: L('Bản sao và cam đoan', 'Copies and declaration'),
      fields: ['copies', 'commitment'],
    },
  ],
  documents: [
    doc('deathNotice', L('Giấy báo tử hoặc giấy tờ thay Giấy báo tử', 'Death notice'), {
      case: 'Giấy tờ phải nộp',
      showIf: [eq('deathProof', 'giay_bao_tu')],
    }),
    doc(
      'deathEvidence',
      L(
        'Giấy tờ, tài liệu, chứng cứ do cơ quan có thẩm quyền cấp hoặc xác nhận chứng minh sự kiện chết',
        'Evidence of the death',
      ),
      { case: 'Giấy tờ phải nộp', showIf: [eq('deathProof', 'chet_da_lau')] },
    ),
    authorisationDoc([eq('relationship', 'uy_quyen')]),
    residenceProofDoc(),
  ],
  review: [
    'requesterName',
    'relationship',
    'deceasedName',
    'deceasedBirthDate',
    'deceasedLastResidence',
    'deathDate',
    'deathPlace',
    'deathCause',
    'deathProof',
    'copies',
  ],
};
