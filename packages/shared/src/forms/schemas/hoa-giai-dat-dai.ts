import { doc, eq, L, leaf, opt, personName, requesterFields, requesterStepFields } from '../common';
import type { FormSchema } from '../types';

/**
 * Mediation of a land dispute by the commune People's Committee (Land Law 2024 Art. 235; Decree
 * 102/2024/NĐ-CP). The record asks for "Đơn yêu cầu hòa giải tranh chấp đất đai" (original) without
 * a numbered template, so the fields follow the content the law requires of the request.
 */
export const hoaGiaiDatDaiForm: FormSchema = {
  id: 'hoa-giai-dat-dai',
  procedureCode: '1.012812',
  title: L('Hòa giải tranh chấp đất đai', 'Mediation of a land dispute'),
  legalBasis:
    'Đơn yêu cầu hòa giải tranh chấp đất đai – Điều 235 Luật Đất đai 2024, Nghị định 102/2024/NĐ-CP (không có mẫu đánh số)',
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    personName('otherPartyName', L('Họ, chữ đệm và tên bên tranh chấp', 'Other party')),
    leaf('address', 'otherPartyAddress', L('Địa chỉ bên tranh chấp', "Other party's address")),
    leaf(
      'phone',
      'otherPartyPhone',
      L('Số điện thoại bên tranh chấp (nếu biết)', "Other party's phone"),
      { required: false },
    ),
    leaf('address', 'landAddress', L('Địa chỉ thửa đất tranh chấp', 'Parcel address')),
    leaf('unit', 'landCommune', L('Xã, phường nơi có đất', 'Commune of the parcel')),
    leaf('text', 'mapSheet', L('Tờ bản đồ số (nếu biết)', 'Map sheet no.'), {
      required: false,
      maxLength: 20,
    }),
    leaf('text', 'parcelNumber', L('Thửa đất số (nếu biết)', 'Parcel no.'), {
      required: false,
      maxLength: 20,
    }),
    leaf('number', 'disputedArea', L('Diện tích tranh chấp (m²)', 'Disputed area (m²)'), {
      required: false,
      min: 0.1,
      max: 1e9,
    }),
    leaf('textarea', 'disputeContent', L('Nội dung tranh chấp', 'What the dispute is about'), {
      minLength: 20,
      maxLength: 4000,
    }),
    leaf('textarea', 'requestContent', L('Yêu cầu của người làm đơn', 'What you ask for'), {
      minLength: 10,
      maxLength: 2000,
    }),
    leaf(
      'radio',
      'priorMediation',
      L('Đã hòa giải ở thôn, tổ dân phố chưa?', 'Mediated in the village before?'),
      {
        options: [
          opt('chua', 'Chưa', 'No'),
          opt('roi', 'Đã hòa giải nhưng không thành', 'Yes, without agreement'),
        ],
      },
    ),
    leaf(
      'textarea',
      'priorDetails',
      L('Thời gian và kết quả hòa giải trước đó', 'When and with what result'),
      {
        showIf: [eq('priorMediation', 'roi')],
        maxLength: 2000,
      },
    ),
  ],
  steps: [
    { id: 'requester', title: L('Người yêu cầu', 'Requester'), fields: requesterStepFields },
    {
      id: 'party',
      title: L('Bên tranh chấp', 'Other party'),
      fields: ['otherPartyName', 'otherPartyAddress', 'otherPartyPhone'],
    },
    {
      id: 'land',
      title: L('Thửa đất', 'The land'),
      fields: ['landAddress', 'landCommune', 'mapSheet', 'parcelNumber', 'disputedArea'],
    },
    {
      id: 'dispute',
      title: L('Nội dung tranh chấp', 'The dispute'),
      fields: ['disputeContent', 'requestContent', 'priorMediation', 'priorDetails'],
    },
  ],
  documents: [
    doc(
      'landPapers',
      L(
        'Các giấy tờ có liên quan đến việc sử dụng đất (bản phô tô, bản sao có chứng thực)',
        'Papers on the land use',
      ),
      { copies: 1 },
    ),
  ],
  review: [
    'requesterName',
    'otherPartyName',
    'landAddress',
    'landCommune',
    'parcelNumber',
    'disputeContent',
    'requestContent',
    'priorMediation',
  ],
};
