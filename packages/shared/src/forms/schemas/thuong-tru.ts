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
} from '../common';
import type { FormSchema } from '../types';
import { applicantGender, CT01, movingMembers } from './residence-common';

const basisOptions = [
  opt('so_huu', 'Chỗ ở hợp pháp thuộc quyền sở hữu của tôi', 'A home I own'),
  opt(
    'than_nhan',
    'Về ở với người thân (vợ, chồng, cha, mẹ, con …) – khoản 2 Điều 20 Luật Cư trú',
    'With a close relative',
  ),
  opt('thue_muon', 'Nhà thuê, mượn, ở nhờ', 'Rented, lent or shared home'),
  opt(
    'tro_giup',
    'Được chăm sóc, nuôi dưỡng, trợ giúp',
    'Cared for by a social-care facility or family',
  ),
  opt('ton_giao', 'Tại cơ sở tín ngưỡng, cơ sở tôn giáo', 'At a religious establishment'),
  opt('phuong_tien', 'Trên phương tiện dùng để ở (tàu, thuyền …)', 'On a vessel used as a home'),
  opt('dong_quan', 'Tại nơi đơn vị đóng quân (Công an, Quân đội)', 'At a military or police unit'),
];

const basisDoc = (basis: string) => ({
  case: 'Tài liệu chứng minh chỗ ở hợp pháp',
  showIf: [eq('residenceBasis', basis)],
});

/**
 * Permanent residence registration (Residence Law 68/2020 Art. 20–22). The legal basis of the home
 * decides the proof (Decree 154/2024 Art. 5); proof held in the population database or VNeID
 * need not be uploaded, so those uploads are optional.
 */
export const thuongTruForm: FormSchema = {
  id: 'thuong-tru',
  procedureCode: '1.004222',
  title: L('Đăng ký thường trú', 'Permanent residence registration'),
  legalBasis: CT01,
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    applicantGender(),
    leaf(
      'address',
      'newAddress',
      L('Địa chỉ đề nghị đăng ký thường trú', 'New permanent address'),
      {
        help: L('Số nhà, đường, thôn, buôn hoặc tổ dân phố', 'House number, street, village'),
      },
    ),
    leaf(
      'unit',
      'newCommune',
      L('Xã, phường nơi đăng ký thường trú', 'Commune of the new address'),
    ),
    leaf('radio', 'residenceBasis', L('Căn cứ chỗ ở hợp pháp', 'Legal basis of the home'), {
      options: basisOptions,
    }),
    leaf('radio', 'joinHousehold', L('Nhập vào hộ gia đình đã có', 'Join an existing household'), {
      options: [
        opt('co', 'Có, nhập vào hộ đã có', 'Yes'),
        opt('khong', 'Không, lập hộ mới', 'No, a new household'),
      ],
    }),
    personName('headName', L('Họ, chữ đệm và tên chủ hộ', 'Head of household'), {
      showIf: [eq('joinHousehold', 'co')],
    }),
    leaf('citizen_id', 'headCitizenId', L('Số định danh cá nhân của chủ hộ', "Head's ID number"), {
      showIf: [eq('joinHousehold', 'co')],
    }),
    leaf('text', 'relationToHead', L('Quan hệ với chủ hộ', 'Relationship to the head'), {
      maxLength: 50,
      showIf: [eq('joinHousehold', 'co')],
    }),
    leaf(
      'radio',
      'consentMode',
      L('Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở', "Owner's or head's consent"),
      {
        options: [
          opt('vneid', 'Chủ hộ/chủ sở hữu xác nhận trên ứng dụng VNeID', 'Confirmed in VNeID'),
          opt('van_ban', 'Có văn bản đồng ý', 'Written consent attached'),
        ],
        showIf: [{ field: 'residenceBasis', in: ['than_nhan', 'thue_muon', 'tro_giup'] }],
      },
    ),
    movingMembers(),
    leaf('textarea', 'note', L('Nội dung đề nghị khác', 'Other details'), {
      required: false,
      maxLength: 1000,
    }),
    commitmentField(),
  ],
  steps: [
    {
      id: 'applicant',
      title: L('Người đăng ký', 'Applicant'),
      fields: [...requesterStepFields, 'requesterGender'],
    },
    {
      id: 'address',
      title: L('Nơi đăng ký thường trú', 'New address'),
      fields: ['newAddress', 'newCommune', 'residenceBasis'],
    },
    {
      id: 'household',
      title: L('Hộ gia đình', 'Household'),
      fields: ['joinHousehold', 'headName', 'headCitizenId', 'relationToHead', 'consentMode'],
    },
    {
      id: 'members',
      title: L('Người cùng đăng ký', 'People moving with you'),
      fields: ['members', 'note', 'commitment'],
    },
  ],
  documents: [
    doc(
      'ownershipProof',
      L(
        'Giấy tờ chứng minh quyền sở hữu chỗ ở hợp pháp (nếu chưa có trong Cơ sở dữ liệu)',
        'Proof of ownership',
      ),
      {
        ...basisDoc('so_huu'),
        required: false,
      },
    ),
    doc(
      'kinshipProof',
      L(
        'Giấy tờ chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ (nếu chưa có trong Cơ sở dữ liệu)',
        'Proof of kinship',
      ),
      {
        ...basisDoc('than_nhan'),
        required: false,
      },
    ),
    doc(
      'leaseContract',
      L(
        'Hợp đồng, văn bản cho thuê, cho mượn, cho ở nhờ được công chứng hoặc chứng thực',
        'Notarised lease or loan contract',
      ),
      basisDoc('thue_muon'),
    ),
    doc(
      'careProof',
      L('Giấy tờ, tài liệu xác nhận về việc chăm sóc, nuôi dưỡng, trợ giúp', 'Proof of care'),
      basisDoc('tro_giup'),
    ),
    doc(
      'religiousProof',
      L(
        'Văn bản xác nhận của UBND cấp xã về cơ sở tín ngưỡng, tôn giáo có công trình phụ trợ là nhà ở và giấy tờ chứng minh là nhà tu hành, chức sắc',
        'Commune confirmation for a religious establishment',
      ),
      basisDoc('ton_giao'),
    ),
    doc(
      'vesselProof',
      L(
        'Giấy chứng nhận đăng ký phương tiện, an toàn kỹ thuật hoặc văn bản xác nhận của UBND cấp xã về phương tiện dùng để ở',
        'Vessel registration or commune confirmation',
      ),
      basisDoc('phuong_tien'),
    ),
    doc(
      'unitLetter',
      L(
        'Giấy giới thiệu của đơn vị (Quân đội: cấp trung đoàn trở lên; Công an: thủ trưởng đơn vị quản lý trực tiếp)',
        "Unit's letter of introduction",
      ),
      basisDoc('dong_quan'),
    ),
    doc(
      'writtenConsent',
      L(
        'Văn bản đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp',
        'Written consent of the owner or head',
      ),
      {
        case: 'Giấy tờ phải nộp',
        showIf: [eq('consentMode', 'van_ban')],
      },
    ),
  ],
  review: [
    'requesterName',
    'requesterCitizenId',
    'newAddress',
    'newCommune',
    'residenceBasis',
    'joinHousehold',
    'headName',
    'relationToHead',
    'consentMode',
    'members',
  ],
};
