/**
 * Provincial bodies of Đắk Lắk (code 66) that are not communes: the Provincial People's
 * Committee, the provincial Public Administration Service Centre and the specialised
 * agencies (sở and equivalents) of the standard structure in Nghị định 45/2025/NĐ-CP, Điều 9,
 * for provinces after the 2025 reform.
 *
 * This is the standard national structure, not a verified list of Đắk Lắk's actual agencies:
 * an administrator must confirm it (hence the `source` text). Kinds:
 * - every body is `department`, including the People's Committee itself (UBND tỉnh): it is a
 *   provincial body that receives and handles cases, not an administrative area, and the
 *   `province` kind is reserved for the territorial unit (code 66);
 * - the service centre is `service_centre` (one-stop shop receiving applications).
 *
 * Codes are stable, readable and namespaced by the province code: `66-<abbreviation>`.
 * `altSpellings` holds the other tone-mark placement (hóa/hoá, ủy/uỷ) and common
 * abbreviations, so that search finds what people actually type.
 */

export const DEPARTMENT_SOURCE =
  'Nghị định 45/2025/NĐ-CP, Điều 9 (cơ cấu chuẩn; danh sách của Đắk Lắk cần quản trị viên xác nhận)';

export const PROVINCE_CODE = '66';
const PROVINCE_SUFFIX = 'tỉnh Đắk Lắk';
const PROVINCE_EN = 'Dak Lak';

export interface ProvincialBody {
  /** `66-…` */
  code: string;
  kind: 'department' | 'service_centre';
  /** Short name, e.g. "Sở Nội vụ". */
  name: string;
  /** Name with the province, e.g. "Sở Nội vụ tỉnh Đắk Lắk". */
  fullName: string;
  /** Kind of body in Vietnamese, e.g. "sở". */
  type: string;
  nameEn: string;
  altSpellings: string[];
}

interface BodyDefinition {
  abbreviation: string;
  kind: ProvincialBody['kind'];
  name: string;
  type: string;
  nameEn: string;
  /** Full name when it is not simply `${name} tỉnh Đắk Lắk`. */
  fullName?: string;
  altSpellings?: string[];
}

const DEFINITIONS: readonly BodyDefinition[] = [
  {
    abbreviation: 'UBND',
    kind: 'department',
    name: 'Ủy ban nhân dân tỉnh Đắk Lắk',
    fullName: 'Ủy ban nhân dân tỉnh Đắk Lắk',
    type: 'ủy ban nhân dân tỉnh',
    nameEn: `${PROVINCE_EN} Provincial People's Committee`,
    altSpellings: ['Uỷ ban nhân dân tỉnh Đắk Lắk', 'UBND tỉnh Đắk Lắk', 'UBND tỉnh'],
  },
  {
    abbreviation: 'TTPVHCC',
    kind: 'service_centre',
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
    fullName: 'Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk',
    type: 'trung tâm phục vụ hành chính công',
    nameEn: `${PROVINCE_EN} Provincial Public Administration Service Centre`,
    altSpellings: ['Trung tâm Hành chính công tỉnh Đắk Lắk', 'TTPVHCC', 'Bộ phận Một cửa tỉnh'],
  },
  {
    abbreviation: 'VP',
    kind: 'department',
    name: 'Văn phòng Ủy ban nhân dân tỉnh',
    fullName: 'Văn phòng Ủy ban nhân dân tỉnh Đắk Lắk',
    type: 'văn phòng',
    nameEn: `Office of the ${PROVINCE_EN} Provincial People's Committee`,
    altSpellings: ['Văn phòng Uỷ ban nhân dân tỉnh Đắk Lắk', 'Văn phòng UBND tỉnh'],
  },
  {
    abbreviation: 'SNV',
    kind: 'department',
    name: 'Sở Nội vụ',
    type: 'sở',
    nameEn: 'Department of Home Affairs',
  },
  {
    abbreviation: 'STP',
    kind: 'department',
    name: 'Sở Tư pháp',
    type: 'sở',
    nameEn: 'Department of Justice',
  },
  {
    abbreviation: 'STC',
    kind: 'department',
    name: 'Sở Tài chính',
    type: 'sở',
    nameEn: 'Department of Finance',
  },
  {
    abbreviation: 'SCT',
    kind: 'department',
    name: 'Sở Công Thương',
    type: 'sở',
    nameEn: 'Department of Industry and Trade',
  },
  {
    abbreviation: 'SNNMT',
    kind: 'department',
    name: 'Sở Nông nghiệp và Môi trường',
    type: 'sở',
    nameEn: 'Department of Agriculture and Environment',
    altSpellings: ['Sở NN&MT'],
  },
  {
    abbreviation: 'SXD',
    kind: 'department',
    name: 'Sở Xây dựng',
    type: 'sở',
    nameEn: 'Department of Construction',
  },
  {
    abbreviation: 'SKHCN',
    kind: 'department',
    name: 'Sở Khoa học và Công nghệ',
    type: 'sở',
    nameEn: 'Department of Science and Technology',
    altSpellings: ['Sở KH&CN'],
  },
  {
    abbreviation: 'SVHTTDL',
    kind: 'department',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    type: 'sở',
    nameEn: 'Department of Culture, Sports and Tourism',
    altSpellings: ['Sở Văn hoá, Thể thao và Du lịch', 'Sở VHTTDL'],
  },
  {
    abbreviation: 'SGDDT',
    kind: 'department',
    name: 'Sở Giáo dục và Đào tạo',
    type: 'sở',
    nameEn: 'Department of Education and Training',
    altSpellings: ['Sở GD&ĐT'],
  },
  {
    abbreviation: 'SYT',
    kind: 'department',
    name: 'Sở Y tế',
    type: 'sở',
    nameEn: 'Department of Health',
  },
  {
    abbreviation: 'TTR',
    kind: 'department',
    name: 'Thanh tra tỉnh',
    fullName: 'Thanh tra tỉnh Đắk Lắk',
    type: 'thanh tra',
    nameEn: `${PROVINCE_EN} Provincial Inspectorate`,
  },
  {
    abbreviation: 'SDTTG',
    kind: 'department',
    name: 'Sở Dân tộc và Tôn giáo',
    type: 'sở',
    nameEn: 'Department of Ethnic Minority and Religious Affairs',
  },
];

/** The 15 provincial bodies, People's Committee and service centre first. */
export const PROVINCIAL_BODIES: readonly ProvincialBody[] = DEFINITIONS.map((d) => ({
  code: `${PROVINCE_CODE}-${d.abbreviation}`,
  kind: d.kind,
  name: d.name,
  fullName: d.fullName ?? `${d.name} ${PROVINCE_SUFFIX}`,
  type: d.type,
  nameEn: d.nameEn.includes(PROVINCE_EN) ? d.nameEn : `${PROVINCE_EN} ${d.nameEn}`,
  altSpellings: d.altSpellings ?? [],
}));
