import { AppError } from '../../http/errors';

export class UnitNotFoundError extends AppError {
  constructor(code: string) {
    super('UNIT_NOT_FOUND', { messageVi: `Không tìm thấy đơn vị hành chính có mã "${code}".` });
  }
}

export class PointOutsideProvinceError extends AppError {
  constructor() {
    super('POINT_OUTSIDE_PROVINCE');
  }
}
