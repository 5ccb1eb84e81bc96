import type { ErrorEntry } from './types';

/** Fees paid online by VietQR bank transfer, and the payment gateway's confirmations. */
export const paymentsErrors = {
  PAYMENT_NOT_REQUIRED: {
    status: 409,
    vi: 'Thủ tục này không thu phí, lệ phí khi nộp trực tuyến, Ông/Bà không cần thanh toán. Vui lòng tiếp tục nộp hồ sơ.',
    en: 'This procedure has no online fee; no payment is needed.',
  },
  PAYMENT_ACCOUNT_MISSING: {
    status: 409,
    vi: 'Nơi tiếp nhận hồ sơ này chưa đăng ký tài khoản nhận thanh toán trực tuyến. Ông/Bà vẫn có thể nộp hồ sơ và nộp phí, lệ phí trực tiếp tại Trung tâm Phục vụ hành chính công; hoặc liên hệ Trung tâm để được hướng dẫn.',
    en: 'The receiving unit has no account for online payment yet; pay at the service centre.',
  },
  PAYMENT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy khoản thanh toán này. Vui lòng mở lại hồ sơ và tạo mã thanh toán mới.',
    en: 'Payment not found.',
  },
  PAYMENT_NOT_PAID: {
    status: 409,
    vi: 'Khoản thanh toán này chưa được ngân hàng xác nhận nên chưa có biên lai. Vui lòng chờ ít phút rồi tải lại trang.',
    en: 'This payment is not confirmed yet, so there is no receipt.',
  },
  PAYMENT_NOT_PAYABLE: {
    status: 409,
    vi: 'Mã thanh toán này đã hết hạn hoặc đã bị hủy. Vui lòng tạo mã thanh toán mới trong hồ sơ.',
    en: 'This payment has expired or was cancelled; create a new one.',
  },
  PAYMENT_ALREADY_PAID: {
    status: 409,
    vi: 'Khoản thanh toán này đã được ghi nhận bằng một giao dịch khác. Nếu Ông/Bà đã chuyển tiền hai lần, vui lòng liên hệ Trung tâm Phục vụ hành chính công để được hoàn trả.',
    en: 'This payment was already confirmed by another transaction.',
  },
  PAYMENT_SIGNATURE_INVALID: {
    status: 401,
    vi: 'Chữ ký xác nhận thanh toán không hợp lệ hoặc đã quá hạn 5 phút; yêu cầu bị từ chối.',
    en: 'The payment confirmation signature is missing, invalid or older than 5 minutes.',
  },
  PAYMENT_AMOUNT_MISMATCH: {
    status: 422,
    vi: 'Số tiền xác nhận không khớp với số tiền cần thanh toán; khoản thanh toán không được ghi nhận. Cơ quan tiếp nhận sẽ đối soát với ngân hàng.',
    en: 'The confirmed amount differs from the amount due; nothing was recorded.',
  },
  PAYMENT_ACCOUNT_INVALID: {
    status: 400,
    vi: 'Thông tin tài khoản nhận thanh toán không hợp lệ: mã BIN gồm 6 chữ số, số tài khoản tối đa 19 chữ và số, tên chủ tài khoản viết hoa không dấu.',
    en: 'Invalid collection account: 6-digit BIN, account number up to 19 characters, upper-case name.',
  },
} as const satisfies Record<string, ErrorEntry>;
