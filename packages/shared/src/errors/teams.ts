import type { ErrorEntry } from './types';

/** Errors of the community digital technology teams (DOMAIN.md §8). */
export const teamsErrors = {
  TEAM_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy tổ công nghệ số cộng đồng này, hoặc tổ không thuộc phạm vi quản lý của bạn.',
    en: 'Team not found.',
  },
  TEAM_MEMBER_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy thành viên này, hoặc thành viên không thuộc phạm vi quản lý của bạn.',
    en: 'Team member not found.',
  },
  TEAM_NAME_TAKEN: {
    status: 409,
    vi: 'Xã/phường này đã có một tổ cùng tên. Vui lòng đặt tên khác (ví dụ thêm tên thôn).',
    en: 'The commune already has a team with this name.',
  },
  TEAM_UNIT_NOT_COMMUNE: {
    status: 400,
    vi: 'Tổ công nghệ số cộng đồng phải thuộc một xã, phường hoặc đặc khu.',
    en: 'A team belongs to a commune-level unit.',
  },
  TEAM_MEMBER_INACTIVE: {
    status: 409,
    vi: 'Thành viên hoặc tổ đã ngừng hoạt động nên không ghi nhận thêm hoạt động.',
    en: 'The member or team is inactive.',
  },
  TEAM_MEMBERSHIP_REQUIRED: {
    status: 403,
    vi: 'Tài khoản của bạn chưa được gắn với thành viên nào của tổ công nghệ số cộng đồng (hoặc gắn với nhiều người — hãy chọn thành viên). Vui lòng liên hệ cán bộ xã.',
    en: 'Your account is not linked to one team member.',
  },
  TEAM_USER_NOT_OFFICER: {
    status: 400,
    vi: 'Tài khoản được gắn phải là tài khoản cán bộ có vai trò thành viên tổ công nghệ số cộng đồng tại xã này.',
    en: 'The linked account must be a community team member account of this commune.',
  },
  TEAM_DOSSIER_NOT_FOUND: {
    status: 400,
    vi: 'Không tìm thấy hồ sơ được gắn với hoạt động này. Vui lòng kiểm tra lại mã hồ sơ.',
    en: 'The linked dossier was not found.',
  },
  TEAM_IMPORT_FILE_INVALID: {
    status: 400,
    vi: 'Không đọc được tệp. Vui lòng dùng tệp mẫu (.xlsx) hoặc tệp CSV mã UTF-8 có dòng tiêu đề.',
    en: 'The file could not be read (use the .xlsx template or a UTF-8 CSV with a header row).',
  },
  TEAM_IMPORT_TOO_LARGE: {
    status: 413,
    vi: 'Tệp quá lớn (tối đa 5 MB và 20.000 dòng mỗi lần). Vui lòng chia thành nhiều tệp.',
    en: 'The file is too large (5 MB and 20,000 rows at most).',
  },
  TEAM_IMPORT_ALREADY_COMMITTED: {
    status: 409,
    vi: 'Tệp này đã được nhập trước đó; nhập lại sẽ tạo hoạt động trùng. Nếu cần sửa, hãy sửa tệp rồi nhập lại.',
    en: 'This exact file was already imported.',
  },
} as const satisfies Record<string, ErrorEntry>;
