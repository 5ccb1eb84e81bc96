import type { ErrorEntry } from './types';

/** Errors of the HTTP layer, identity and administrative units. */
export const coreErrors = {
  VALIDATION_FAILED: {
    status: 400,
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The request data is invalid.',
  },
  MALFORMED_JSON: {
    status: 400,
    vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Định dạng nội dung không được hỗ trợ.',
    en: 'Unsupported content type.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: 'Nội dung gửi lên quá lớn.',
    en: 'The request body is too large.',
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy địa chỉ được yêu cầu.', en: 'Route not found.' },
  UNIT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đơn vị hành chính với mã này.',
    en: 'No administrative unit has this code.',
  },
  POINT_OUTSIDE_PROVINCE: {
    status: 422,
    vi: 'Vị trí này nằm ngoài địa giới tỉnh, không thuộc xã/phường nào của tỉnh.',
    en: 'This point lies outside the province.',
  },
  UNAUTHENTICATED: {
    status: 401,
    vi: 'Bạn cần đăng nhập để thực hiện thao tác này.',
    en: 'Sign-in is required.',
  },
  FORBIDDEN: {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  CSRF_FAILED: {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang và thử lại.',
    en: 'CSRF check failed; reload the page and retry.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập, mật khẩu hoặc mã xác thực không đúng.',
    en: 'Wrong username, password or code.',
  },
  TOTP_REPLAYED: {
    status: 401,
    vi: 'Mã xác thực này đã được dùng. Vui lòng chờ mã mới.',
    en: 'This code was already used; wait for a new one.',
  },
  ACCOUNT_LOCKED: {
    status: 429,
    vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.',
    en: 'Too many failed attempts; try again later.',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
    en: 'Too many requests; try again later.',
  },
  OIDC_STATE_MISMATCH: {
    status: 400,
    vi: 'Phiên đăng nhập không khớp hoặc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Sign-in state mismatch or expired.',
  },
  OIDC_LOGIN_FAILED: {
    status: 401,
    vi: 'Không xác thực được thông tin từ nhà cung cấp định danh. Vui lòng đăng nhập lại.',
    en: 'The identity provider response could not be verified.',
  },
  OIDC_UNAVAILABLE: {
    status: 503,
    vi: 'Không kết nối được nhà cung cấp định danh. Vui lòng thử lại sau.',
    en: 'The identity provider is unavailable.',
  },
  UNIT_NOT_GRANTED: {
    status: 403,
    vi: 'Bạn không có vai trò tại đơn vị này.',
    en: 'You hold no role in this unit.',
  },
  NOT_READY: {
    status: 503,
    vi: 'Hệ thống đang khởi động hoặc mất kết nối cơ sở dữ liệu.',
    en: 'Not ready.',
  },
  INTERNAL: {
    status: 500,
    vi: 'Đã có lỗi hệ thống. Vui lòng thử lại; nếu vẫn lỗi, hãy báo mã tham chiếu cho bộ phận hỗ trợ.',
    en: 'Internal error; quote the reference to support.',
  },
} as const satisfies Record<string, ErrorEntry>;
