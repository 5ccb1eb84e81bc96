import {
  commitmentField,
  doc,
  eq,
  L,
  leaf,
  opt,
  requesterFields,
  requesterStepFields,
  truthy,
} from '../common';
import type { FormSchema } from '../types';

/**
 * First land registration and certificate for an ORGANISATION using land: that is what 1.012753
 * covers in the catalogue (households and individuals are 1.013978, served by the generic form).
 * "Đơn đăng ký đất đai, tài sản gắn liền với đất" is Mẫu số 04/ĐK of Decree 101/2024/NĐ-CP; the
 * record also cites Decree 151/2025/NĐ-CP (Mẫu số 15d), which may have re-issued it — unverified.
 */
export const datDaiLanDauForm: FormSchema = {
  id: 'dat-dai-lan-dau',
  procedureCode: '1.012753',
  title: L(
    'Đăng ký đất đai, cấp Giấy chứng nhận lần đầu (tổ chức đang sử dụng đất)',
    'First land registration by an organisation',
  ),
  legalBasis:
    'Đơn đăng ký đất đai, tài sản gắn liền với đất – Mẫu số 04/ĐK ban hành kèm Nghị định 101/2024/NĐ-CP (sửa đổi theo Nghị định 151/2025/NĐ-CP)',
  origin: 'handwritten',
  fields: [
    ...requesterFields(),
    leaf('text', 'organisationName', L('Tên tổ chức sử dụng đất', 'Organisation'), {
      minLength: 3,
      maxLength: 200,
    }),
    leaf('text', 'taxCode', L('Mã số thuế / mã số doanh nghiệp', 'Tax or enterprise code'), {
      pattern: {
        regex: '\\d{10}(-\\d{3})?',
        messageVi: 'Mã số gồm 10 chữ số (hoặc 10 chữ số, gạch ngang và 3 chữ số cho chi nhánh).',
        messageEn: '10 digits, optionally -NNN',
      },
    }),
    leaf(
      'text',
      'representativePosition',
      L('Chức vụ người đại diện', "Representative's position"),
      { maxLength: 100 },
    ),
    leaf(
      'radio',
      'viaAgent',
      L('Thực hiện thông qua người đại diện theo ủy quyền', 'Through an authorised agent'),
      {
        options: [opt('khong', 'Không', 'No'), opt('co', 'Có', 'Yes')],
      },
    ),
    leaf('address', 'landAddress', L('Địa chỉ thửa đất', 'Parcel address')),
    leaf('unit', 'landCommune', L('Xã, phường nơi có đất', 'Commune of the parcel')),
    leaf('text', 'mapSheet', L('Tờ bản đồ số', 'Map sheet no.'), {
      required: false,
      maxLength: 20,
    }),
    leaf('text', 'parcelNumber', L('Thửa đất số', 'Parcel no.'), {
      required: false,
      maxLength: 20,
    }),
    leaf('number', 'area', L('Diện tích (m²)', 'Area (m²)'), { min: 0.1, max: 1e9 }),
    leaf('text', 'landUse', L('Mục đích sử dụng đất', 'Land use')),
    leaf('text', 'useOrigin', L('Nguồn gốc sử dụng đất', 'Origin of the use right')),
    leaf('date', 'useSince', L('Thời điểm bắt đầu sử dụng đất', 'In use since'), {
      notFuture: true,
    }),
    leaf(
      'radio',
      'hasAssets',
      L('Đăng ký tài sản gắn liền với đất', 'Register buildings or other assets'),
      {
        options: [opt('khong', 'Không', 'No'), opt('co', 'Có', 'Yes')],
      },
    ),
    leaf('textarea', 'assetDescription', L('Mô tả tài sản gắn liền với đất', 'Assets'), {
      showIf: [eq('hasAssets', 'co')],
      maxLength: 2000,
    }),
    leaf(
      'checkbox',
      'sharedRight',
      L('Có nhiều người chung quyền sử dụng đất, chung quyền sở hữu tài sản', 'Several co-holders'),
      { required: false },
    ),
    leaf(
      'checkbox',
      'defenceUnit',
      L('Đơn vị thuộc Quân đội nhân dân, Công an nhân dân', 'Army or police unit'),
      { required: false },
    ),
    leaf(
      'checkbox',
      'requestCertificate',
      L('Đề nghị cấp Giấy chứng nhận', 'Request the certificate'),
      { required: false },
    ),
    commitmentField(),
  ],
  steps: [
    {
      id: 'representative',
      title: L('Người đại diện', 'Representative'),
      fields: [...requesterStepFields, 'representativePosition', 'viaAgent'],
    },
    {
      id: 'organisation',
      title: L('Tổ chức sử dụng đất', 'Organisation'),
      fields: ['organisationName', 'taxCode', 'defenceUnit'],
    },
    {
      id: 'parcel',
      title: L('Thửa đất', 'The parcel'),
      fields: [
        'landAddress',
        'landCommune',
        'mapSheet',
        'parcelNumber',
        'area',
        'landUse',
        'useOrigin',
        'useSince',
      ],
    },
    {
      id: 'assets',
      title: L('Tài sản và đề nghị', 'Assets and request'),
      fields: ['hasAssets', 'assetDescription', 'sharedRight', 'requestCertificate', 'commitment'],
    },
  ],
  documents: [
    doc(
      'statusReport',
      L(
        'Báo cáo kết quả rà soát hiện trạng sử dụng đất (Mẫu số 15d, Nghị định 151/2025/NĐ-CP)',
        'Land-use status report',
      ),
      { copies: 1 },
    ),
    doc(
      'cadastralExtract',
      L(
        'Sơ đồ, trích lục bản đồ địa chính hoặc mảnh trích đo thửa đất (nếu có)',
        'Cadastral map extract',
      ),
      { copies: 1, required: false },
    ),
    doc(
      'agentDocument',
      L('Văn bản về việc đại diện theo quy định của pháp luật dân sự', 'Proof of representation'),
      {
        copies: 1,
        showIf: [eq('viaAgent', 'co')],
      },
    ),
    doc(
      'sharedAgreement',
      L('Văn bản thỏa thuận cấp chung một Giấy chứng nhận', 'Agreement on one joint certificate'),
      {
        copies: 1,
        showIf: [truthy('sharedRight')],
      },
    ),
    doc(
      'defenceDecision',
      L(
        'Quyết định vị trí đóng quân hoặc văn bản giao cơ sở nhà đất, địa điểm công trình quốc phòng, an ninh',
        'Stationing decision',
      ),
      {
        copies: 1,
        showIf: [truthy('defenceUnit')],
      },
    ),
    doc(
      'financialReceipts',
      L(
        'Chứng từ thực hiện nghĩa vụ tài chính, giấy tờ miễn, giảm (nếu có)',
        'Receipts of land charges',
      ),
      { copies: 1, required: false },
    ),
  ],
  review: [
    'organisationName',
    'taxCode',
    'requesterName',
    'representativePosition',
    'landAddress',
    'landCommune',
    'mapSheet',
    'parcelNumber',
    'area',
    'landUse',
    'useOrigin',
    'useSince',
    'hasAssets',
    'assetDescription',
  ],
};
