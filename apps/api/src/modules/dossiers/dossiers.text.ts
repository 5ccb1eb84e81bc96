import { dossierStatusLabels } from '@cqs/shared';

export function statusLabel(statusCode: number): string {
  return dossierStatusLabels[statusCode]?.vi ?? `Trạng thái ${statusCode}`;
}

/** Event types → the words a resident reads on the timeline. */
const eventLabels: Record<string, string> = {
  submitted: 'Đã nộp hồ sơ trực tuyến',
  payment_received: 'Đã thanh toán phí, lệ phí trực tuyến',
  accepted: 'Được tiếp nhận',
  guide_to_complete: 'Cán bộ hướng dẫn bổ sung, hoàn thiện hồ sơ',
  complete_after_guidance: 'Đã bổ sung hồ sơ theo hướng dẫn',
  refuse_to_accept: 'Không được tiếp nhận',
  transfer_lien_thong: 'Chuyển liên thông đến cơ quan phối hợp giải quyết',
  request_supplement: 'Yêu cầu bổ sung hồ sơ (tạm dừng tính thời hạn)',
  resubmit: 'Đã nộp bổ sung hồ sơ',
  notify_financial_obligation: 'Thông báo thực hiện nghĩa vụ tài chính',
  obligation_fulfilled: 'Đã hoàn thành nghĩa vụ tài chính',
  request_withdrawal: 'Yêu cầu rút hồ sơ',
  accept_withdrawal: 'Đồng ý cho rút hồ sơ',
  refuse_withdrawal: 'Không đồng ý rút hồ sơ; tiếp tục giải quyết',
  stop: 'Dừng xử lý hồ sơ',
  apologise: 'Thư xin lỗi và hẹn lại ngày trả kết quả',
  sign: 'Đã có kết quả giải quyết',
  mark_finished: 'Đã có kết quả giải quyết',
  refuse_on_merits: 'Từ chối giải quyết hồ sơ',
  return_result: 'Đã trả kết quả',
};

/** How a dossier arrived when it was not online (national channel codes 1 and 3). */
const receivedLabels: Record<number, string> = {
  1: 'Nộp hồ sơ trực tiếp tại Bộ phận Một cửa',
  3: 'Nộp hồ sơ qua dịch vụ bưu chính công ích',
};

export function eventLabel(type: string, statusCode: number, data?: unknown): string {
  if (type === 'submitted') {
    const channel = (data as { channel?: unknown } | null | undefined)?.channel;
    if (typeof channel === 'number' && receivedLabels[channel]) return receivedLabels[channel];
  }
  return eventLabels[type] ?? statusLabel(statusCode);
}

/** "Always say where a dossier is, who has it, and by when" (UX.md): the next step in words. */
export function nextStep(statusCode: number, unitName: string): string {
  switch (statusCode) {
    case 1:
      return `Cán bộ ${unitName} đang kiểm tra thành phần hồ sơ. Khi hồ sơ được tiếp nhận, Ông/Bà sẽ nhận được mã hồ sơ chính thức và ngày hẹn trả kết quả.`;
    case 2:
    case 4:
      return `${unitName} đang giải quyết hồ sơ.`;
    case 3:
      return 'Hồ sơ không được tiếp nhận; lý do được ghi trong thông báo gửi Ông/Bà.';
    case 5:
      return 'Ông/Bà cần bổ sung giấy tờ theo yêu cầu, sau đó nộp lại.';
    case 6:
      return 'Ông/Bà cần thực hiện nghĩa vụ tài chính theo thông báo.';
    case 7:
      return 'Yêu cầu rút hồ sơ đang được xem xét.';
    case 8:
      return 'Hồ sơ đã dừng xử lý.';
    case 9:
      return 'Hồ sơ đã có kết quả; Ông/Bà có thể nhận kết quả theo hình thức đã chọn.';
    case 10:
      return 'Đã trả kết quả. Mời Ông/Bà đánh giá mức độ hài lòng.';
    default:
      return '';
  }
}

/**
 * The printable forms with content for a dossier: 01 once it has its code, 02–04 once the event
 * that the form records happened (guidance or supplement request, refusal, apology).
 */
export function printableForms(
  code: string | null,
  eventTypes: readonly string[],
): ('01' | '02' | '03' | '04')[] {
  const has = (type: string) => eventTypes.includes(type);
  const forms: ('01' | '02' | '03' | '04')[] = [];
  if (code) forms.push('01');
  if (has('guide_to_complete') || has('request_supplement')) forms.push('02');
  if (has('refuse_to_accept')) forms.push('03');
  if (has('apologise')) forms.push('04');
  return forms;
}
