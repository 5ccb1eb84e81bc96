import type { ErrorEntry } from './types';

export const receptionErrors = {
  DOSSIER_STATE_CONFLICT: {
    status: 409,
    vi: 'Hồ sơ không còn ở trạng thái "Mới đăng ký" nên không thể tiếp nhận. Vui lòng tải lại danh sách để xem trạng thái hiện tại.',
    en: 'The dossier is no longer awaiting reception.',
  },
  DOSSIER_CHANGED: {
    status: 409,
    vi: 'Hồ sơ vừa được cán bộ khác xử lý. Vui lòng tải lại hồ sơ để xem thay đổi trước khi thao tác tiếp.',
    en: 'Another officer changed this dossier first; reload it.',
  },
  UNIT_IDENTIFIER_MISSING: {
    status: 409,
    vi: 'Đơn vị tiếp nhận chưa có mã định danh nên chưa thể cấp mã hồ sơ. Quản trị viên cần khai báo mã định danh của đơn vị trong mục Quản trị đơn vị.',
    en: 'The receiving unit has no identifier; an administrator must set it before dossiers can be accepted.',
  },
  DOSSIER_CODES_EXHAUSTED: {
    status: 409,
    vi: 'Đơn vị đã dùng hết 9999 mã hồ sơ trong ngày. Vui lòng tiếp nhận tiếp vào ngày làm việc sau hoặc liên hệ quản trị viên.',
    en: 'The unit has used all 9999 dossier codes for today.',
  },
} as const satisfies Record<string, ErrorEntry>;
