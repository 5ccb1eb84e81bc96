import {
  commitmentField,
  eq,
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
 * Annual recognition of poor and near-poor households (Decision 24/2021/QĐ-TTg; Circular
 * 07/2021/TT-BLĐTBXH as amended by 02/2022). The record names "Giấy đề nghị rà soát hộ nghèo, hộ cận
 * nghèo – Mẫu số 01"; the household head applies, the village then reviews.
 */
export const hoNgheoForm: FormSchema = {
  id: 'ho-ngheo',
  procedureCode: '1.011607',
  title: L(
    'Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm',
    'Recognition of a poor or near-poor household',
  ),
  legalBasis:
    'Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo – Mẫu số 01 Phụ lục ban hành kèm Quyết định 24/2021/QĐ-TTg',
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    leaf('text', 'village', L('Thôn, buôn, bon, tổ dân phố', 'Village or residential group'), {
      minLength: 2,
      maxLength: 100,
    }),
    leaf('radio', 'request', L('Đề nghị xét', 'Request'), {
      options: [
        opt('ho_ngheo', 'Hộ nghèo', 'Poor household'),
        opt('ho_can_ngheo', 'Hộ cận nghèo', 'Near-poor household'),
        opt('chua_ro', 'Đề nghị rà soát, chưa rõ', 'Review, not sure which'),
      ],
    }),
    group(
      'members',
      L('Thành viên hộ gia đình', 'Household members'),
      L('Thành viên', 'Member'),
      [
        personName('name', L('Họ, chữ đệm và tên', 'Full name')),
        leaf('date', 'birthDate', L('Ngày sinh', 'Date of birth'), { notFuture: true }),
        leaf('citizen_id', 'citizenId', L('Số định danh cá nhân', 'ID number'), {
          required: false,
        }),
        leaf('text', 'relation', L('Quan hệ với chủ hộ', 'Relationship to the head'), {
          maxLength: 50,
        }),
      ],
      { minItems: 1, maxItems: 30 },
    ),
    leaf('textarea', 'hardship', L('Hoàn cảnh, lý do đề nghị', 'Circumstances'), {
      minLength: 10,
      maxLength: 3000,
    }),
    leaf(
      'checkbox',
      'hasVulnerable',
      L(
        'Hộ có người khuyết tật, người cao tuổi cô đơn hoặc bệnh nặng',
        'Household has disabled, lone elderly or seriously ill members',
      ),
      {
        required: false,
      },
    ),
    leaf(
      'textarea',
      'vulnerableDetails',
      L('Ghi rõ người và tình trạng', 'Who and what condition'),
      {
        showIf: [eq('hasVulnerable', true)],
        maxLength: 1000,
      },
    ),
    commitmentField(),
  ],
  steps: [
    {
      id: 'head',
      title: L('Chủ hộ', 'Head of household'),
      fields: [...requesterStepFields, 'village', 'request'],
    },
    { id: 'members', title: L('Thành viên hộ', 'Members'), fields: ['members'] },
    {
      id: 'situation',
      title: L('Hoàn cảnh gia đình', 'Situation'),
      fields: ['hardship', 'hasVulnerable', 'vulnerableDetails', 'commitment'],
    },
  ],
  // Mẫu số 01 is this e-form; the record asks for no other paper.
  documents: [],
  review: [
    'requesterName',
    'village',
    'request',
    'members',
    'hardship',
    'hasVulnerable',
    'vulnerableDetails',
  ],
};
