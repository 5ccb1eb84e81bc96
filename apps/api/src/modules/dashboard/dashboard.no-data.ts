/**
 * Components of the service index our data cannot measure (DOMAIN.md §5), each with its reason:
 * shown as "no data" instead of a guessed number.
 */
import type { DashboardText, NoDataComponent, ServiceIndexComponentKey } from '@cqs/shared';

const T = (vi: string, en: string): DashboardText => ({ vi, en });

function noData(
  spec: Omit<NoDataComponent, 'status' | 'reason'>,
  reason: DashboardText,
): NoDataComponent {
  return { ...spec, status: 'no_data', reason };
}

const NOT_RECORDED = (what: string, whatEn: string) =>
  T(
    `Hệ thống chưa ghi nhận ${what} nên không tính được; không ước đoán.`,
    `The platform does not record ${whatEn}, so it cannot be computed; no estimate is shown.`,
  );

export const noDataComponents = {
  transparency: noData(
    {
      key: 'transparency',
      maxPoints: 18,
      label: T('Công khai, minh bạch', 'Transparency'),
      definition: T(
        'Công khai thủ tục, đồng bộ trạng thái hồ sơ lên Cổng Dịch vụ công quốc gia.',
        'Publication of procedures and of dossier status on the national portal.',
      ),
    },
    T(
      'Điểm nhóm này do Cổng Dịch vụ công quốc gia chấm từ dữ liệu của Cổng; hệ thống tỉnh không có số liệu đối chiếu.',
      'The national portal scores this group from its own records; the province platform has no matching data.',
    ),
  ),
  payment_integrated: noData(
    {
      key: 'payment_integrated',
      maxPoints: 2,
      label: T('Thủ tục có phí tích hợp thanh toán', 'Fee-bearing procedures integrated'),
      definition: T(
        'Thủ tục có phí, lệ phí đã tích hợp thanh toán trực tuyến ÷ thủ tục có phí. Ngưỡng 80 %.',
        'Fee-bearing procedures integrated for online payment ÷ fee-bearing procedures. Threshold 80 %.',
      ),
    },
    NOT_RECORDED(
      'việc tích hợp thanh toán theo từng thủ tục (tài khoản thu được cấu hình theo đơn vị)',
      'payment integration per procedure (collection accounts are configured per unit)',
    ),
  ),
  data_reuse: noData(
    {
      key: 'data_reuse',
      maxPoints: 2,
      label: T('Tái sử dụng dữ liệu số hóa', 'Reuse of digitised data'),
      definition: T(
        'Hồ sơ dùng lại giấy tờ đã số hóa thay vì nộp lại. Ngưỡng 80 %.',
        'Dossiers reusing already digitised documents. Threshold 80 %.',
      ),
    },
    NOT_RECORDED('việc dùng lại giấy tờ đã số hóa', 'the reuse of digitised documents'),
  ),
  personal_data_store: noData(
    {
      key: 'personal_data_store',
      maxPoints: 4,
      label: T('Liên kết kho dữ liệu cá nhân', 'Linked to the personal data store'),
      definition: T(
        'Kết quả được đưa vào kho dữ liệu cá nhân của công dân.',
        'Results placed in the citizen’s personal data store.',
      ),
    },
    NOT_RECORDED('liên kết với kho dữ liệu cá nhân', 'links to the personal data store'),
  ),
  population_data: noData(
    {
      key: 'population_data',
      maxPoints: 2,
      label: T('Khai thác dữ liệu dân cư', 'Use of population data'),
      definition: T(
        'Hồ sơ khai thác Cơ sở dữ liệu quốc gia về dân cư.',
        'Dossiers that used the national population database.',
      ),
    },
    NOT_RECORDED(
      'việc tra cứu Cơ sở dữ liệu quốc gia về dân cư',
      'look-ups in the national population database',
    ),
  ),
  digitisation_unspecified: noData(
    {
      key: 'digitisation_unspecified',
      maxPoints: 2,
      label: T('Phần điểm chưa mô tả', 'Points not described'),
      definition: T(
        'Nhóm số hóa có 22 điểm; các thành phần được mô tả cộng lại 20 điểm.',
        'The digitisation group has 22 points; the described components add up to 20.',
      ),
    },
    T(
      'DOMAIN.md §5 chỉ mô tả 20 trên 22 điểm của nhóm này.',
      'DOMAIN.md §5 describes only 20 of this group’s 22 points.',
    ),
  ),
} satisfies Partial<Record<ServiceIndexComponentKey, NoDataComponent>>;
