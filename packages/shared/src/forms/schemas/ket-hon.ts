import {
  commitmentField,
  doc,
  eq,
  L,
  leaf,
  opt,
  personName,
  requesterFields,
  requesterStepFields,
  residenceProofDoc,
} from '../common';
import type { FormSchema, LeafField } from '../types';

function party(prefix: 'bride' | 'groom', vi: string, en: string): LeafField[] {
  return [
    personName(`${prefix}Name`, L(`Họ, chữ đệm và tên ${vi}`, `${en}: full name`)),
    leaf('date', `${prefix}BirthDate`, L(`Ngày, tháng, năm sinh ${vi}`, `${en}: date of birth`), {
      notFuture: true,
    }),
    leaf('text', `${prefix}Ethnicity`, L(`Dân tộc ${vi}`, `${en}: ethnicity`), { maxLength: 50 }),
    leaf('text', `${prefix}Nationality`, L(`Quốc tịch ${vi}`, `${en}: nationality`), {
      maxLength: 50,
    }),
    leaf('address', `${prefix}Residence`, L(`Nơi cư trú ${vi}`, `${en}: residence`)),
    leaf('citizen_id', `${prefix}CitizenId`, L(`Số định danh cá nhân ${vi}`, `${en}: ID number`)),
    leaf(
      'radio',
      `${prefix}Previous`,
      L(`Tình trạng hôn nhân trước đây ${vi}`, `${en}: previous status`),
      {
        options: [
          opt('chua_ket_hon', 'Chưa kết hôn lần nào', 'Never married'),
          opt('da_ly_hon', 'Đã ly hôn', 'Divorced'),
          opt('vo_chong_da_chet', 'Vợ/chồng đã chết', 'Widowed'),
        ],
      },
    ),
    leaf(
      'text',
      `${prefix}DivorceInfo`,
      L(`Số, ngày bản án hoặc quyết định ly hôn ${vi}`, `${en}: divorce judgment`),
      {
        required: false,
        showIf: [eq(`${prefix}Previous`, 'da_ly_hon')],
      },
    ),
  ];
}

const partyStep = (prefix: string) =>
  [
    'Name',
    'BirthDate',
    'Ethnicity',
    'Nationality',
    'Residence',
    'CitizenId',
    'Previous',
    'DivorceInfo',
  ].map((s) => `${prefix}${s}`);

/**
 * Marriage registration between Vietnamese citizens (Civil Status Law Art. 17–18). "Tờ khai đăng
 * ký kết hôn" of Circular 04/2020/TT-BTP as amended by 04/2024/TT-BTP; both parties must appear
 * in person to sign the register, so the e-form only prepares the dossier.
 */
export const ketHonForm: FormSchema = {
  id: 'ket-hon',
  procedureCode: '1.000894',
  title: L('Đăng ký kết hôn', 'Marriage registration'),
  legalBasis:
    'Tờ khai đăng ký kết hôn – mẫu ban hành kèm Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP',
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    ...party('bride', 'bên nữ', 'Bride'),
    ...party('groom', 'bên nam', 'Groom'),
    leaf(
      'number',
      'copies',
      L('Số bản sao Trích lục kết hôn đề nghị cấp', 'Copies of the marriage extract'),
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
    { id: 'requester', title: L('Người nộp hồ sơ', 'Applicant'), fields: requesterStepFields },
    { id: 'bride', title: L('Bên nữ', 'Bride'), fields: partyStep('bride') },
    { id: 'groom', title: L('Bên nam', 'Groom'), fields: partyStep('groom') },
    {
      id: 'confirm',
      title: L('Bản sao và cam đoan', 'Copies and declaration'),
      fields: ['copies', 'commitment'],
    },
  ],
  documents: [
    // Divorce abroad that the civil-status database cannot show must be proven (record's notes).
    doc(
      'brideDivorce',
      L(
        'Bản án, quyết định ly hôn của bên nữ (nếu không tra cứu được)',
        "Bride's divorce judgment",
      ),
      {
        case: 'Giấy tờ phải xuất trình',
        required: false,
        showIf: [eq('bridePrevious', 'da_ly_hon')],
      },
    ),
    doc(
      'groomDivorce',
      L(
        'Bản án, quyết định ly hôn của bên nam (nếu không tra cứu được)',
        "Groom's divorce judgment",
      ),
      {
        case: 'Giấy tờ phải xuất trình',
        required: false,
        showIf: [eq('groomPrevious', 'da_ly_hon')],
      },
    ),
    residenceProofDoc(),
  ],
  review: [
    'brideName',
    'brideBirthDate',
    'brideResidence',
    'bridePrevious',
    'groomName',
    'groomBirthDate',
    'groomResidence',
    'groomPrevious',
    'copies',
  ],
};
