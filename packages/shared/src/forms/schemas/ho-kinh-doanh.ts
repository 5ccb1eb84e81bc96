import {
  commitmentField,
  doc,
  eq,
  genderOptions,
  group,
  L,
  leaf,
  opt,
  personName,
  requesterFields,
  requesterStepFields,
} from '../common';
import type { FormSchema } from '../types';

/**
 * Registration of a household business (Decree 168/2025/NĐ-CP Art. 87–89). "Giấy đề nghị đăng ký
 * hộ kinh doanh" is a template of Circular 68/2025/TT-BTC (cited by the record); the appendix number
 * is not in the record, so it is named by title only.
 */
export const hoKinhDoanhForm: FormSchema = {
  id: 'ho-kinh-doanh',
  procedureCode: '1.001612',
  title: L('Đăng ký thành lập hộ kinh doanh', 'Registration of a household business'),
  legalBasis: 'Giấy đề nghị đăng ký hộ kinh doanh – biểu mẫu ban hành kèm Thông tư 68/2025/TT-BTC',
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    leaf('radio', 'ownerGender', L('Giới tính chủ hộ kinh doanh', "Owner's sex"), {
      options: genderOptions,
      prefill: 'gender',
    }),
    leaf('text', 'ownerEthnicity', L('Dân tộc', 'Ethnicity'), { maxLength: 50 }),
    leaf('text', 'businessName', L('Tên hộ kinh doanh', 'Business name'), {
      minLength: 3,
      maxLength: 150,
      help: L(
        'Gồm cụm từ “Hộ kinh doanh” và tên riêng, ví dụ: Hộ kinh doanh Cà phê Ban Mê',
        'Starts with “Hộ kinh doanh”',
      ),
      pattern: {
        regex: '[Hh]ộ kinh doanh .+',
        messageVi:
          'Tên phải bắt đầu bằng “Hộ kinh doanh” rồi đến tên riêng, ví dụ: Hộ kinh doanh Cà phê Ban Mê.',
        messageEn: 'The name must start with “Hộ kinh doanh”.',
      },
    }),
    leaf('address', 'businessAddress', L('Địa chỉ trụ sở hộ kinh doanh', 'Business address')),
    leaf('unit', 'businessCommune', L('Xã, phường đặt trụ sở', 'Commune of the business')),
    leaf('textarea', 'businessLines', L('Ngành, nghề kinh doanh', 'Lines of business'), {
      minLength: 5,
      maxLength: 2000,
    }),
    leaf('number', 'capital', L('Vốn kinh doanh (đồng)', 'Capital (VND)'), {
      integer: true,
      min: 0,
      max: 1e13,
    }),
    leaf('number', 'employees', L('Số lao động dự kiến', 'Expected employees'), {
      integer: true,
      min: 0,
      max: 10000,
      required: false,
    }),
    leaf('radio', 'founders', L('Hộ kinh doanh do ai thành lập', 'Founded by'), {
      options: [
        opt('ca_nhan', 'Một cá nhân', 'One individual'),
        opt('ho_gia_dinh', 'Các thành viên hộ gia đình', 'Members of a household'),
      ],
    }),
    group(
      'familyMembers',
      L('Các thành viên hộ gia đình tham gia', 'Household members taking part'),
      L('Thành viên', 'Member'),
      [
        personName('name', L('Họ, chữ đệm và tên', 'Full name')),
        leaf('date', 'birthDate', L('Ngày sinh', 'Date of birth'), { notFuture: true }),
        leaf('citizen_id', 'citizenId', L('Số định danh cá nhân', 'ID number')),
      ],
      { minItems: 1, maxItems: 20, showIf: [eq('founders', 'ho_gia_dinh')] },
    ),
    leaf('radio', 'submittedBy', L('Người nộp hồ sơ', 'Who submits'), {
      options: [
        opt('chu_ho', 'Chủ hộ kinh doanh', 'The owner'),
        opt('ca_nhan', 'Cá nhân được ủy quyền', 'An authorised individual'),
        opt('to_chuc', 'Tổ chức làm dịch vụ được ủy quyền', 'An authorised service organisation'),
        opt('buu_chinh', 'Nhân viên bưu chính công ích', 'Public postal service'),
      ],
    }),
    commitmentField(),
  ],
  steps: [
    {
      id: 'owner',
      title: L('Chủ hộ kinh doanh', 'Owner'),
      fields: [...requesterStepFields, 'ownerGender', 'ownerEthnicity'],
    },
    {
      id: 'business',
      title: L('Thông tin hộ kinh doanh', 'The business'),
      fields: [
        'businessName',
        'businessAddress',
        'businessCommune',
        'businessLines',
        'capital',
        'employees',
      ],
    },
    {
      id: 'founders',
      title: L('Thành viên và người nộp', 'Members and submitter'),
      fields: ['founders', 'familyMembers', 'submittedBy', 'commitment'],
    },
  ],
  documents: [
    doc(
      'familyAuthorisation',
      L(
        'Bản sao văn bản ủy quyền của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh (công chứng hoặc chứng thực)',
        'Household authorisation (notarised copy)',
      ),
      {
        originals: 0,
        copies: 1,
        showIf: [eq('founders', 'ho_gia_dinh')],
      },
    ),
    doc(
      'individualAuthorisation',
      L(
        'Văn bản ủy quyền cho cá nhân thực hiện thủ tục (không bắt buộc công chứng)',
        'Power of attorney',
      ),
      {
        case: 'Trường hợp ủy quyền thực hiện thủ tục',
        originals: 0,
        copies: 1,
        showIf: [eq('submittedBy', 'ca_nhan')],
      },
    ),
    doc(
      'serviceContract',
      L(
        'Bản sao hợp đồng dịch vụ với tổ chức và giấy giới thiệu cá nhân trực tiếp thực hiện',
        'Service contract and letter',
      ),
      {
        case: 'Trường hợp ủy quyền thực hiện thủ tục',
        originals: 0,
        copies: 1,
        showIf: [eq('submittedBy', 'to_chuc')],
      },
    ),
    doc(
      'postalSlip',
      L('Bản sao phiếu gửi hồ sơ của bưu chính công ích', 'Public postal dispatch slip'),
      {
        case: 'Trường hợp ủy quyền thực hiện thủ tục',
        originals: 0,
        copies: 1,
        showIf: [eq('submittedBy', 'buu_chinh')],
      },
    ),
  ],
  review: [
    'requesterName',
    'businessName',
    'businessAddress',
    'businessCommune',
    'businessLines',
    'capital',
    'employees',
    'founders',
    'familyMembers',
    'submittedBy',
  ],
};
