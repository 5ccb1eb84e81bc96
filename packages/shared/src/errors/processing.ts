import type { ErrorEntry } from './types';

/** Workflow actions on a dossier after reception (Decree 118/2025). */
export const processingErrors = {
  ACTION_UNKNOWN: {
    status: 400,
    vi: 'Thao tác không tồn tại. Vui lòng chọn một thao tác trong danh sách của hồ sơ.',
    en: 'Unknown action.',
  },
  ACTION_NOT_ALLOWED_IN_STATE: {
    status: 409,
    vi: 'Thao tác này không thực hiện được ở trạng thái hiện tại của hồ sơ. Vui lòng tải lại hồ sơ để xem các thao tác còn được phép.',
    en: 'This action is not allowed in the dossier’s current state.',
  },
  ROLE_NOT_ALLOWED: {
    status: 403,
    vi: 'Vai trò của Ông/Bà tại đơn vị đang giữ hồ sơ không được thực hiện thao tác này.',
    en: 'Your role in the unit holding the dossier does not allow this action.',
  },
  NOT_ASSIGNED_TO_YOU: {
    status: 403,
    vi: 'Hồ sơ đang được phân công cho chuyên viên khác. Chỉ chuyên viên được phân công hoặc lãnh đạo đơn vị mới thao tác được.',
    en: 'The dossier is assigned to another specialist.',
  },
  REASON_REQUIRED: {
    status: 400,
    vi: 'Vui lòng ghi rõ lý do (nội dung này được gửi cho người nộp hồ sơ và lưu trong hồ sơ).',
    en: 'A reason is required for this action.',
  },
  RESULT_REQUIRED: {
    status: 400,
    vi: 'Cần đính kèm văn bản kết quả điện tử (tệp PDF hoặc ảnh đã tải lên) trước khi thực hiện thao tác này.',
    en: 'An electronic result must be attached.',
  },
  RESULT_FILE_INVALID: {
    status: 400,
    vi: 'Không dùng được tệp kết quả này: tệp phải do chính Ông/Bà tải lên cho hồ sơ này.',
    en: 'The result file must be one you uploaded for this dossier.',
  },
  ASSIGNEE_INVALID: {
    status: 400,
    vi: 'Người được phân công phải là chuyên viên xử lý của đơn vị đang giữ hồ sơ.',
    en: 'The assignee must be a specialist of the unit holding the dossier.',
  },
  TRANSFER_UNIT_INVALID: {
    status: 400,
    vi: 'Đơn vị nhận chuyển không hợp lệ: hãy chọn một đơn vị khác với đơn vị đang giữ hồ sơ.',
    en: 'Choose another existing unit to transfer to.',
  },
  AMOUNT_REQUIRED: {
    status: 400,
    vi: 'Vui lòng nhập số tiền nghĩa vụ tài chính (đồng).',
    en: 'The amount of the financial obligation is required.',
  },
  RETURN_CHANNEL_REQUIRED: {
    status: 400,
    vi: 'Vui lòng chọn hình thức trả kết quả: trực tiếp, trực tuyến hoặc qua bưu chính.',
    en: 'Choose how the result was returned.',
  },
  NEW_DUE_DATE_REQUIRED: {
    status: 400,
    vi: 'Vui lòng chọn ngày hẹn trả kết quả mới (là ngày làm việc, sau ngày hẹn cũ).',
    en: 'The new appointment date is required.',
  },
  NEW_DUE_DATE_NOT_WORKING_DAY: {
    status: 400,
    vi: 'Ngày hẹn mới rơi vào ngày nghỉ. Vui lòng chọn một ngày làm việc.',
    en: 'The new appointment date is not a working day.',
  },
  NOTHING_TO_RESUBMIT: {
    status: 400,
    vi: 'Vui lòng tải lên giấy tờ bổ sung hoặc ghi nội dung bổ sung trước khi nộp lại.',
    en: 'Add a document or a note before resubmitting.',
  },
  GUIDANCE_NOT_GIVEN: {
    status: 409,
    vi: 'Hồ sơ đang chờ cán bộ kiểm tra; chưa có yêu cầu bổ sung nào để nộp.',
    en: 'No guidance to complete the dossier was given.',
  },
  RESULT_NOT_AVAILABLE: {
    status: 409,
    vi: 'Hồ sơ chưa có kết quả điện tử để tải về.',
    en: 'The dossier has no electronic result yet.',
  },
  INTAKE_FILES_INVALID: {
    status: 400,
    vi: 'Một số tệp scan không dùng được: tệp phải do chính Ông/Bà tải lên cho lần tiếp nhận này và chưa gắn vào hồ sơ khác.',
    en: 'Some scans are not yours or already belong to another dossier.',
  },
} as const satisfies Record<string, ErrorEntry>;
