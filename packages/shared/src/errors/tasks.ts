import type { ErrorEntry } from './types';

/** Errors of directive tasks ("giao nhiệm vụ", issue 7 item 3). */
export const tasksErrors = {
  TASK_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy nhiệm vụ này, hoặc nhiệm vụ không thuộc phạm vi của đơn vị bạn.',
    en: 'Task not found.',
  },
  TASK_ASSIGNMENT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy phần việc được giao này, hoặc phần việc không thuộc phạm vi của đơn vị bạn.',
    en: 'Task assignment not found.',
  },
  TASK_EXTENSION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đề nghị gia hạn này, hoặc đề nghị không thuộc phạm vi của đơn vị bạn.',
    en: 'Extension request not found.',
  },
  TASK_ASSIGNER_UNIT_REQUIRED: {
    status: 400,
    vi: 'Bạn là lãnh đạo của nhiều đơn vị (hoặc chưa là lãnh đạo đơn vị nào): hãy chọn đơn vị giao nhiệm vụ.',
    en: 'Choose the assigning unit (fromUnitCode).',
  },
  TASK_NO_ASSIGNEE: {
    status: 400,
    vi: 'Cần chọn ít nhất một đơn vị được giao nhiệm vụ.',
    en: 'Choose at least one assignee unit.',
  },
  TASK_ASSIGNEE_DUPLICATE: {
    status: 400,
    vi: 'Một đơn vị được chọn hai lần trong danh sách đơn vị được giao.',
    en: 'A unit appears twice among the assignees.',
  },
  TASK_ASSIGNEE_OUT_OF_SCOPE: {
    status: 403,
    vi: 'Chỉ được giao nhiệm vụ cho đơn vị mình hoặc các đơn vị trực thuộc (xã không giao cho tỉnh hay xã khác).',
    en: 'An assignee unit is outside the assigning unit.',
  },
  TASK_DEADLINE_REQUIRED: {
    status: 400,
    vi: 'Cần cho biết hạn hoàn thành: một ngày cụ thể hoặc số ngày làm việc (chỉ một trong hai).',
    en: 'Give either a deadline date or a number of working days.',
  },
  TASK_DEADLINE_IN_PAST: {
    status: 400,
    vi: 'Hạn hoàn thành đã qua. Vui lòng chọn ngày từ hôm nay trở đi (hạn kết thúc lúc hết giờ làm việc của ngày đó).',
    en: 'The deadline is in the past.',
  },
  TASK_DEADLINE_NOT_WORKING_DAY: {
    status: 400,
    vi: 'Hạn hoàn thành phải là ngày làm việc (không phải thứ Bảy, Chủ nhật hay ngày nghỉ lễ).',
    en: 'The deadline must be a working day.',
  },
  TASK_PERCENT_OUT_OF_RANGE: {
    status: 400,
    vi: 'Tỷ lệ hoàn thành phải từ 0 đến 100 (%).',
    en: 'Percent must be between 0 and 100.',
  },
  TASK_CLOSED: {
    status: 409,
    vi: 'Nhiệm vụ đã bị hủy hoặc phần việc đã hoàn thành nên không thể cập nhật thêm.',
    en: 'The task is cancelled or the assignment is already done.',
  },
  TASK_ALREADY_CANCELLED: {
    status: 409,
    vi: 'Nhiệm vụ này đã được hủy trước đó.',
    en: 'The task is already cancelled.',
  },
  TASK_EXTENSION_PENDING: {
    status: 409,
    vi: 'Phần việc này đang có một đề nghị gia hạn chờ quyết định.',
    en: 'An extension request is already pending.',
  },
  TASK_EXTENSION_NOT_LATER: {
    status: 400,
    vi: 'Hạn mới đề nghị phải sau hạn hiện tại.',
    en: 'The requested deadline must be later than the current one.',
  },
  TASK_EXTENSION_ALREADY_DECIDED: {
    status: 409,
    vi: 'Đề nghị gia hạn này đã được quyết định (đồng ý hoặc từ chối) trước đó.',
    en: 'The extension request was already decided.',
  },
} as const satisfies Record<string, ErrorEntry>;
