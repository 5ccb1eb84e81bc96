import type { ErrorEntry } from './types';

/** Printable one-stop forms (Circular 01/2018/TT-VPCP, forms 01–06). */
export const printingErrors = {
  PRINT_DOSSIER_NOT_ACCEPTED: {
    status: 409,
    vi: 'Hồ sơ chưa được tiếp nhận nên chưa có mã hồ sơ. Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) và Phiếu kiểm soát (Mẫu 05) chỉ in được sau khi tiếp nhận.',
    en: 'The dossier has not been accepted yet, so it has no code; forms 01 and 05 are printed after acceptance.',
  },
  PRINT_NO_COMPLETION_REQUEST: {
    status: 409,
    vi: 'Hồ sơ chưa có yêu cầu bổ sung, hoàn thiện nào nên không có Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) để in.',
    en: 'No request to complete or supplement the dossier has been issued (form 02).',
  },
  PRINT_NO_REFUSAL: {
    status: 409,
    vi: 'Hồ sơ không bị từ chối tiếp nhận nên không có Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03) để in.',
    en: 'The dossier was not refused at reception (form 03).',
  },
  PRINT_NO_APOLOGY: {
    status: 409,
    vi: 'Hồ sơ chưa có thư xin lỗi, hẹn lại ngày trả kết quả nên không có Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) để in.',
    en: 'No apology with a new appointment date has been issued (form 04).',
  },
  PRINT_EVENT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy lần ghi nhận này trong hồ sơ, hoặc lần ghi nhận này không thuộc mẫu phiếu đã chọn.',
    en: 'That event does not belong to this dossier or to the chosen form.',
  },
  LOGBOOK_RANGE_INVALID: {
    status: 400,
    vi: 'Khoảng thời gian không hợp lệ: ngày bắt đầu phải trước hoặc trùng ngày kết thúc, và sổ theo dõi chỉ xuất tối đa 366 ngày một lần.',
    en: 'Invalid range: from must not be after to, and at most 366 days are exported at once.',
  },
} as const satisfies Record<string, ErrorEntry>;
