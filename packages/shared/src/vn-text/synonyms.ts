/**
 * The editable synonym and abbreviation table. Residents say "làm CCCD", "sổ đỏ", "sổ hộ khẩu";
 * the catalogue says "cấp thẻ căn cước", "giấy chứng nhận quyền sử dụng đất", "đăng ký thường
 * trú". Write phrases naturally, with marks and any case: they go through the same analysis as
 * queries (folding, i/y, stop words), so "CCCD", "cccd" and "Cccd" are one entry.
 *
 * - `synonymGroups`: every phrase of a group stands for every other one (both directions);
 *   `older` names are in the group too but count less.
 * - `queryRewrites`: one direction only — colloquial verbs and phrasings that point at the
 *   catalogue's wording, never the other way round ("làm" → "cấp", but "cấp" does not mean
 *   "làm").
 *
 * Checked against the catalogue in apps/api/seed-data/procedures (see the tests in
 * vn-text.test.ts and catalogue.search.test.ts). Keep entries that a resident would actually type.
 */

export interface SynonymGroup {
  phrases: readonly string[];
  /**
   * Names that went out of use (CMND, sổ hộ khẩu): typed, they still find the current names;
   * as expansions of a current name, and as literal matches, they weigh less.
   */
  older?: readonly string[];
  /** Why the group exists, for whoever edits it next. */
  note?: string;
}

export interface QueryRewrite {
  from: readonly string[];
  to: readonly string[];
  note?: string;
}

export const synonymGroups: readonly SynonymGroup[] = [
  {
    phrases: ['căn cước', 'căn cước công dân', 'CCCD', 'thẻ căn cước'],
    older: ['chứng minh nhân dân', 'CMND', 'chứng minh thư'],
    note: 'Luật Căn cước 2023: thẻ căn cước replaces CCCD and CMND; people still use the old names',
  },
  {
    phrases: ['cư trú', 'thường trú'],
    older: ['sổ hộ khẩu', 'hộ khẩu'],
    note: 'the household book was abolished in 2023; residence is now registered (đăng ký cư trú)',
  },
  {
    phrases: [
      'sổ đỏ',
      'sổ hồng',
      'bìa đỏ',
      'giấy chứng nhận quyền sử dụng đất',
      'GCNQSDĐ',
      'giấy chứng nhận quyền sở hữu nhà ở',
    ],
    note: 'colloquial names of the land-use right certificate',
  },
  { phrases: ['GPLX', 'giấy phép lái xe', 'bằng lái xe', 'bằng lái'] },
  { phrases: ['LLTP', 'lý lịch tư pháp', 'phiếu lý lịch tư pháp'] },
  { phrases: ['BHYT', 'bảo hiểm y tế', 'thẻ bảo hiểm y tế'] },
  { phrases: ['BHXH', 'bảo hiểm xã hội'] },
  { phrases: ['GCN', 'giấy chứng nhận'] },
  { phrases: ['ĐKKD', 'đăng ký kinh doanh', 'giấy phép kinh doanh'] },
  { phrases: ['HKD', 'hộ kinh doanh'] },
  { phrases: ['khai sinh', 'giấy khai sinh'] },
  { phrases: ['khai tử', 'báo tử', 'giấy chứng tử', 'trích lục khai tử'] },
  { phrases: ['kết hôn', 'đăng ký kết hôn', 'giấy chứng nhận kết hôn', 'giấy đăng ký kết hôn'] },
  {
    phrases: ['xác nhận tình trạng hôn nhân', 'xác nhận độc thân', 'giấy xác nhận độc thân'],
  },
  { phrases: ['MST', 'mã số thuế'] },
  { phrases: ['UBND', 'ủy ban nhân dân'] },
  { phrases: ['VNeID', 'định danh điện tử', 'tài khoản định danh điện tử'] },
];

export const queryRewrites: readonly QueryRewrite[] = [
  {
    from: ['làm giấy', 'xin giấy', 'làm', 'xin'],
    to: ['đăng ký', 'cấp'],
    note: '"làm giấy khai sinh", "xin giấy phép": the catalogue says đăng ký / cấp',
  },
  { from: ['làm lại', 'xin lại'], to: ['cấp lại', 'cấp đổi', 'đăng ký lại'] },
  { from: ['mất', 'làm mất', 'bị mất'], to: ['cấp lại'], note: '"mất căn cước" → cấp lại' },
  {
    from: ['công chứng', 'sao y', 'photo công chứng'],
    to: ['chứng thực'],
    note: 'copies certified at the commune are chứng thực; residents call it công chứng',
  },
  { from: ['lấy vợ', 'lấy chồng', 'cưới'], to: ['kết hôn'] },
  {
    from: ['làm sổ hộ khẩu', 'nhập hộ khẩu', 'nhập khẩu', 'sổ hộ khẩu'],
    to: ['đăng ký thường trú'],
    note: 'getting onto a household book is now registering permanent residence (Luật Cư trú 2020)',
  },
];
