import { genderOptions, group, L, leaf, personName } from '../common';
import type { GroupField, LeafField } from '../types';

/** CT01 "Tờ khai thay đổi thông tin cư trú" (Circular 53/2025/TT-BCA amending 56/2021/TT-BCA). */
export const CT01 =
  'Tờ khai thay đổi thông tin cư trú (Mẫu CT01) – ban hành kèm Thông tư 56/2021/TT-BCA, sửa đổi bởi Thông tư 66/2023/TT-BCA và Thông tư 53/2025/TT-BCA';

export function applicantGender(): LeafField {
  return leaf('radio', 'requesterGender', L('Giới tính', 'Sex'), {
    options: genderOptions,
    prefill: 'gender',
  });
}

/** CT01 section 9: members of the household who change residence together. */
export function movingMembers(showIf?: LeafField['showIf']): GroupField {
  return group(
    'members',
    L('Những thành viên trong hộ gia đình cùng thay đổi', 'Household members moving together'),
    L('Thành viên', 'Member'),
    [
      personName('name', L('Họ, chữ đệm và tên', 'Full name')),
      leaf('date', 'birthDate', L('Ngày, tháng, năm sinh', 'Date of birth'), { notFuture: true }),
      leaf('radio', 'gender', L('Giới tính', 'Sex'), { options: genderOptions }),
      leaf('citizen_id', 'citizenId', L('Số định danh cá nhân', 'ID number'), { required: false }),
      leaf('text', 'relation', L('Quan hệ với người khai', 'Relationship to the applicant'), {
        maxLength: 50,
      }),
    ],
    { required: false, maxItems: 30, ...(showIf ? { showIf } : {}) },
  );
}
