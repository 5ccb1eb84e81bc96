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
  yearPattern,
} from '../common';
import type { FormSchema } from '../types';

const relationships = [
  opt('cha', 'Cha', 'Father'),
  opt('me', 'Mẹ', 'Mother'),
  opt('ong_ba', 'Ông, bà', 'Grandparent'),
  opt('nguoi_than', 'Người thân thích khác', 'Other relative'),
  opt('uy_quyen', 'Người được cha, mẹ ủy quyền', 'Agent authorised by a parent'),
];

/**
 * Birth registration (Civil Status Law 60/2014 Art. 16; Decree 123/2015 Art. 9). The form is the
 * "Tờ khai đăng ký khai sinh" issued with Circular 04/2020/TT-BTP as amended by Circular
 * 04/2024/TT-BTP (the record cites both); a 2025 successor template was not in the record, so the
 * fields follow the 2024 template.
 */
export const khaiSinhForm: FormSchema = {
  id: 'khai-sinh',
  procedureCode: '1.001193',
  title: L('Đăng ký khai sinh', 'Birth registration'),
  legalBasis:
    'Tờ khai đăng ký khai sinh – mẫu ban hành kèm Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP',
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    leaf(
      'radio',
      'relationship',
      L('Quan hệ với người được khai sinh', 'Relationship to the child'),
      {
        options: relationships,
        help: L(
          'Ông, bà, người thân thích đi đăng ký không cần văn bản ủy quyền nhưng phải thống nhất với cha, mẹ trẻ',
          'Grandparents and relatives need no power of attorney but must agree with the parents',
        ),
      },
    ),
    personName('childName', L('Họ, chữ đệm và tên của trẻ', "Child's full name")),
    leaf('radio', 'childGender', L('Giới tính của trẻ', "Child's sex"), { options: genderOptions }),
    leaf('date', 'childBirthDate', L('Ngày, tháng, năm sinh của trẻ', "Child's date of birth"), {
      notFuture: true,
    }),
    leaf('text', 'childBirthPlace', L('Nơi sinh', 'Place of birth'), {
      minLength: 3,
      help: L(
        'Tên cơ sở y tế, hoặc địa chỉ nơi sinh nếu sinh ngoài cơ sở y tế',
        'Hospital, or address',
      ),
    }),
    leaf('text', 'childEthnicity', L('Dân tộc của trẻ', "Child's ethnicity"), { maxLength: 50 }),
    leaf('text', 'childNationality', L('Quốc tịch của trẻ', "Child's nationality"), {
      maxLength: 50,
    }),
    leaf('text', 'childHometown', L('Quê quán của trẻ', "Child's home town"), {
      help: L(
        'Theo quê quán của cha hoặc mẹ, theo thỏa thuận',
        "The father's or mother's, as agreed",
      ),
    }),
    personName('motherName', L('Họ, chữ đệm và tên người mẹ', "Mother's full name")),
    leaf('text', 'motherBirthYear', L('Năm sinh của mẹ', "Mother's year of birth"), {
      pattern: yearPattern,
    }),
    leaf('text', 'motherEthnicity', L('Dân tộc của mẹ', "Mother's ethnicity"), { maxLength: 50 }),
    leaf('text', 'motherNationality', L('Quốc tịch của mẹ', "Mother's nationality"), {
      maxLength: 50,
    }),
    leaf('address', 'motherResidence', L('Nơi cư trú của mẹ', "Mother's residence")),
    leaf('citizen_id', 'motherCitizenId', L('Số định danh cá nhân của mẹ', "Mother's ID number"), {
      required: false,
    }),
    leaf('radio', 'fatherKnown', L('Thông tin người cha', "Father's details"), {
      options: [
        opt('co', 'Khai thông tin người cha', 'Declare the father'),
        opt('chua_xac_dinh', 'Chưa xác định được người cha', 'Father not determined'),
      ],
      help: L(
        'Nếu chưa xác định được cha, phần khai về cha để trống (Nghị định 123/2015/NĐ-CP Điều 15)',
        'If the father is not determined, his part stays blank',
      ),
    }),
    personName('fatherName', L('Họ, chữ đệm và tên người cha', "Father's full name"), {
      showIf: [eq('fatherKnown', 'co')],
    }),
    leaf('text', 'fatherBirthYear', L('Năm sinh của cha', "Father's year of birth"), {
      pattern: yearPattern,
      showIf: [eq('fatherKnown', 'co')],
    }),
    leaf('text', 'fatherEthnicity', L('Dân tộc của cha', "Father's ethnicity"), {
      maxLength: 50,
      showIf: [eq('fatherKnown', 'co')],
    }),
    leaf('text', 'fatherNationality', L('Quốc tịch của cha', "Father's nationality"), {
      maxLength: 50,
      showIf: [eq('fatherKnown', 'co')],
    }),
    leaf('address', 'fatherResidence', L('Nơi cư trú của cha', "Father's residence"), {
      showIf: [eq('fatherKnown', 'co')],
    }),
    leaf('citizen_id', 'fatherCitizenId', L('Số định danh cá nhân của cha', "Father's ID number"), {
      required: false,
      showIf: [eq('fatherKnown', 'co')],
    }),
    leaf('radio', 'parentsMarried', L('Cha, mẹ đã đăng ký kết hôn?', 'Are the parents married?'), {
      options: [
        opt('co', 'Đã đăng ký kết hôn', 'Married'),
        opt('khong', 'Chưa đăng ký kết hôn', 'Not married'),
      ],
      showIf: [eq('fatherKnown', 'co')],
    }),
    leaf('radio', 'birthProof', L('Giấy tờ chứng minh việc sinh', 'Proof of birth'), {
      options: [
        opt('giay_chung_sinh', 'Giấy chứng sinh', 'Birth notification from the hospital'),
        opt('nguoi_lam_chung', 'Văn bản của người làm chứng', 'Statement of a witness'),
        opt(
          'cam_doan',
          'Giấy cam đoan về việc sinh (không có người làm chứng)',
          'Written commitment',
        ),
      ],
    }),
    personName('witnessName', L('Họ, chữ đệm và tên người làm chứng', "Witness's full name"), {
      showIf: [eq('birthProof', 'nguoi_lam_chung')],
    }),
    leaf('radio', 'specialCase', L('Trường hợp đặc biệt', 'Special case'), {
      required: false,
      options: [
        opt('khong', 'Không', 'None'),
        opt('bo_roi', 'Trẻ em bị bỏ rơi', 'Abandoned child'),
        opt('mang_thai_ho', 'Trẻ sinh ra do mang thai hộ', 'Born through surrogacy'),
      ],
    }),
    leaf(
      'number',
      'copies',
      L('Số bản sao Giấy khai sinh đề nghị cấp', 'Copies of the birth certificate'),
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
      fields: [...requesterStepFields, 'relationship'],
    },
    {
      id: 'child',
      title: L('Thông tin của trẻ', 'The child'),
      fields: [
        'childName',
        'childGender',
        'childBirthDate',
        'childBirthPlace',
        'childEthnicity',
        'childNationality',
        'childHometown',
      ],
    },
    {
      id: 'mother',
      title: L('Thông tin người mẹ', 'The mother'),
      fields: [
        'motherName',
        'motherBirthYear',
        'motherEthnicity',
        'motherNationality',
        'motherResidence',
        'motherCitizenId',
      ],
    },
    {
      id: 'father',
      title: L('Thông tin người cha', 'The father'),
      fields: [
        'fatherKnown',
        'fatherName',
        'fatherBirthYear',
        'fatherEthnicity',
        'fatherNationality',
        'fatherResidence',
        'fatherCitizenId',
        'parentsMarried',
      ],
    },
    {
      id: 'proof',
      title: L('Giấy tờ chứng minh việc sinh', 'Proof of birth'),
      fields: ['birthProof', 'witnessName', 'specialCase'],
    },
    {
      id: 'confirm',
      title: L('Bản sao và cam đoan', 'Copies and declaration'),
      fields: ['copies', 'commitment'],
    },
  ],
  documents: [
    doc('birthNotice', L('Giấy chứng sinh', 'Birth notification'), {
      case: 'Giấy tờ phải nộp',
      showIf: [eq('birthProof', 'giay_chung_sinh')],
    }),
    doc(
      'witnessStatement',
      L('Văn bản của người làm chứng xác nhận về việc sinh', "Witness's statement"),
      {
        case: 'Giấy tờ phải nộp',
        showIf: [eq('birthProof', 'nguoi_lam_chung')],
      },
    ),
    doc('birthCommitment', L('Giấy cam đoan về việc sinh', 'Written commitment about the birth'), {
      case: 'Giấy tờ phải nộp',
      showIf: [eq('birthProof', 'cam_doan')],
    }),
    doc(
      'marriageCertificate',
      L('Giấy chứng nhận kết hôn của cha, mẹ', "Parents' marriage certificate"),
      {
        case: 'Giấy tờ phải xuất trình',
        showIf: [eq('parentsMarried', 'co')],
      },
    ),
    doc(
      'abandonmentRecord',
      L('Biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập', 'Record of abandonment'),
      {
        case: 'Giấy tờ phải nộp',
        showIf: [eq('specialCase', 'bo_roi')],
      },
    ),
    doc(
      'surrogacyConfirmation',
      L(
        'Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ',
        "Clinic's confirmation of the surrogacy",
      ),
      { case: 'Giấy tờ phải nộp', showIf: [eq('specialCase', 'mang_thai_ho')] },
    ),
    authorisationDoc([eq('relationship', 'uy_quyen')]),
    residenceProofDoc(),
  ],
  review: [
    'requesterName',
    'requesterCitizenId',
    'relationship',
    'childName',
    'childGender',
    'childBirthDate',
    'childBirthPlace',
    'childEthnicity',
    'childNationality',
    'childHometown',
    'motherName',
    'motherBirthYear',
    'fatherKnown',
    'fatherName',
    'fatherBirthYear',
    'parentsMarried',
    'birthProof',
    'copies',
  ],
};
