import {
  authorisationDoc,
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
  truthy,
} from '../common';
import type { FormSchema } from '../types';

/**
 * Certificate of marital status (Decree 123/2015 Art. 21–23). "Tờ khai cấp Giấy xác nhận tình trạng
 * hôn nhân" of Circular 04/2020/TT-BTP as amended by 04/2024/TT-BTP. For marriage use only one
 * copy is issued and the intended spouse is named; other uses state the purpose.
 */
export const xacNhanHonNhanForm: FormSchema = {
  id: 'xac-nhan-hon-nhan',
  procedureCode: '1.004873',
  title: L('Cấp Giấy xác nhận tình trạng hôn nhân', 'Certificate of marital status'),
  legalBasis:
    'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân – mẫu ban hành kèm Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP',
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    leaf('radio', 'acting', L('Bạn đề nghị cho', 'Requesting for'), {
      options: [
        opt('ban_than', 'Bản thân tôi', 'Myself'),
        opt('uy_quyen', 'Người ủy quyền cho tôi', 'Someone who authorised me'),
      ],
    }),
    personName('subjectName', L('Họ, chữ đệm và tên người được xác nhận', 'Person certified'), {
      showIf: [eq('acting', 'uy_quyen')],
    }),
    leaf(
      'citizen_id',
      'subjectCitizenId',
      L('Số định danh cá nhân của người được xác nhận', 'Their ID number'),
      {
        showIf: [eq('acting', 'uy_quyen')],
      },
    ),
    leaf('radio', 'maritalStatus', L('Tình trạng hôn nhân hiện nay', 'Current marital status'), {
      options: [
        opt('chua_ket_hon', 'Chưa đăng ký kết hôn với ai', 'Never married'),
        opt('dang_co_vo_chong', 'Đang có vợ/chồng', 'Married'),
        opt('da_ly_hon', 'Đã ly hôn, chưa kết hôn lại', 'Divorced'),
        opt('vo_chong_da_chet', 'Vợ/chồng đã chết, chưa kết hôn lại', 'Widowed'),
      ],
    }),
    personName('spouseName', L('Họ, chữ đệm và tên vợ/chồng hiện tại', 'Current spouse'), {
      showIf: [eq('maritalStatus', 'dang_co_vo_chong')],
    }),
    leaf(
      'textarea',
      'previousResidences',
      L('Các nơi đã thường trú trước đây (nếu có)', 'Previous permanent residences'),
      {
        required: false,
        maxLength: 1000,
      },
    ),
    leaf('radio', 'purpose', L('Mục đích sử dụng', 'Purpose'), {
      options: [
        opt('ket_hon', 'Để đăng ký kết hôn', 'To marry'),
        opt('khac', 'Mục đích khác', 'Other purpose'),
      ],
    }),
    personName('partnerName', L('Họ, chữ đệm và tên người dự định kết hôn', 'Intended spouse'), {
      showIf: [eq('purpose', 'ket_hon')],
    }),
    leaf(
      'date',
      'partnerBirthDate',
      L('Ngày sinh của người dự định kết hôn', "Intended spouse's date of birth"),
      {
        notFuture: true,
        showIf: [eq('purpose', 'ket_hon')],
      },
    ),
    leaf(
      'text',
      'partnerNationality',
      L('Quốc tịch của người dự định kết hôn', "Intended spouse's nationality"),
      {
        maxLength: 50,
        showIf: [eq('purpose', 'ket_hon')],
      },
    ),
    leaf(
      'text',
      'marriagePlace',
      L('Nơi dự định đăng ký kết hôn', 'Where the marriage will be registered'),
      {
        showIf: [eq('purpose', 'ket_hon')],
      },
    ),
    leaf('text', 'otherPurpose', L('Ghi rõ mục đích sử dụng', 'State the purpose'), {
      showIf: [eq('purpose', 'khac')],
      minLength: 5,
    }),
    leaf('number', 'copies', L('Số bản đề nghị cấp', 'Copies requested'), {
      showIf: [eq('purpose', 'khac')],
      integer: true,
      min: 1,
      max: 10,
    }),
    leaf(
      'checkbox',
      'reissue',
      L(
        'Tôi đã được cấp Giấy xác nhận trước đây và nộp lại giấy đó',
        'I return a previous certificate',
      ),
      {
        required: false,
      },
    ),
    commitmentField(),
  ],
  steps: [
    {
      id: 'requester',
      title: L('Người yêu cầu', 'Requester'),
      fields: [...requesterStepFields, 'acting', 'subjectName', 'subjectCitizenId'],
    },
    {
      id: 'status',
      title: L('Tình trạng hôn nhân', 'Marital status'),
      fields: ['maritalStatus', 'spouseName', 'previousResidences'],
    },
    {
      id: 'purpose',
      title: L('Mục đích sử dụng', 'Purpose'),
      fields: [
        'purpose',
        'partnerName',
        'partnerBirthDate',
        'partnerNationality',
        'marriagePlace',
        'otherPurpose',
        'copies',
      ],
    },
    { id: 'confirm', title: L('Cam đoan', 'Declaration'), fields: ['reissue', 'commitment'] },
  ],
  documents: [
    doc(
      'previousCertificate',
      L('Giấy xác nhận tình trạng hôn nhân đã được cấp trước đó', 'Previous certificate'),
      {
        case: 'Giấy tờ phải nộp',
        showIf: [truthy('reissue')],
      },
    ),
    authorisationDoc([eq('acting', 'uy_quyen')]),
    residenceProofDoc(),
  ],
  review: [
    'requesterName',
    'acting',
    'subjectName',
    'maritalStatus',
    'spouseName',
    'purpose',
    'partnerName',
    'otherPurpose',
    'copies',
  ],
};
