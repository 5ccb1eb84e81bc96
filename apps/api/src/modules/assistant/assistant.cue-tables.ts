import type { AssistantAspect } from '@cqs/shared';

/**
 * "Bao lâu thì có giấy?", "mấy ngày thì nhận được?": a time question often goes on with what one
 * gets and when; those words belong to the question, not to the procedure's name ("giấy" would
 * otherwise pull "… giấy tờ cá nhân" up). Every head is combined with every tail.
 */
const TIME_HEADS = ['bao lâu', 'mất bao lâu', 'mấy ngày', 'mất mấy ngày', 'bao nhiêu ngày'];
const TIME_TAILS = [
  'thì có',
  'thì có giấy',
  'thì có kết quả',
  'có giấy',
  'có kết quả',
  'thì được',
  'được nhận',
  'thì được nhận',
  'nhận được',
  'thì nhận được',
  'thì lấy được',
  'lấy được',
  'thì xong',
];
const TIME_PHRASES = TIME_HEADS.flatMap((h) => TIME_TAILS.map((t) => `${h} ${t}`));

/**
 * Cue phrases: how residents ask for one section of a procedure, or signal what they want to do.
 * Written naturally with marks; matched on folded canonical syllables, so "bao lâu", "bao lau" and
 * "BAO LÂU" are one cue. Longest match wins; a matched cue is removed from the text before the
 * procedure search (its words say nothing about which procedure). Edit freely.
 */
export const ASPECT_CUES: Record<AssistantAspect, readonly string[]> = {
  fees: [
    'bao nhiêu tiền',
    'hết bao nhiêu tiền',
    'mất bao nhiêu tiền',
    'tốn bao nhiêu',
    'tốn bao nhiêu tiền',
    'tốn tiền',
    'mất tiền',
    'có mất phí',
    'mất phí',
    'tốn phí',
    'thu phí',
    'có thu phí',
    'nhiêu tiền',
    'lệ phí',
    'phí',
    'chi phí',
    'giá',
    'miễn phí',
    'đóng tiền',
    'nộp tiền',
    'một trang',
    'mỗi trang',
    'một tờ',
    'mỗi tờ',
  ],
  time: [
    'bao lâu',
    'mất bao lâu',
    'trong bao lâu',
    'lâu không',
    'mấy ngày',
    'bao nhiêu ngày',
    'mấy hôm',
    'thời hạn',
    'thời gian giải quyết',
    'thời gian',
    'khi nào có',
    'khi nào nhận',
    'bao giờ có',
    'bao giờ nhận',
    'bao giờ lấy',
    'nhanh không',
    'ngày làm việc',
    'bao giờ được nhận',
    'khi nào được nhận',
    'bao giờ xong',
    'khi nào xong',
    ...TIME_HEADS,
    ...TIME_PHRASES,
  ],
  documents: [
    'giấy tờ',
    'giấy tờ gì',
    'hồ sơ gồm',
    'hồ sơ cần',
    'hồ sơ gồm những gì',
    'thành phần hồ sơ',
    'cần những gì',
    'cần gì',
    'cần mang',
    'mang theo',
    'mang gì',
    'chuẩn bị',
    'gồm những gì',
    'những giấy nào',
    'giấy gì',
    'bộ hồ sơ',
    'cần có gì',
    'hồ sơ gì',
    'cần hồ sơ',
    'hồ sơ những gì',
    'giấy tờ j',
    'cần j',
  ],
  place: [
    'ở đâu',
    'nộp ở',
    'nộp tại',
    'nơi nộp',
    'chỗ nào',
    'đi đâu',
    'đến đâu',
    'địa chỉ',
    'cơ quan nào',
    'nộp online',
    'nộp trực tuyến',
    'nộp qua mạng',
    'qua bưu điện',
    'bưu chính',
    'cách nộp',
    'nộp như thế nào',
    'online được không',
    'trực tuyến được không',
    'qua mạng được không',
    'làm online được không',
    'nộp online được không',
  ],
  steps: [
    'các bước',
    'trình tự',
    'quy trình',
    'cách làm',
    'làm như thế nào',
    'làm thế nào',
    'làm sao',
    'thế nào',
    'ra sao',
    'hướng dẫn',
    'thực hiện như thế nào',
  ],
  conditions: [
    'điều kiện',
    'yêu cầu',
    'có được không',
    'được không',
    'trường hợp nào',
    'khi nào được',
  ],
  legal_basis: [
    'căn cứ',
    'căn cứ pháp lý',
    'pháp lý',
    'luật nào',
    'văn bản nào',
    'quy định nào',
    'nghị định nào',
    'thông tư nào',
    'theo luật',
    'cơ sở pháp lý',
  ],
  results: ['kết quả', 'nhận được gì', 'được cấp gì', 'nhận gì', 'được gì'],
  applicants: ['ai được', 'ai có thể', 'ai phải', 'đối tượng', 'ai làm', 'ai đi'],
};

/** The resident wants to hand in a dossier now (not to ask about it). */
export const SUBMISSION_CUES: readonly string[] = [
  'nộp hồ sơ',
  'nộp',
  'nộp luôn',
  'nộp ngay',
  'trực tuyến',
  'online',
  'qua mạng',
  'làm hồ sơ',
  'bắt đầu',
  'điền tờ khai',
  'điền đơn',
  'tạo hồ sơ',
];

/** Something is broken or wrong in the neighbourhood: a feedback report, not a procedure. */
export const FEEDBACK_CUES: readonly string[] = [
  'phản ánh',
  'kiến nghị',
  'báo hỏng',
  'hỏng',
  'hư',
  'không sáng',
  'tắt',
  'ngập',
  'ngập nước',
  'tắc',
  'vỡ',
  'sập',
  'sạt lở',
  'ổ gà',
  'ổ voi',
  'mất điện',
  'cúp điện',
  'mất nước',
  'cúp nước',
  'ô nhiễm',
  'bốc mùi',
  'hôi thối',
  'xả rác',
  'đổ rác',
  'rác',
  'lấn chiếm',
  'tiếng ồn',
  'ồn ào',
  'karaoke',
  'đánh nhau',
  'trộm',
  'chó thả rông',
  'cháy',
  'cây đổ',
  'chưa có lại',
  'mấy hôm nay',
  'mấy ngày nay',
  'cả tuần nay',
];

export const GREETING_CUES: readonly string[] = [
  'xin chào',
  'chào',
  'chào bạn',
  'hello',
  'hi',
  'alo',
  'cảm ơn',
  'cám ơn',
  'thanks',
  'bạn là ai',
  'giúp gì',
  'bạn làm được gì',
];

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

/**
 * Words that only carry a follow-up ("còn lệ phí thì sao?", "thế còn giấy tờ?"): when nothing is
 * left after removing them and the cues, the question is about the procedure of the conversation.
 */
export const FILLER_CUES: readonly string[] = [
  'còn',
  'thì sao',
  'thế còn',
  'vậy',
  'thế',
  'nữa',
  'nhỉ',
  'nha',
  'ạ',
  'à',
  'hả',
  'không',
  'ko',
  'k',
  'khong',
  'sao',
  'cần',
  'cho bố',
  'cho mẹ',
  'cho vợ',
  'cho chồng',
  // Where the resident stands, not what they ask ("chứng thực di chúc ở ủy ban xã").
  'ở ủy ban',
  'ủy ban xã',
  'ủy ban phường',
  'ở ủy ban xã',
  'ở ủy ban phường',
  'cho hỏi',
  'cho mình hỏi',
  'cho tôi hỏi',
  'hỏi chút',
  'bao nhiêu',
  'là',
  'có',
  'gì',
  'nào',
  'được',
  'phải',
  'thủ tục',
  'hồ sơ',
  'cái',
  'đó',
  'này',
];

/**
 * Phrases that contain a cue word but are content ("căn cước" is not "cần", "tiền sử dụng đất" is
 * not a fee question): matched first and left in the text.
 */
export const KEEP_PHRASES: readonly string[] = [
  'căn cước',
  'căn hộ',
  'tiền sử dụng đất',
  'tiền thuê đất',
  'giá đất',
  'giá trị',
  'phòng cháy',
  'chữa cháy',
  'giấy tờ tùy thân',
  'giấy tờ xe',
  'kết quả học tập',
  'đối tượng bảo trợ',
  'thời gian công tác',
  'hư hỏng',
  'sao y',
  'bản sao',
  'bản chính',
  'giao thông',
];
