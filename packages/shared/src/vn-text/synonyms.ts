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
  /**
   * The typed words are also catalogue words ("hợp đồng", "người nước ngoài", "mở"): they keep
   * their full weight. Otherwise they are colloquial ("làm giấy") and count less than the target.
   */
  literal?: boolean;
  /**
   * The targets are different procedures the situation may need ("mất giấy khai sinh": a copy
   * from the register, or registering again): when the question does not say which, the
   * assistant asks.
   */
  choice?: boolean;
  note?: string;
}

export const synonymGroups: readonly SynonymGroup[] = [
  {
    phrases: [
      'căn cước',
      'căn cước công dân',
      'CCCD',
      'thẻ căn cước',
      'thẻ CCCD',
      'căn cước gắn chip',
    ],
    older: ['chứng minh nhân dân', 'CMND', 'chứng minh thư', 'CMT'],
    note: 'Luật Căn cước 2023: thẻ căn cước replaces CCCD and CMND; people still use the old names',
  },
  {
    phrases: ['thường trú', 'hộ khẩu thường trú', 'đăng ký thường trú'],
    older: ['sổ hộ khẩu', 'hộ khẩu', 'KT1'],
    note: 'the household book was abolished in 2023; permanent residence is registered instead',
  },
  {
    phrases: ['tạm trú', 'đăng ký tạm trú'],
    older: ['sổ tạm trú', 'KT3'],
    note: 'KT3 was the long-term temporary residence book',
  },
  { phrases: ['tạm vắng', 'khai báo tạm vắng', 'báo tạm vắng'] },
  {
    phrases: [
      'sổ đỏ',
      'sổ hồng',
      'bìa đỏ',
      'bìa hồng',
      'giấy đỏ',
      'sổ đất',
      'giấy chứng nhận quyền sử dụng đất',
      'GCNQSDĐ',
      'giấy chứng nhận quyền sở hữu nhà ở',
    ],
    note: 'colloquial names of the land-use right certificate',
  },
  { phrases: ['quyền sử dụng đất', 'QSDĐ'] },
  { phrases: ['GPLX', 'giấy phép lái xe', 'bằng lái xe', 'bằng lái'] },
  { phrases: ['LLTP', 'lý lịch tư pháp', 'phiếu lý lịch tư pháp', 'phiếu LLTP'] },
  { phrases: ['BHYT', 'bảo hiểm y tế', 'thẻ bảo hiểm y tế', 'thẻ BHYT'] },
  { phrases: ['BHXH', 'bảo hiểm xã hội'] },
  { phrases: ['GCN', 'giấy chứng nhận'] },
  { phrases: ['ĐKKD', 'đăng ký kinh doanh', 'giấy phép kinh doanh', 'GPKD'] },
  { phrases: ['HKD', 'hộ kinh doanh'] },
  { phrases: ['GPXD', 'giấy phép xây dựng', 'phép xây dựng'] },
  { phrases: ['khai sinh', 'giấy khai sinh'] },
  {
    phrases: ['khai tử', 'báo tử', 'giấy chứng tử', 'trích lục khai tử', 'giấy báo tử'],
  },
  {
    phrases: ['kết hôn', 'đăng ký kết hôn', 'giấy chứng nhận kết hôn', 'giấy đăng ký kết hôn'],
    older: ['hôn thú', 'giấy hôn thú'],
  },
  { phrases: ['ly hôn', 'ly dị'] },
  {
    phrases: ['xác nhận tình trạng hôn nhân', 'xác nhận độc thân', 'giấy xác nhận độc thân'],
  },
  { phrases: ['hộ chiếu', 'passport'] },
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
    from: [
      'mất giấy khai sinh',
      'giấy khai sinh bị mất',
      'làm lại giấy khai sinh',
      'xin lại giấy khai sinh',
      'cấp lại giấy khai sinh',
    ],
    to: ['bản sao giấy khai sinh', 'đăng ký lại khai sinh'],
    choice: true,
    note: 'a lost birth certificate: a copy from the register, or registering again if the register is lost too',
  },
  {
    from: [
      'mất giấy đăng ký kết hôn',
      'giấy đăng ký kết hôn bị mất',
      'làm lại giấy đăng ký kết hôn',
      'mất giấy chứng nhận kết hôn',
    ],
    to: ['bản sao trích lục hộ tịch', 'đăng ký lại kết hôn'],
    choice: true,
    note: 'the same for a lost marriage certificate',
  },
  {
    from: ['hết hạn', 'hết hạn sử dụng'],
    to: ['cấp đổi', 'gia hạn'],
    note: '"căn cước hết hạn" is replaced (cấp đổi), "giấy phép hết hạn" is extended (gia hạn)',
  },
  {
    from: ['đổi'],
    to: ['cấp đổi'],
    literal: true,
    note: '"đổi căn cước", "đổi bằng lái": the card is replaced (cấp đổi)',
  },
  {
    from: ['công chứng', 'sao y', 'photo công chứng'],
    to: ['chứng thực'],
    note: 'copies certified at the commune are chứng thực; residents call it công chứng',
  },
  { from: ['lấy vợ', 'lấy chồng', 'cưới', 'đám cưới', 'lấy nhau'], to: ['kết hôn'] },
  {
    from: ['người nước ngoài', 'với người nước ngoài', 'ngoại quốc'],
    to: ['có yếu tố nước ngoài'],
    literal: true,
    note: 'marrying, registering a birth or death with a foreigner is "có yếu tố nước ngoài"',
  },
  {
    from: ['làm sổ hộ khẩu', 'nhập hộ khẩu', 'nhập khẩu', 'sổ hộ khẩu'],
    to: ['đăng ký thường trú'],
    note: 'getting onto a household book is now registering permanent residence (Luật Cư trú 2020)',
  },
  {
    from: ['đk', 'đky', 'dky'],
    to: ['đăng ký'],
    note: 'chat shorthand: "đk kết hôn"',
  },
  { from: ['ks', 'gks'], to: ['khai sinh'], note: 'chat shorthand: "làm ks cho con"' },
  {
    from: ['nhận nuôi', 'nhận con nuôi', 'xin con nuôi', 'nhận nuôi con nuôi'],
    to: ['nuôi con nuôi'],
  },
  {
    from: ['hợp đồng mua bán', 'hợp đồng chuyển nhượng', 'hợp đồng tặng cho', 'hợp đồng'],
    to: ['giao dịch'],
    literal: true,
    note: 'the commune certifies "giao dịch" (contracts) on land, houses and movables',
  },
  {
    from: ['mua bán đất', 'mua đất', 'bán đất', 'nhà đất', 'mua bán nhà đất'],
    to: ['quyền sử dụng đất'],
  },
  {
    from: ['sang tên sổ đỏ', 'sang tên đất', 'sang tên nhà đất'],
    to: ['đăng ký biến động', 'chuyển nhượng quyền sử dụng đất'],
  },
  {
    from: ['tách hộ khẩu', 'tách khẩu', 'tách sổ hộ khẩu'],
    to: ['tách hộ'],
    note: 'a new household is split off in the residence database (tách hộ)',
  },
  { from: ['tách sổ', 'tách sổ đỏ', 'chia đất', 'tách đất'], to: ['tách thửa'] },
  {
    from: ['xin phép xây nhà', 'xin phép xây dựng', 'phép xây nhà', 'xây nhà', 'làm nhà'],
    to: ['giấy phép xây dựng'],
  },
  {
    from: ['chuyển địa chỉ', 'đổi địa chỉ', 'thay đổi địa chỉ', 'đổi tên', 'đổi ngành nghề'],
    to: ['thay đổi nội dung'],
    literal: true,
    note: 'a registered business moving or renaming: "đăng ký thay đổi nội dung đăng ký"',
  },
  {
    from: ['lương hưu'],
    to: ['chế độ bảo hiểm xã hội', 'hưu trí'],
    literal: true,
    note: 'a pension is one of the social insurance benefits (chế độ BHXH)',
  },
  {
    from: ['mở'],
    to: ['thành lập'],
    literal: true,
    note: '"mở hộ kinh doanh", "mở công ty": the catalogue says thành lập',
  },
];
