import type { ErrorEntry } from './types';

/** Errors of assisted submission (issue 8 §3): a team member submits with the resident's consent. */
export const assistedErrors = {
  ASSISTED_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy hồ sơ hỗ trợ này. Bạn chỉ xem được các hồ sơ do chính bạn hỗ trợ người dân nộp.',
    en: 'Assisted dossier not found (you see only the dossiers you assisted).',
  },
  ASSISTED_MEMBERSHIP_REQUIRED: {
    status: 403,
    vi: 'Tài khoản của bạn chưa được gắn với thành viên đang hoạt động của tổ công nghệ số cộng đồng tại xã/phường này (hoặc gắn với nhiều thành viên — hãy chọn một). Vui lòng liên hệ cán bộ xã.',
    en: 'Your account is not linked to one active team member of this commune.',
  },
  ASSISTED_NOT_DRAFT: {
    status: 409,
    vi: 'Hồ sơ này đã được nộp hoặc đã hủy nên không sửa được nữa.',
    en: 'This assisted dossier was already submitted or cancelled.',
  },
  ASSISTED_CONSENT_REQUIRED: {
    status: 409,
    vi: 'Chưa có sự đồng ý của người dân cho đúng nội dung hồ sơ này. Hãy gửi mã xác nhận đến điện thoại của người dân hoặc để người dân đăng nhập, rồi nộp lại. Nếu đã sửa tờ khai hay giấy tờ sau khi người dân đồng ý, cần xin đồng ý lại.',
    en: "The resident's consent to this exact content is missing (or the dossier changed after it). Ask for consent again, then submit.",
  },
  ASSISTED_CODE_INVALID: {
    status: 400,
    vi: 'Mã xác nhận không đúng. Hãy kiểm tra lại 6 chữ số trong tin nhắn người dân nhận được.',
    en: 'The confirmation code is wrong.',
  },
  ASSISTED_CODE_EXPIRED: {
    status: 400,
    vi: 'Mã xác nhận đã hết hạn (mã chỉ dùng được trong 10 phút) hoặc chưa được gửi. Hãy bấm “Gửi mã” để gửi mã mới.',
    en: 'The confirmation code has expired or was never sent. Send a new one.',
  },
  ASSISTED_CODE_ATTEMPTS_EXCEEDED: {
    status: 429,
    vi: 'Đã nhập sai mã 5 lần nên mã này bị khóa. Hãy gửi mã mới đến điện thoại của người dân.',
    en: 'Five wrong attempts: this code is locked. Send a new one.',
  },
  ASSISTED_CODE_RATE_LIMITED: {
    status: 429,
    vi: 'Đã gửi nhiều mã trong thời gian ngắn. Vui lòng đợi một lúc rồi gửi lại (tối đa 5 mã mỗi giờ, cách nhau ít nhất 1 phút).',
    en: 'Too many codes sent: wait a moment (at most 5 an hour, one a minute).',
  },
  ASSISTED_CONSENT_IDENTITY_MISMATCH: {
    status: 409,
    vi: 'Người vừa đăng nhập không phải là người dân đứng tên hồ sơ (số định danh cá nhân không khớp). Sự đồng ý không được ghi nhận.',
    en: 'The person who signed in is not the resident named on this dossier (ID number differs).',
  },
  ASSISTED_CONSENT_SESSION_MISMATCH: {
    status: 403,
    vi: 'Lượt đăng nhập xác nhận này được bắt đầu từ một phiên làm việc khác. Hãy mở lại hồ sơ và bấm “Đăng nhập bằng tài khoản của người dân” trên cùng thiết bị.',
    en: 'This consent sign-in was started from another session.',
  },
  ASSISTED_PROCEDURE_UNAVAILABLE: {
    status: 400,
    vi: 'Thủ tục này không nộp trực tuyến được tại xã/phường của tổ. Hãy hướng dẫn người dân nộp trực tiếp tại Bộ phận Một cửa.',
    en: "This procedure cannot be submitted online in the team's commune.",
  },
} as const satisfies Record<string, ErrorEntry>;
