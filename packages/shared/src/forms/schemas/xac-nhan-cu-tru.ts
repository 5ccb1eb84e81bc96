import { commitmentField, eq, L, leaf, opt, requesterFields, requesterStepFields } from '../common';
import type { FormSchema } from '../types';
import { CT01 } from './residence-common';

/** Confirmation of residence information (Residence Law Art. 17(2); Circular 55/2021 Art. 19). */
export const xacNhanCuTruForm: FormSchema = {
  id: 'xac-nhan-cu-tru',
  procedureCode: '1.010041',
  title: L('Xác nhận thông tin về cư trú', 'Confirmation of residence information'),
  legalBasis: CT01,
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    leaf('radio', 'content', L('Nội dung cần xác nhận', 'What to confirm'), {
      options: [
        opt('thuong_tru', 'Nơi thường trú hiện nay', 'Current permanent residence'),
        opt('tam_tru', 'Nơi tạm trú hiện nay', 'Current temporary residence'),
        opt('qua_trinh', 'Quá trình cư trú (các nơi đã cư trú)', 'Residence history'),
        opt('khac', 'Thông tin cư trú khác', 'Other residence information'),
      ],
    }),
    leaf('text', 'otherContent', L('Ghi rõ thông tin cần xác nhận', 'State what to confirm'), {
      minLength: 5,
      showIf: [eq('content', 'khac')],
    }),
    leaf('text', 'purpose', L('Mục đích sử dụng giấy xác nhận', 'Purpose'), { minLength: 3 }),
    commitmentField(),
  ],
  steps: [
    { id: 'requester', title: L('Người đề nghị', 'Requester'), fields: requesterStepFields },
    {
      id: 'content',
      title: L('Nội dung xác nhận', 'Content'),
      fields: ['content', 'otherContent', 'purpose', 'commitment'],
    },
  ],
  // The CT01 declaration is this e-form itself; the record lists nothing else.
  documents: [],
  review: ['requesterName', 'requesterCitizenId', 'content', 'otherContent', 'purpose'],
};
