// Contract-shaped answers for endpoints the API does not serve yet (used only when it answers 404).
const now = new Date();
const day = (offset: number) => {
  const d = new Date(now.getTime() + offset * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T17:00:00+07:00`;
};

export const DOSSIER_ID = '5b0f6a8e-3c1d-4e2f-9a7b-1c2d3e4f5a6b';
export const SPECIALIST_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

const item = (
  n: number,
  band: string,
  statusCode: number,
  statusLabel: string,
  dueOffset: number | null,
  assignee: string | null,
  name: string,
  proc: string,
  step: string | null = 'appraisal',
) => ({
  id:
    n === 1
      ? DOSSIER_ID
      : `5b0f6a8e-3c1d-4e2f-9a7b-1c2d3e4f5a${(10 + n).toString(16).padStart(2, '0')}`,
  code: `H15.50.05.13-2611${20 + n}-00${10 + n}`,
  reference: `TN-2611${20 + n}-ABC${100 + n}`,
  procedureCode: '1.001193',
  procedureName: proc,
  applicantName: name,
  applicantCitizenIdMasked: `066*******${10 + n}`,
  statusCode,
  statusLabel,
  state: 'processing',
  step,
  stepDueAt: null,
  dueAt: dueOffset === null ? null : day(dueOffset),
  band,
  assignee: assignee ? { id: SPECIALIST_ID, name: assignee } : null,
  handlingUnitCode: '24373',
  rowVersion: 3,
});

export const workQueue = {
  items: [
    item(
      1,
      'overdue',
      4,
      'Đang xử lý',
      -2,
      "H'Yam Êban (demo)",
      'Nguyễn Thị Hoa',
      'Thủ tục đăng ký khai sinh',
    ),
    item(2, 'due_soon', 4, 'Đang xử lý', 2, null, 'Y Bih Niê', 'Thủ tục đăng ký kết hôn'),
    item(3, 'within', 2, 'Được tiếp nhận', 9, null, 'Trần Văn Nam', 'Đăng ký thường trú', null),
    item(
      4,
      'paused',
      5,
      'Yêu cầu bổ sung giấy tờ',
      6,
      "H'Yam Êban (demo)",
      'Lê Thị Mai',
      'Cấp bản sao trích lục hộ tịch',
    ),
  ],
  total: 4,
  counts: { overdue: 1, dueSoon: 1, within: 1, paused: 1 },
};

export const unitOfficers = {
  items: [
    { id: SPECIALIST_ID, name: "H'Yam Êban (demo)", roles: ['receiving_officer', 'specialist'] },
    { id: 'b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', name: 'Phạm Văn Tâm', roles: ['specialist'] },
  ],
};

export const bulkAssign = (ids: string[]) => ({
  items: ids.map((id, i) => ({
    id,
    ok: i !== 1,
    rowVersion: i !== 1 ? 4 : null,
    error:
      i !== 1
        ? null
        : {
            code: 'DOSSIER_CHANGED',
            message:
              'Hồ sơ vừa được cán bộ khác cập nhật. Vui lòng tải lại để xem tình trạng mới nhất.',
          },
  })),
});

export const workspace = {
  id: DOSSIER_ID,
  reference: 'TN-261121-ABC101',
  code: 'H15.50.05.13-261121-0011',
  procedureCode: '1.001193',
  procedureName: 'Thủ tục đăng ký khai sinh',
  procedureVersion: 1,
  channel: 2,
  statusCode: 4,
  statusLabel: 'Đang xử lý',
  state: 'processing',
  step: 'appraisal',
  stepLabel: 'Thẩm định hồ sơ',
  stepDueAt: day(1),
  receivingUnit: { code: '24373', name: 'Xã Ea Kar' },
  handlingUnit: { code: '24373', name: 'Xã Ea Kar' },
  assignee: { id: SPECIALIST_ID, name: "H'Yam Êban (demo)" },
  applicant: {
    name: 'Nguyễn Thị Hoa',
    citizenIdMasked: '066*******11',
    phone: '0905123456',
    email: 'hoa.nguyen@example.vn',
  },
  answers: {
    hoTenTre: 'Nguyễn Minh An',
    ngaySinh: '2026-11-02',
    gioiTinh: 'Nữ',
    noiSinh: 'Trạm y tế xã Ea Kar',
    hoTenMe: 'Nguyễn Thị Hoa',
    hoTenCha: 'Trần Văn Bình',
    nhanBanSao: true,
  },
  documents: [
    {
      id: 'c1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      name: 'giay-chung-sinh.pdf',
      mediaType: 'application/pdf',
      size: 182_344,
      purpose: 'giay-chung-sinh',
      uploadedAt: day(-5),
    },
    {
      id: 'd1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      name: 'can-cuoc-me.jpg',
      mediaType: 'image/jpeg',
      size: 421_002,
      purpose: 'scan',
      uploadedAt: day(-5),
    },
  ],
  submittedAt: day(-6),
  acceptedAt: day(-5),
  dueAt: day(-2),
  apologyDueAt: null,
  band: 'overdue',
  pausedSince: null,
  supplementRequests: 0,
  countedLate: false,
  feeVnd: null,
  paymentState: 'not_required',
  outcome: null,
  resultId: null,
  returnedAt: null,
  returnChannel: null,
  rowVersion: 3,
  timeline: [
    {
      id: 1,
      type: 'submitted',
      label: 'Nộp hồ sơ trực tuyến',
      statusCode: 1,
      at: day(-6),
      actorName: 'Nguyễn Thị Hoa',
      unitName: null,
      note: null,
      public: true,
      stepDueAt: null,
    },
    {
      id: 2,
      type: 'accepted',
      label: 'Tiếp nhận hồ sơ',
      statusCode: 2,
      at: day(-5),
      actorName: "H'Yam Êban (demo)",
      unitName: 'Xã Ea Kar',
      note: null,
      public: true,
      stepDueAt: null,
    },
    {
      id: 3,
      type: 'assigned',
      label: 'Phân công chuyên viên xử lý',
      statusCode: 4,
      at: day(-5),
      actorName: 'Y Kông Niê (demo)',
      unitName: 'Xã Ea Kar',
      note: 'Ưu tiên xử lý trong tuần.',
      public: false,
      stepDueAt: day(1),
    },
  ],
  allowedActions: [
    {
      name: 'request_supplement',
      label: 'Yêu cầu bổ sung hồ sơ',
      fields: ['reason', 'documents'],
      required: ['reason', 'documents'],
      form: '02',
    },
    {
      name: 'transfer',
      label: 'Chuyển đơn vị khác',
      fields: ['toUnitCode', 'stepWorkingDays', 'reason'],
      required: ['toUnitCode'],
      form: null,
    },
    {
      name: 'apologise',
      label: 'Xin lỗi, hẹn lại ngày trả',
      fields: ['reason', 'newDueDate'],
      required: ['reason', 'newDueDate'],
      form: '04',
    },
    {
      name: 'submit_for_signature',
      label: 'Trình ký',
      fields: ['resultFileId', 'reason'],
      required: ['resultFileId'],
      form: null,
    },
    {
      name: 'notify_financial_obligation',
      label: 'Thông báo nghĩa vụ tài chính',
      fields: ['amountVnd', 'reason'],
      required: ['amountVnd'],
      form: null,
    },
    {
      name: 'return_result',
      label: 'Trả kết quả',
      fields: ['channel'],
      required: ['channel'],
      form: null,
    },
    {
      name: 'reassign',
      label: 'Phân công lại',
      fields: ['assigneeId', 'stepWorkingDays'],
      required: ['assigneeId'],
      form: null,
    },
  ],
  forms: ['01', '05'],
};

export const residentSession = {
  authenticated: true,
  csrfToken: 'x',
  user: {
    kind: 'resident',
    id: 'r1',
    fullName: 'Nguyễn Thị Hoa',
    communeCode: '24373',
    communeName: 'Xã Ea Kar',
    assuranceLevel: 2,
    citizenIdMasked: '066*******11',
  },
};

export const residentDetail = (variant: 'supplement' | 'result') => ({
  id: DOSSIER_ID,
  reference: 'TN-261121-ABC101',
  code: 'H15.50.05.13-261121-0011',
  procedureCode: '1.001193',
  procedureName: 'Thủ tục đăng ký khai sinh',
  statusCode: variant === 'supplement' ? 5 : 10,
  statusLabel: variant === 'supplement' ? 'Yêu cầu bổ sung giấy tờ' : 'Đã trả kết quả',
  receivingUnitName: 'Xã Ea Kar',
  submittedAt: day(-6),
  dueAt: day(-2),
  procedureVersion: 1,
  feeVnd: null,
  paymentState: 'not_required',
  nextStep:
    variant === 'supplement'
      ? 'Bạn cần nộp bổ sung giấy tờ theo yêu cầu để hồ sơ được tiếp tục giải quyết.'
      : 'Hồ sơ đã có kết quả. Bạn có thể tải kết quả điện tử.',
  timeline: [
    { type: 'submitted', label: 'Nộp hồ sơ trực tuyến', statusCode: 1, at: day(-6), note: null },
    { type: 'accepted', label: 'Được tiếp nhận', statusCode: 2, at: day(-5), note: null },
  ],
  rating: null,
  pendingRequest:
    variant === 'supplement'
      ? {
          kind: 'supplement',
          note: 'Bản chụp giấy chứng sinh bị mờ, không đọc được họ tên người mẹ.',
          documents: ['Giấy chứng sinh (bản chụp rõ nét)', 'Căn cước của người mẹ (mặt sau)'],
          at: day(-1),
        }
      : null,
  apologyDueAt: variant === 'result' ? day(3) : null,
  result:
    variant === 'result'
      ? { id: 'e1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', outcome: 'approved' }
      : null,
  canWithdraw: variant === 'supplement',
  forms: variant === 'supplement' ? ['01', '02'] : ['01', '04'],
});

/** Two online submissions waiting at the counter (shown only when the real queue is empty). */
export const receptionQueue = {
  items: [
    {
      id: '6b0f6a8e-3c1d-4e2f-9a7b-1c2d3e4f5a01',
      reference: 'TN-261128-QK7M2P',
      procedureCode: '1.001193',
      procedureName: 'Thủ tục đăng ký khai sinh',
      applicantName: 'Lê Thị Thu',
      applicantCitizenIdMasked: '066*******45',
      submittedAt: day(-1),
      channel: 2,
      rowVersion: 1,
    },
    {
      id: '6b0f6a8e-3c1d-4e2f-9a7b-1c2d3e4f5a02',
      reference: 'TN-261128-ZX4T9L',
      procedureCode: '1.004222',
      procedureName: 'Đăng ký thường trú',
      applicantName: 'Y Moan Ênuôl',
      applicantCitizenIdMasked: '066*******78',
      submittedAt: day(0),
      channel: 2,
      rowVersion: 1,
    },
  ],
};
