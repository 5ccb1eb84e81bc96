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
  truthy,
} from '../common';
import type { FormSchema } from '../types';
import { CT01 } from './residence-common';

/**
 * Extension of temporary residence (Residence Law Art. 28(3)): within 15 days before the registered
 * stay ends; CT01 states the owner's consent unless it is given in writing.
 */
export const giaHanTamTruForm: FormSchema = {
  id: 'gia-han-tam-tru',
  procedureCode: '1.002755',
  title: L('Gia hạn tạm trú', 'Extension of temporary residence'),
  legalBasis: CT01,
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    leaf('radio', 'mode', L('Hình thức gia hạn', 'How you apply'), {
      options: [
        opt('ca_nhan', 'Cá nhân', 'Individual'),
        opt('danh_sach', 'Theo danh sách', 'By list'),
        opt(
          'dong_quan',
          'Tại nơi đơn vị đóng quân (Công an, Quân đội)',
          'At a military or police unit',
        ),
      ],
    }),
    leaf('address', 'tempAddress', L('Địa chỉ đang tạm trú', 'Current temporary address')),
    leaf(
      'unit',
      'tempCommune',
      L('Xã, phường nơi đang tạm trú', 'Commune of the temporary address'),
    ),
    leaf('date', 'currentEnd', L('Thời hạn tạm trú hiện tại đến ngày', 'Current stay ends on'), {
      required: false,
    }),
    leaf('date', 'extendUntil', L('Đề nghị gia hạn đến ngày', 'Extend until'), {
      notPast: true,
      help: L('Mỗi lần gia hạn tối đa 02 năm', 'At most two years each time'),
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
    // A minor's declaration must carry a parent's or guardian's consent (record, Residence Law Art. 28).
    leaf(
      'checkbox',
      'isMinor',
      L('Người gia hạn là người chưa thành niên', 'The applicant is a minor'),
      { required: false },
    ),
    personName(
      'guardianName',
      L('Họ, chữ đệm và tên cha, mẹ hoặc người giám hộ đồng ý', 'Consenting parent or guardian'),
      {
        showIf: [truthy('isMinor')],
      },
    ),
    commitmentField(),
  ],
  steps: [
    {
      id: 'applicant',
      title: L('Người gia hạn', 'Applicant'),
      fields: [...requesterStepFields, 'mode'],
    },
    {
      id: 'stay',
      title: L('Nơi tạm trú và thời hạn', 'Address and period'),
      fields: ['tempAddress', 'tempCommune', 'currentEnd', 'extendUntil'],
    },
    {
      id: 'owner',
      title: L('Chủ sở hữu chỗ ở', 'Owner'),
      fields: ['ownerName', 'consentMode', 'isMinor', 'guardianName', 'commitment'],
    },
  ],
  documents: [
    doc(
      'writtenConsent',
      L('Văn bản đồng ý của chủ sở hữu chỗ ở hợp pháp', "Owner's written consent"),
      {
        case: 'Hồ sơ gia hạn tạm trú',
        showIf: [eq('consentMode', 'van_ban')],
      },
    ),
    doc(
      'listRequest',
      L(
        'Văn bản đề nghị gia hạn tạm trú kèm danh sách người gia hạn',
        'Request with the list of people',
      ),
      {
        case: 'Gia hạn tạm trú theo danh sách',
        showIf: [eq('mode', 'danh_sach')],
      },
    ),
    doc(
      'listDeclarations',
      L('Tờ khai thay đổi thông tin cư trú (CT01) của từng người', 'CT01 of each person'),
      {
        case: 'Gia hạn tạm trú theo danh sách',
        showIf: [eq('mode', 'danh_sach')],
      },
    ),
    doc(
      'unitLetter',
      L('Giấy giới thiệu của đơn vị quản lý trực tiếp', "Unit's letter of introduction"),
      {
        case: 'Gia hạn tạm trú tại nơi đơn vị đóng quân',
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
    'currentEnd',
    'extendUntil',
    'ownerName',
    'consentMode',
  ],
};
