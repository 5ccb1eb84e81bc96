/**
 * Cues about the resident's situation rather than the section asked: the status of a dossier
 * already handed in, who the procedure is for, words that pick a variant. Matched like the other
 * cues (folded syllables, longest first); see assistant.cues.ts. Edit freely.
 */

/**
 * Questions about the status of one's own dossier, without its code: ask for the code. Always
 * tracking, whatever else the message names ("hồ sơ khai sinh tôi nộp hôm thứ hai giờ thế nào
 * rồi").
 */
export const TRACKING_CUES: readonly string[] = [
  'tra cứu hồ sơ',
  'tình trạng hồ sơ',
  'trạng thái hồ sơ',
  'hồ sơ của tôi',
  'hồ sơ của mình',
  'hồ sơ đến đâu',
  'đến đâu rồi',
  'tới đâu rồi',
  'xong chưa',
  'xong chưa vậy',
  'mã hồ sơ',
  'theo dõi hồ sơ',
  'kiểm tra hồ sơ',
  'thế nào rồi',
  'sao rồi',
  'ra sao rồi',
  'có kết quả chưa',
  'chưa có kết quả',
  'chưa thấy kết quả',
  'chưa nhận được kết quả',
  'chưa thấy trả',
  'chưa thấy gì',
  'chưa thấy ai',
  'xử lý chưa',
  'xử lý đến đâu',
  'giải quyết chưa',
  'giải quyết đến đâu',
  'duyệt chưa',
  'được duyệt chưa',
  'trả kết quả chưa',
  'sao lâu vậy',
  'sao lâu thế',
  'lâu quá',
];

/**
 * A dossier already handed in ("hồ sơ mình nộp hôm trước", "đã nộp", "gửi hôm qua"): without a
 * section asked, a question about it is about its status — tracking, never a new submission.
 */
export const PAST_CUES: readonly string[] = [
  'đã nộp',
  'nộp rồi',
  'đã gửi',
  'gửi rồi',
  'nộp hôm trước',
  'nộp hôm qua',
  'nộp hôm kia',
  'nộp tuần trước',
  'nộp tháng trước',
  'nộp từ',
  'gửi hôm trước',
  'gửi hôm qua',
  'gửi tuần trước',
  'hôm trước',
  'hôm qua',
  'hôm kia',
  'tuần trước',
  'tháng trước',
  'năm ngoái',
  'mấy hôm trước',
  'mấy tuần trước',
  'từ tháng trước',
  'từ tuần trước',
];

/**
 * Nouns that ask for a section on their own ("địa chỉ ở đâu?") but are often what the resident
 * wants to change ("hộ kinh doanh đổi địa chỉ … cần gì"): when another section is asked in the
 * same message, that one wins.
 */
export const WEAK_ASPECT_CUES: readonly string[] = [
  'địa chỉ',
  'thời gian',
  'kết quả',
  'yêu cầu',
  'giấy tờ',
];

/**
 * "Bố mất", "mẹ vừa qua đời": someone died — not "lost" (mất → cấp lại). Said to explain the
 * situation; the procedure is in the rest of the message (khai tử, tử tuất…).
 */
const RELATIVES = ['bố', 'mẹ', 'cha', 'chồng', 'vợ', 'ông', 'bà', 'con', 'người thân', 'người nhà'];
const DIED = ['mất', 'đã mất', 'vừa mất', 'qua đời', 'chết'];
export const BEREAVEMENT_CUES: readonly string[] = RELATIVES.flatMap((r) =>
  DIED.flatMap((d) => [`${r} ${d}`, `cho ${r} ${d}`]),
);

/**
 * The resident asks for a child: among variants by age ("Cấp thẻ căn cước cho người dưới 14
 * tuổi" / "… từ đủ 14 tuổi trở lên") the child's comes first; otherwise the resident's own.
 */
export const CHILD_CUES: readonly string[] = [
  'cho con',
  'cho bé',
  'cho cháu',
  'cho con tôi',
  'cho con mình',
  'cho con gái',
  'cho con trai',
  'con tôi',
  'con mình',
  'bé nhà tôi',
  'cho em bé',
];

/**
 * The resident asks for a company or an organisation: variants "… đối với tổ chức" come first.
 * Kept in the search too (they may be part of a name), so they are not removed from the topic.
 */
export const ORGANISATION_CUES: readonly string[] = [
  'công ty',
  'doanh nghiệp',
  'tổ chức',
  'hợp tác xã',
  'cơ quan tôi',
  'đơn vị tôi',
];

/**
 * Words that say which variant, not which procedure ("làm căn cước lần đầu"): left out of the
 * search, since most names do not say them, then used to prefer the names that do ("Đăng ký thuế
 * lần đầu").
 */
export const QUALIFIER_CUES: readonly string[] = ['lần đầu', 'lần đầu tiên'];
