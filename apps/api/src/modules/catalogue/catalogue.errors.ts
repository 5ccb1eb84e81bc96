import { AppError } from '../../http/errors';

export class ProcedureNotFoundError extends AppError {
  constructor(code: string) {
    super('PROCEDURE_NOT_FOUND', {
      messageVi: `Không tìm thấy thủ tục hành chính có mã "${code}". Vui lòng kiểm tra lại mã hoặc tìm theo tên thủ tục.`,
    });
  }
}

export class ProcedureVersionConflictError extends AppError {
  constructor(current: number) {
    super('PROCEDURE_VERSION_CONFLICT', {
      messageVi: `Thủ tục vừa được cập nhật lên phiên bản ${current}. Vui lòng tải lại trang, xem phiên bản hiện hành rồi thực hiện lại.`,
    });
  }
}

export class EffectiveFromInvalidError extends AppError {
  constructor() {
    super('PROCEDURE_EFFECTIVE_FROM_INVALID', {
      fields: [
        {
          path: 'effectiveFrom',
          message:
            'Ngày hiệu lực không được trước thời điểm hiện tại và không được trước ngày hiệu lực của phiên bản mới nhất',
        },
      ],
    });
  }
}

export class ResponsibleUnitUnknownError extends AppError {
  constructor(code: string) {
    super('PROCEDURE_UNIT_UNKNOWN', {
      messageVi: `Không có đơn vị phụ trách với mã "${code}". Vui lòng chọn đơn vị từ danh sách đơn vị của tỉnh.`,
      fields: [{ path: 'responsibleUnitCode', message: 'Mã đơn vị không tồn tại' }],
    });
  }
}
