import { doc, eq, L, leaf, opt, personName, requesterFields, requesterStepFields } from '../common';
import type { FormSchema } from '../types';

/**
 * Declaration of temporary absence (Residence Law Art. 31). The declaration content is fixed by
 * Art. 31(3): name, ID number, reason, period and destination. Cases a–b need the supervising
 * body's written consent; a minor's absence is declared by a parent or guardian (record).
 */
export const tamVangForm: FormSchema = {
  id: 'tam-vang',
  procedureCode: '1.003677',
  title: L('Khai báo tạm vắng', 'Declaration of temporary absence'),
  legalBasis:
    'Đề nghị khai báo tạm vắng – nội dung theo khoản 3 Điều 31 Luật Cư trú 2020 (Thông tư 55/2021/TT-BCA, sửa đổi bởi Thông tư 53/2025/TT-BCA)',
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    leaf('radio', 'forWhom', L('Người tạm vắng', 'Who is absent'), {
      options: [
        opt('ban_than', 'Chính tôi', 'Myself'),
        opt('con', 'Con hoặc người tôi giám hộ (chưa thành niên)', 'My child or ward'),
      ],
    }),
    personName('absenteeName', L('Họ, chữ đệm và tên người tạm vắng', 'Absent person'), {
      showIf: [eq('forWhom', 'con')],
    }),
    leaf(
      'citizen_id',
      'absenteeCitizenId',
      L('Số định danh cá nhân người tạm vắng', 'Their ID number'),
      { showIf: [eq('forWhom', 'con')] },
    ),
    leaf('radio', 'category', L('Trường hợp tạm vắng', 'Case'), {
      options: [
        opt(
          'a_b',
          'Bị can, bị cáo tại ngoại; người đang chấp hành án, biện pháp giáo dục, quản chế … (điểm a, b khoản 1 Điều 31)',
          'Under supervision (points a, b)',
        ),
        opt(
          'c',
          'Trong độ tuổi nghĩa vụ quân sự, đi khỏi nơi thường trú từ 3 tháng liên tục (điểm c)',
          'Of military-service age, away 3 months+',
        ),
        opt('d', 'Đi khỏi nơi thường trú từ 12 tháng liên tục (điểm d)', 'Away 12 months+'),
      ],
    }),
    leaf('textarea', 'reason', L('Lý do tạm vắng', 'Reason'), { minLength: 5, maxLength: 1000 }),
    leaf('date', 'fromDate', L('Tạm vắng từ ngày', 'From')),
    leaf('date', 'toDate', L('Đến ngày', 'Until'), { notPast: true }),
    leaf('address', 'destination', L('Địa chỉ nơi đến', 'Destination address')),
  ],
  steps: [
    {
      id: 'requester',
      title: L('Người khai báo', 'Declarant'),
      fields: [...requesterStepFields, 'forWhom', 'absenteeName', 'absenteeCitizenId'],
    },
    {
      id: 'absence',
      title: L('Nội dung tạm vắng', 'The absence'),
      fields: ['category', 'reason', 'fromDate', 'toDate', 'destination'],
    },
  ],
  documents: [
    doc(
      'supervisorConsent',
      L(
        'Văn bản đồng ý của cơ quan có thẩm quyền giám sát, quản lý, giáo dục người đó',
        "Supervising body's consent",
      ),
      {
        case: 'Trường hợp điểm a, điểm b khoản 1 Điều 31 Luật Cư trú',
        showIf: [eq('category', 'a_b')],
      },
    ),
  ],
  review: [
    'requesterName',
    'forWhom',
    'absenteeName',
    'category',
    'reason',
    'fromDate',
    'toDate',
    'destination',
  ],
};
