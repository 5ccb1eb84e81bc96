/**
 * Reference data of community feedback: the 13 main categories (stable codes; issue 5 §2), a
 * few sub-categories, the department each category escalates to, and the default routing rules.
 *
 * Answer time: 15 working days for every category — the national index's "answer ≤ 15 working
 * days" (DOMAIN.md §6); a province with a shorter promise (Đà Nẵng answers in 3) edits
 * `answer_days` per category.
 *
 * Departments: the standard provincial structure of Nghị định 45/2025/NĐ-CP (units/departments.ts,
 * itself marked "to confirm"): an administrator confirms the mapping before relying on it.
 */
export const FEEDBACK_ANSWER_DAYS = 15;
/** The Provincial People's Committee (UBND tỉnh, a body under province 66): the last level. */
export const PEOPLES_COMMITTEE_CODE = '66-UBND';
/** Escalation target when a category names no department: the Office of the People's Committee. */
export const DEFAULT_DEPARTMENT_CODE = '66-VP';

export interface CategorySeed {
  code: string;
  parentCode: string | null;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  departmentCode: string | null;
}

const main = (
  code: string,
  nameVi: string,
  nameEn: string,
  descriptionVi: string,
  departmentCode: string | null,
): CategorySeed => ({ code, parentCode: null, nameVi, nameEn, descriptionVi, departmentCode });

export const CATEGORY_SEEDS: readonly CategorySeed[] = [
  main('moi-truong', 'Môi trường', 'Environment', 'Rác thải, ô nhiễm', '66-SNNMT'),
  main('giao-thong', 'Giao thông', 'Roads and traffic', 'Đường sá, cầu, biển báo', '66-SXD'),
  main(
    'trat-tu-do-thi',
    'Trật tự đô thị',
    'Urban order',
    'Lấn chiếm, xây dựng trái phép, vỉa hè',
    '66-SXD',
  ),
  main(
    'dien-chieu-sang',
    'Điện, chiếu sáng',
    'Power and lighting',
    'Đèn đường, lưới điện',
    '66-SCT',
  ),
  main(
    'cap-thoat-nuoc',
    'Cấp, thoát nước',
    'Water and drainage',
    'Cấp nước, thoát nước, ngập úng',
    '66-SXD',
  ),
  // Public order is the police's; the provincial police is not among the seeded bodies, so the
  // escalation goes to the People's Committee's office until an administrator adds it.
  main('an-ninh-trat-tu', 'An ninh, trật tự', 'Public order', 'Trật tự công cộng, tiếng ồn', null),
  main('dat-dai', 'Đất đai', 'Land', 'Sử dụng đất, tranh chấp đất đai', '66-SNNMT'),
  main('y-te', 'Y tế', 'Health', 'Y tế, an toàn thực phẩm, dịch bệnh', '66-SYT'),
  main('giao-duc', 'Giáo dục', 'Education', 'Trường học', '66-SGDDT'),
  main(
    'nong-nghiep',
    'Nông nghiệp',
    'Agriculture',
    'Cây trồng, thủy lợi, vật nuôi và dịch bệnh',
    '66-SNNMT',
  ),
  // Labour, war invalids and social affairs moved to the Sở Nội vụ in the 2025 reform.
  main(
    'an-sinh-xa-hoi',
    'An sinh xã hội',
    'Social welfare',
    'Trợ cấp, hộ nghèo, người có công',
    '66-SNV',
  ),
  main(
    'dich-vu-cong',
    'Dịch vụ công',
    'Public services',
    'Dịch vụ công, thái độ của cán bộ',
    '66-SNV',
  ),
  main('khac', 'Khác', 'Other', 'Nội dung khác', null),
  {
    code: 'dien-chieu-sang.luoi-dien',
    parentCode: 'dien-chieu-sang',
    nameVi: 'Lưới điện, mất điện',
    nameEn: 'Power lines and outages',
    descriptionVi: 'Dây điện, cột điện, mất điện',
    departmentCode: '66-SCT',
  },
  {
    code: 'dien-chieu-sang.den-duong',
    parentCode: 'dien-chieu-sang',
    nameVi: 'Đèn đường',
    nameEn: 'Street lights',
    descriptionVi: 'Đèn chiếu sáng công cộng hỏng, không sáng',
    departmentCode: '66-SXD',
  },
];

/** The power company as an external body (kind 'external'), to be confirmed like departments. */
export const POWER_COMPANY = {
  code: '66-PC',
  name: 'Công ty Điện lực Đắk Lắk',
  fullName: 'Công ty Điện lực Đắk Lắk (PC Đắk Lắk, EVNCPC)',
  type: 'đơn vị cung cấp dịch vụ',
  nameEn: 'Dak Lak Power Company',
  source: 'Đơn vị ngoài cơ quan nhà nước nhận phản ánh về lưới điện; quản trị viên cần xác nhận',
};

export interface RuleSeed {
  position: number;
  categoryCode: string | null;
  targetKind: 'unit' | 'commune';
  targetUnitCode: string | null;
  note: string;
}

/**
 * Default rules, first match wins: power lines go to the power company (it owns the grid);
 * everything else, street lights and land disputes included, goes to the commune of the
 * report — the two-level government of 2025 gives communes first-line handling.
 */
export const RULE_SEEDS: readonly RuleSeed[] = [
  {
    position: 10,
    categoryCode: 'dien-chieu-sang.luoi-dien',
    targetKind: 'unit',
    targetUnitCode: POWER_COMPANY.code,
    note: 'Lưới điện thuộc Công ty Điện lực (cần xác nhận đầu mối)',
  },
  {
    position: 1000,
    categoryCode: null,
    targetKind: 'commune',
    targetUnitCode: null,
    note: 'Mặc định: UBND xã, phường nơi xảy ra sự việc',
  },
];

/**
 * Files need an owner: photos of anonymous reports belong to this system row. It is a 'resident'
 * row only because the users table knows two kinds; its OIDC issuer is not a real provider, so
 * nobody can ever sign in as it.
 */
export const ANONYMOUS_REPORTER = {
  id: '00000000-0000-4000-8000-0000000fb001',
  issuer: 'urn:cqs:system',
  subject: 'feedback-anonymous-reporter',
  fullName: 'Người phản ánh ẩn danh (tài khoản hệ thống)',
};
