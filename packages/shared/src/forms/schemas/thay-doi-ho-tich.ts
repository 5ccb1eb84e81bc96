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
} from '../common';
import type { FormSchema } from '../types';

/**
 * Change, correction or completion of civil-status details, re-determination of ethnicity (Civil
 * Status Law Art. 26–29; Decree 123/2015 Art. 28). "Tờ khai đăng ký thay đổi, cải chính, bổ sung
 * thông tin hộ tịch, xác định lại dân tộc" – Circular 04/2020/TT-BTP as amended by 04/2024/TT-BTP.
 */
export const thayDoiHoTichForm: FormSchema = {
  id: 'thay-doi-ho-tich',
  procedureCode: '1.004859',
  title: L(
    'Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
    'Change or correction of civil-status details',
  ),
  legalBasis:
    'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc – mẫu ban hành kèm Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP',
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    leaf(
      'radio',
      'relationship',
      L('Quan hệ với người được thay đổi thông tin', 'Relationship to the person'),
      {
        options: [
          opt('ban_than', 'Chính tôi', 'Myself'),
          opt('cha_me', 'Cha, mẹ hoặc người giám hộ (người chưa thành niên)', 'Parent or guardian'),
          opt('uy_quyen', 'Người được ủy quyền', 'Authorised agent'),
        ],
      },
    ),
    personName(
      'subjectName',
      L('Họ, chữ đệm và tên người được thay đổi thông tin', 'Person concerned'),
      {
        showIf: [{ field: 'relationship', in: ['cha_me', 'uy_quyen'] }],
      },
    ),
    leaf(
      'date',
      'subjectBirthDate',
      L('Ngày, tháng, năm sinh của người đó', 'Their date of birth'),
      {
        notFuture: true,
        showIf: [{ field: 'relationship', in: ['cha_me', 'uy_quyen'] }],
      },
    ),
    leaf('radio', 'requestType', L('Nội dung đề nghị', 'Request'), {
      options: [
        opt('thay_doi', 'Thay đổi thông tin hộ tịch (họ, chữ đệm, tên)', 'Change of name'),
        opt('cai_chinh', 'Cải chính thông tin hộ tịch bị sai', 'Correction'),
        opt('bo_sung', 'Bổ sung thông tin hộ tịch còn thiếu', 'Completion'),
        opt('dan_toc', 'Xác định lại dân tộc', 'Re-determination of ethnicity'),
      ],
    }),
    leaf('select', 'recordType', L('Giấy tờ hộ tịch cần sửa', 'Record to amend'), {
      options: [
        opt('khai_sinh', 'Giấy khai sinh', 'Birth certificate'),
        opt('ket_hon', 'Giấy chứng nhận kết hôn', 'Marriage certificate'),
        opt('khai_tu', 'Trích lục khai tử', 'Death extract'),
        opt('khac', 'Giấy tờ hộ tịch khác', 'Other'),
      ],
    }),
    leaf('text', 'registrationNumber', L('Số đăng ký (nếu biết)', 'Registration number'), {
      required: false,
      maxLength: 50,
    }),
    leaf('text', 'registrationAuthority', L('Cơ quan đã đăng ký', 'Registering authority')),
    leaf('textarea', 'currentContent', L('Thông tin hiện ghi trong giấy tờ', 'Current entry'), {
      showIf: [{ field: 'requestType', in: ['thay_doi', 'cai_chinh', 'dan_toc'] }],
      maxLength: 1000,
    }),
    leaf('textarea', 'requestedContent', L('Thông tin đề nghị ghi', 'Requested entry'), {
      maxLength: 1000,
    }),
    leaf('textarea', 'reason', L('Lý do', 'Reason'), { minLength: 10, maxLength: 2000 }),
    commitmentField(),
  ],
  steps: [
    {
      id: 'requester',
      title: L('Người yêu cầu', 'Requester'),
      fields: [...requesterStepFields, 'relationship', 'subjectName', 'subjectBirthDate'],
    },
    {
      id: 'record',
      title: L('Giấy tờ hộ tịch', 'The record'),
      fields: ['requestType', 'recordType', 'registrationNumber', 'registrationAuthority'],
    },
    {
      id: 'change',
      title: L('Nội dung thay đổi', 'The change'),
      fields: ['currentContent', 'requestedContent', 'reason', 'commitment'],
    },
  ],
  documents: [
    doc(
      'basis',
      L(
        'Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung thông tin hộ tịch',
        'Documents supporting the change',
      ),
      {
        case: 'Giấy tờ phải nộp',
      },
    ),
    authorisationDoc([eq('relationship', 'uy_quyen')]),
    residenceProofDoc(),
  ],
  review: [
    'requesterName',
    'relationship',
    'subjectName',
    'requestType',
    'recordType',
    'currentContent',
    'requestedContent',
    'reason',
  ],
};
