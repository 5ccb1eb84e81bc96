import {
  authorisationDoc,
  eq,
  L,
  leaf,
  opt,
  personName,
  requesterFields,
  requesterStepFields,
} from '../common';
import type { FormSchema } from '../types';

/**
 * Copy of a civil-status extract or birth certificate (Civil Status Law Art. 64; Decree 123/2015
 * Art. 4). "Tờ khai cấp bản sao trích lục hộ tịch" of Circular 04/2020/TT-BTP (amended 04/2024).
 */
export const banSaoTrichLucForm: FormSchema = {
  id: 'ban-sao-trich-luc',
  procedureCode: '2.000635',
  title: L(
    'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
    'Copy of a civil-status extract',
  ),
  legalBasis:
    'Tờ khai cấp bản sao trích lục hộ tịch – mẫu ban hành kèm Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP',
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    leaf(
      'radio',
      'relationship',
      L('Quan hệ với người có thông tin hộ tịch', 'Relationship to the person'),
      {
        options: [
          opt('ban_than', 'Chính tôi', 'Myself'),
          opt('nguoi_than', 'Cha, mẹ, con, vợ, chồng, anh, chị, em ruột', 'Close relative'),
          opt('uy_quyen', 'Người được ủy quyền', 'Authorised agent'),
        ],
      },
    ),
    personName(
      'subjectName',
      L('Họ, chữ đệm và tên người được cấp bản sao', 'Person named in the record'),
      {
        showIf: [{ field: 'relationship', in: ['nguoi_than', 'uy_quyen'] }],
      },
    ),
    leaf(
      'date',
      'subjectBirthDate',
      L('Ngày, tháng, năm sinh của người đó', 'Their date of birth'),
      {
        notFuture: true,
        showIf: [{ field: 'relationship', in: ['nguoi_than', 'uy_quyen'] }],
      },
    ),
    leaf('select', 'recordType', L('Loại giấy tờ cần bản sao', 'Record'), {
      options: [
        opt('khai_sinh', 'Giấy khai sinh', 'Birth certificate'),
        opt('ket_hon', 'Giấy chứng nhận kết hôn', 'Marriage certificate'),
        opt('khai_tu', 'Trích lục khai tử', 'Death extract'),
        opt('nhan_cha_me_con', 'Trích lục nhận cha, mẹ, con', 'Parentage extract'),
        opt('thay_doi', 'Trích lục thay đổi, cải chính hộ tịch', 'Change extract'),
        opt('khac', 'Trích lục hộ tịch khác', 'Other extract'),
      ],
    }),
    leaf('text', 'registrationNumber', L('Số đăng ký (nếu biết)', 'Registration number'), {
      required: false,
      maxLength: 50,
    }),
    leaf('date', 'registrationDate', L('Ngày đăng ký (nếu biết)', 'Registration date'), {
      required: false,
      notFuture: true,
    }),
    leaf('text', 'registrationAuthority', L('Cơ quan đã đăng ký', 'Registering authority'), {
      help: L(
        'Ví dụ: UBND xã Ea Kao (trước 1/7/2025: UBND xã Ea Kao, TP Buôn Ma Thuột)',
        'e.g. the former commune',
      ),
    }),
    leaf('number', 'copies', L('Số bản sao đề nghị cấp', 'Copies requested'), {
      integer: true,
      min: 1,
      max: 20,
    }),
    leaf('text', 'purpose', L('Mục đích sử dụng', 'Purpose'), { required: false }),
  ],
  steps: [
    {
      id: 'requester',
      title: L('Người yêu cầu', 'Requester'),
      fields: [...requesterStepFields, 'relationship', 'subjectName', 'subjectBirthDate'],
    },
    {
      id: 'record',
      title: L('Giấy tờ cần bản sao', 'The record'),
      fields: [
        'recordType',
        'registrationNumber',
        'registrationDate',
        'registrationAuthority',
        'copies',
        'purpose',
      ],
    },
  ],
  documents: [authorisationDoc([eq('relationship', 'uy_quyen')])],
  review: [
    'requesterName',
    'relationship',
    'subjectName',
    'recordType',
    'registrationNumber',
    'registrationAuthority',
    'copies',
  ],
};
