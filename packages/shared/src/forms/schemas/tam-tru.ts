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

const modeOptions = [
  opt('ca_nhan', 'Cá nhân (và người cùng hộ)', 'Individual'),
  opt('danh_sach', 'Theo danh sách (cơ quan, tổ chức đăng ký cho nhiều người)', 'By list'),
  opt('dong_quan', 'Tại nơi đơn vị đóng quân (Công an, Quân đội)', 'At a military or police unit'),
];

/**
 * Temporary residence registration (Residence Law Art. 27–28): at most 2 years, renewable. A minor's
 * declaration carries a parent's or guardian's consent; the home owner's consent is stated in CT01.
 */
export const tamTruForm: FormSchema = {
  id: 'tam-tru',
  procedureCode: '1.004194',
  title: L('Đăng ký tạm trú', 'Temporary residence registration'),
  legalBasis: CT01,
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    applicantGender(),
    leaf('radio', 'mode', L('Hình thức đăng ký', 'How you register'), { options: modeOptions }),
    leaf('address', 'tempAddress', L('Địa chỉ đăng ký tạm trú', 'Temporary address')),
    leaf(
      'unit',
      'tempCommune',
      L('Xã, phường nơi đăng ký tạm trú', 'Commune of the temporary address'),
    ),
    leaf('date', 'stayUntil', L('Tạm trú đến ngày', 'Stay until'), {
      notPast: true,
      help: L('Thời hạn tạm trú tối đa 02 năm (Điều 27 Luật Cư trú)', 'At most two years'),
    }),
    personName('ownerName', L('Họ, chữ đệm và tên chủ sở hữu chỗ ở', 'Owner of the home'), {
      showIf: [eq('mode', 'ca_nhan')],
    }),
    leaf('radio', 'consentMode', L('Ý kiến đồng ý của chủ sở hữu chỗ ở', "Owner's consent"), {
      options: [
        opt('chu_so_huu', 'Tôi là chủ sở hữu', 'I am the owner'),
        opt('vneid', 'Chủ sở hữu xác nhận trên ứng dụng VNeID', 'Confirmed in VNeID'),
        opt('van_ban', 'Có văn bản đồng ý', 'Written consent attached'),
      ],
      showIf: [eq('mode', 'ca_nhan')],
    }),
    movingMembers([eq('mode', 'ca_nhan')]),
    leaf('number', 'listCount', L('Số người trong danh sách', 'People on the list'), {
      integer: true,
      min: 2,
      max: 500,
      showIf: [eq('mode', 'danh_sach')],
    }),
    commitmentField(),
  ],
  steps: [
    {
      id: 'applicant',
      title: L('Người đăng ký', 'Applicant'),
      fields: [...requesterStepFields, 'requesterGender', 'mode'],
    },
    {
      id: 'address',
      title: L('Nơi tạm trú', 'Temporary address'),
      fields: ['tempAddress', 'tempCommune', 'stayUntil'],
    },
    {
      id: 'owner',
      title: L('Chỗ ở hợp pháp', 'The home'),
      fields: ['ownerName', 'consentMode', 'members', 'listCount', 'commitment'],
    },
  ],
  documents: [
    doc(
      'legalHomeProof',
      L(
        'Giấy tờ chứng minh chỗ ở hợp pháp (nếu chưa khai thác được trong Cơ sở dữ liệu)',
        'Proof of a lawful home',
      ),
      {
        case: 'Hồ sơ đăng ký tạm trú',
        required: false,
        showIf: [eq('mode', 'ca_nhan')],
      },
    ),
    doc(
      'writtenConsent',
      L('Văn bản đồng ý của chủ sở hữu chỗ ở hợp pháp', "Owner's written consent"),
      {
        case: 'Hồ sơ đăng ký tạm trú',
        showIf: [eq('consentMode', 'van_ban')],
      },
    ),
    doc(
      'listRequest',
      L(
        'Văn bản đề nghị đăng ký tạm trú kèm danh sách người tạm trú',
        'Request with the list of people',
      ),
      {
        case: 'Đăng ký tạm trú theo danh sách',
        copies: 1,
        showIf: [eq('mode', 'danh_sach')],
      },
    ),
    doc(
      'listDeclarations',
      L(
        'Tờ khai thay đổi thông tin cư trú (CT01) của từng người trong danh sách',
        'CT01 of each person',
      ),
      {
        case: 'Đăng ký tạm trú theo danh sách',
        showIf: [eq('mode', 'danh_sach')],
      },
    ),
    doc(
      'unitLetter',
      L(
        'Giấy giới thiệu của đơn vị (Quân đội: cấp trung đoàn trở lên; Công an: thủ trưởng đơn vị)',
        "Unit's letter of introduction",
      ),
      {
        case: 'Đăng ký tạm trú tại nơi đơn vị đóng quân',
        showIf: [eq('mode', 'dong_quan')],
      },
    ),
  ],
  review: [
    'requesterName',
    'requesterCitizenId',
    'mode',
    'tempAddress',
    'tempCommune',
    'stayUntil',
    'ownerName',
    'consentMode',
    'members',
    'listCount',
  ],
};
