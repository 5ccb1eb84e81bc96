import type { HandOffResult } from './control-sheet';
import { FormWriter } from './pdf-layout';
import type { DossierPrint } from './printing.model';
import { vnDateTime } from './vn-format';

export const FORM_05_TITLE = 'Phiếu kiểm soát quá trình giải quyết hồ sơ';

export const RESULT_LABEL: Record<HandOffResult, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

export interface ControlSheetRow {
  /** e.g. "Bộ phận tiếp nhận và trả kết quả – Phường Buôn Ma Thuột (Nguyễn Văn A)" */
  from: string;
  to: string;
  at: Date;
  dueAt: Date | null;
  result: HandOffResult | null;
  note: string | null;
}

export interface ControlSheetPrint {
  rows: ControlSheetRow[];
  handlingUnits: string[];
  coordinatingUnits: string[];
  printedAt: Date;
}

/**
 * Mẫu số 05: travels with the dossier; one row per hand-off with the time and whether the party
 * handing over met its due date. Printed from the events, so it is always complete.
 */
export async function renderForm05(
  dossier: DossierPrint & { code: string },
  sheet: ControlSheetPrint,
): Promise<Buffer> {
  const w = new FormWriter({
    title: FORM_05_TITLE,
    formNo: '05',
    reference: `Mã hồ sơ ${dossier.code}`,
    issuedAt: sheet.printedAt,
  });
  w.header(dossier.desk);
  w.title(FORM_05_TITLE, [
    `Mã hồ sơ: ${dossier.code}`,
    '(Liên: lưu tại Bộ phận tiếp nhận và trả kết quả)',
  ]);

  w.field('Kèm theo hồ sơ của', dossier.applicant.name);
  w.field('Nội dung yêu cầu giải quyết', dossier.procedureName);
  w.field('Cơ quan (bộ phận) giải quyết hồ sơ', sheet.handlingUnits.join('; ') || null);
  w.field('Cơ quan phối hợp giải quyết hồ sơ', sheet.coordinatingUnits.join('; ') || 'Không');
  w.field('Thời gian nhận hồ sơ', dossier.acceptedAt ? vnDateTime(dossier.acceptedAt) : null);
  w.field('Thời gian hẹn trả kết quả', dossier.dueAt ? vnDateTime(dossier.dueAt) : null);
  if (dossier.apologyDueAt) w.field('Hẹn lại (Mẫu 04)', vnDateTime(dossier.apologyDueAt));
  w.gap(4);

  w.table(
    [
      { header: 'STT', width: 0.07, align: 'center' },
      { header: 'Tên cơ quan, người giao – nhận hồ sơ', width: 0.37 },
      { header: 'Thời gian giao, nhận hồ sơ', width: 0.19 },
      {
        header: 'Kết quả giải quyết hồ sơ (Trước hạn/ Đúng hạn/ Quá hạn)',
        width: 0.16,
        align: 'center',
      },
      { header: 'Ghi chú', width: 0.21 },
    ],
    sheet.rows.map((r, i) => [
      String(i + 1),
      `Giao: ${r.from}\nNhận: ${r.to}`,
      vnDateTime(r.at),
      r.result ? RESULT_LABEL[r.result] : '—',
      [r.note, r.dueAt ? `Hạn: ${vnDateTime(r.dueAt)}` : null].filter(Boolean).join('\n'),
    ]),
    { fontSize: 10.5 },
  );
  w.paragraph(`In ngày ${vnDateTime(sheet.printedAt)} từ nhật ký xử lý hồ sơ.`, { italic: true });
  return w.finish();
}
